/*
** bunkai template DIR — empty CSV files to fill in Excel.
*/
#include <getopt.h>
#include <stdio.h>

#include "../model/xalloc.h"
#include "commands.h"
#include "export_csv.h"

static const char usage[] =
	"usage: bunkai template DIR [--force]\n"
	"\n"
	"Writes empty CSV templates of the inventory into DIR: organization.csv,\n"
	"vendors.csv, systems.csv, devices.csv, contracts.csv, subcontracts.csv,\n"
	"assignments.csv, remote_access.csv, interfaces.csv and matrix.csv (the\n"
	"責任分界表). UTF-8 with BOM and Japanese headers, so Excel opens them as\n"
	"they are; each has one example row, commented out with # (the importer\n"
	"skips it). Fill them, then `bunkai import DIR` or `bunkai analyze DIR`.\n"
	"\n"
	"The folder is written all or nothing: the files are made beside it first\n"
	"and moved in only when all of them were written. A folder that already\n"
	"holds ledger files is left alone unless --force.\n"
	"\n"
	"Options:\n"
	"      --force   replace the whole set of ledger files in DIR (other files\n"
	"                in it are kept)\n";

int cmd_template(int argc, char **argv)
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
		default: return option_error("template", argv);
		}
	}
	if (argc - optind != 1)
		return usage_error("template", "expected one folder");
	return write_templates(argv[optind], force);
}
