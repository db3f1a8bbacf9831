/*
** bunkai check INVENTORY — validate only, then say what was loaded.
*/
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "../model/xalloc.h"
#include "commands.h"
#include "report.h"
#include "session.h"

static const char usage[] =
	"usage: bunkai check INVENTORY\n"
	"\n"
	"Validates an inventory (format bunkai-inventory/1) without analyzing it:\n"
	"syntax, keys, types, ids, dates, references, subcontract cycles. Every\n"
	"problem is reported (up to 50), as FILE:LINE:COL for JSON syntax and\n"
	"FILE: $.path: for meaning. On success it prints what it read.\n"
	"\n"
	"Exit status: 0 valid, 2 invalid (or bad usage), 3 I/O failure.\n"
	"\n"
	"Example:\n"
	"  bunkai check hospital.json\n";

int cmd_check(int argc, char **argv)
{
	static const struct option opts[] = { { "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 } };
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
		if (c == 'h') {
			fputs(usage, stdout);
			return EXIT_OK;
		}
		return option_error("check", argv);
	}
	if (argc - optind != 1)
		return usage_error("check", "expected one INVENTORY file (or - for standard input)");
	const char *file = argv[optind];
	struct session s;
	int rc = session_load(&s, file, NULL, 0);
	if (rc == EXIT_OK) {
		const struct inventory *inv = &s.inv;
		printf("%s: valid bunkai-inventory/1 for %s (%s)\n", file, inv->org_name, inv->org_id);
		fputs("  ", stdout);
		print_counts(stdout, (long)inv->n_vendors, (long)inv->n_systems, (long)inv->n_devices,
			     (long)inv->n_contracts, (long)inv->n_subcontracts, (long)inv->n_assignments,
			     (long)inv->n_remotes, (long)inv->n_interfaces);
		fputc('\n', stdout);
		printf("  as of %s%s\n", s.as_of, inv->as_of ? "" : " (today: the inventory names no as_of date)");
		if (fflush(stdout) || ferror(stdout))
			rc = (error("standard output: write failed"), EXIT_FAILURE_IO);
	}
	session_release(&s);
	return rc;
}
