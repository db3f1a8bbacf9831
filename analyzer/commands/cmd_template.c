/*
** bunkai template DIR — empty CSV files to fill in Excel.
*/
#include "analyzer/commands/command.h"
#include "model/util/i18n.h"
#include "model/csv/export_csv.h"
#include "model/util/exit_codes.h"

enum { FORCE };

static int run(struct invocation *inv)
{
	return write_templates(inv->args[0], inv->values[FORCE] != NULL);
}

static const struct command_option options[] = {
	{ "force", FORCE, NULL, N_("replace the whole set of ledger files in DIR (other files\nin it are kept)"), NULL },
	{ NULL, 0, NULL, NULL, NULL },
};

const struct command cmd_template = {
	.name = "template",
	.summary = N_("write empty CSV ledgers to fill in Excel"),
	.args = "DIR",
	.min_args = 1,
	.max_args = 1,
	.args_error = N_("expected one folder"),
	.options = options,
	.description = N_("Writes empty CSV templates of the inventory into DIR: organization.csv,\n"
		       "vendors.csv, systems.csv, networks.csv, devices.csv, contracts.csv,\n"
		       "subcontracts.csv, assignments.csv, remote_access.csv, interfaces.csv,\n"
		       "device_checks.csv and matrix.csv (the 責任分界表). UTF-8 with BOM and\n"
		       "Japanese headers, so Excel opens them as they are; each has one example\n"
		       "row, commented out with # (the importer skips it). Fill them, then\n"
		       "`bunkai import DIR` or `bunkai analyze DIR`.\n"
		       "\n"
		       "The folder is written all or nothing: the files are made beside it first\n"
		       "and moved in only when all of them were written. A folder that already\n"
		       "holds ledger files is left alone unless --force.\n"),
	.examples = N_("bunkai template 台帳/\n"),
	.run = run,
};
