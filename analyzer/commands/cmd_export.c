/*
** bunkai export INVENTORY DIR — the inventory as the CSV folder people edit.
*/
#include "analyzer/commands/command.h"
#include "model/util/i18n.h"
#include "model/csv/export_csv.h"
#include "model/util/exit_codes.h"

enum { FORCE };

static int run(struct invocation *inv)
{
	return export_csv(&inv->p.s.inv, &inv->p.s.cat, inv->args[1], inv->values[FORCE] != NULL);
}

static const struct command_option options[] = {
	{ "force", FORCE, NULL,
	  N_("replace the whole set of ledger files in DIR, stale ones\n"
	     "such as an old matrix.csv included (other files are kept)"),
	  NULL },
	{ NULL, 0, NULL, NULL, NULL },
};

const struct command cmd_export = {
	.name = "export",
	.summary = N_("write an inventory as CSV ledgers"),
	.args = "INVENTORY DIR",
	.min_args = 2,
	.max_args = 2,
	.args_error = N_("expected an INVENTORY and a folder"),
	.flags = CMD_LOAD,
	.options = options,
	.description = N_("Writes the inventory as the CSV files of `bunkai import` into DIR (created\n"
		       "if missing): UTF-8 with BOM, CRLF, Japanese headers, so that it opens in\n"
		       "Excel; `bunkai import DIR` gives the same inventory back. Item lists are\n"
		       "written item by item (wildcards expanded). A value a spreadsheet would\n"
		       "run as a formula or read as a number (=…, -A1, 001, 1e5) gets a leading '\n"
		       "that import removes again.\n"
		       "\n"
		       "The folder is written all or nothing: the files are made beside it first\n"
		       "and moved in only when all of them were written. A folder that already\n"
		       "holds ledger files is left alone unless --force (docs/output.md).\n"),
	.examples = N_("bunkai export hospital.json 台帳/\n"),
	.run = run,
};
