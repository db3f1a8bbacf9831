/*
** Usage errors shared by the subcommands: one format, one exit status.
*/
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>

#include "../model/xalloc.h"
#include "commands.h"

int usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "bunkai %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'bunkai %s --help'.\n", cmd);
	return EXIT_USAGE;
}

int option_error(const char *cmd, char **argv)
{
	return usage_error(cmd, "option \"%s\" is unknown or needs a value", argv[optind - 1]);
}
