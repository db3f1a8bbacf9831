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
	"usage: bunkai export INVENTORY DIR [--force]\n"
	"\n"
	"Writes the inventory as the CSV files of `bunkai import` into DIR (created\n"
	"if missing): UTF-8 with BOM, CRLF, Japanese headers, so that it opens in\n"
	"Excel; `bunkai import DIR` gives the same inventory back. Item lists are\n"
	"written item by item (wildcards expanded). A value a spreadsheet would\n"
	"run as a formula or read as a number (=…, -A1, 001, 1e5) gets a leading '\n"
	"that import removes again.\n"
	"\n"
	"The folder is written all or nothing: the files are made beside it first\n"
	"and moved in only when all of them were written. A folder that already\n"
	"holds ledger files is left alone unless --force.\n"
	"\n"
	"Options:\n"
	"      --force   replace the whole set of ledger files in DIR, stale ones\n"
	"                such as an old matrix.csv included (other files are kept)\n"
	"\n"
	"Example:\n"
	"  bunkai export hospital.json 台帳/\n";

int cmd_export(int argc, char **argv)
{
	static const struct option opts[] = { { "force", no_argument, NULL, 'f' }, { "help", no_argument, NULL, 'h' },
					      { NULL, 0, NULL, 0 } };
	int c, force = 0;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'f': force = 1; break;
		case 'h': fputs(usage, stdout); return EXIT_OK;
		default: return option_error("export", argv);
		}
	}
	if (argc - optind != 2)
		return usage_error("export", "expected an INVENTORY and a folder");
	struct session s;
	int rc = session_load(&s, argv[optind], NULL, 0);
	if (rc == EXIT_OK)
		rc = export_csv(&s.inv, &s.cat, argv[optind + 1], force);
	session_release(&s);
	return rc;
}
