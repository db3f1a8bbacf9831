/*
** bunkai template DIR — empty CSV files to fill in Excel.
*/
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "analyzer/commands/command.h"
#include "analyzer/writers/template_xlsx.h"
#include "model/csv/export_csv.h"
#include "model/util/exit_codes.h"
#include "model/util/i18n.h"
#include "model/util/output.h"
#include "model/util/xalloc.h"

enum { FORCE };

static int is_workbook_name(const char *path)
{
	size_t n = strlen(path);
	return n >= 5 && !strcasecmp(path + n - 5, ".xlsx");
}

static int run(struct invocation *inv)
{
	const char *target = inv->args[0];
	int force = inv->values[FORCE] != NULL;
	if (!is_workbook_name(target))
		return write_templates(target, force);
	/* A workbook of that name may be the one filled in: kept unless --force. */
	struct stat st;
	if (!force && lstat(target, &st) == 0 && S_ISREG(st.st_mode))
		return error(_("%s: already exists (a filled workbook is not replaced without --force)"), target), EXIT_USAGE;
	struct output o;
	int rc = output_open(&o, target);
	if (rc)
		return rc;
	if (template_xlsx(o.fp) != 0) {
		output_abort(&o);
		return EXIT_FAILURE_IO;
	}
	return output_commit(&o);
}

static const struct command_option options[] = {
	{ "force", FORCE, NULL, N_("replace the whole set of ledger files in DIR (other files\nin it are kept), or an existing FILE.xlsx"), NULL },
	{ NULL, 0, NULL, NULL, NULL },
};

const struct command cmd_template = {
	.name = "template",
	.summary = N_("write empty ledgers to fill in Excel (CSV files or one workbook)"),
	.args = "DIR|FILE.xlsx",
	.min_args = 1,
	.max_args = 1,
	.args_error = N_("expected one folder or one FILE.xlsx"),
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
		       "holds ledger files is left alone unless --force.\n"
		       "\n"
		       "With a name ending in .xlsx, writes one Excel workbook instead: a sheet per\n"
		       "ledger (医療機関, 事業者, システム, … 責任分界表) with the same headers and\n"
		       "example row, drop-down lists of the fixed values (機器種別, はい/いいえ, ○/△)\n"
		       "and of the ids on the other sheets, and date columns. Every command reads\n"
		       "the filled workbook as INVENTORY. An existing workbook is kept unless --force.\n"),
	.examples = N_("bunkai template 台帳/\n"
		    "bunkai template 台帳.xlsx && bunkai analyze 台帳.xlsx\n"),
	.run = run,
};
