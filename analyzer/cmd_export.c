/*
** bunkai export INVENTORY DIR — the inventory as the CSV folder people edit.
*/
#include <getopt.h>
#include <stdio.h>

#include "../model/xalloc.h"
#include "commands.h"
#include "export_csv.h"
#include "session.h"

static const char usage[] =
	"usage: bunkai export INVENTORY DIR\n"
	"\n"
	"Writes the inventory as the CSV files of `bunkai import` into DIR (created\n"
	"if missing): UTF-8 with BOM, CRLF, Japanese headers, so that it opens in\n"
	"Excel; `bunkai import DIR` gives the same inventory back. Item lists are\n"
	"written item by item (wildcards expanded).\n"
	"\n"
	"Example:\n"
	"  bunkai export hospital.json 台帳/\n";

int cmd_export(int argc, char **argv)
{
	static const struct option opts[] = { { "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 } };
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (c == 'h') {
			fputs(usage, stdout);
			return EXIT_OK;
		}
		return option_error("export", argv);
	}
	if (argc - optind != 2)
		return usage_error("export", "expected an INVENTORY and a folder");
	struct session s;
	int rc = session_load(&s, argv[optind], NULL, 0);
	if (rc == EXIT_OK && export_csv(&s.inv, &s.cat, argv[optind + 1]) < 0)
		rc = EXIT_FAILURE_IO;
	session_release(&s);
	return rc;
}
