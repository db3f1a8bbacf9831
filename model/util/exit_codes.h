/*
** The exit status of every command (SPEC §6), in one place.
*/
#ifndef BUNKAI_EXIT_CODES_H
#define BUNKAI_EXIT_CODES_H

enum exit_code {
	EXIT_OK = 0,        /* ran, nothing at or above --fail-on */
	EXIT_FINDINGS = 1,  /* a finding at or above --fail-on */
	EXIT_USAGE = 2,     /* bad usage or invalid input */
	EXIT_FAILURE_IO = 3 /* I/O or internal failure */
};

#endif
