/*
** bunkai import DIR|FILES… [-o inventory.json] — CSV ledgers to inventory JSON.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "analyzer/analysis/session.h"
#include "analyzer/commands/command.h"
#include "model/util/i18n.h"
#include "model/csv/csv_table.h"
#include "model/json/save.h"
#include "model/csv/import_csv.h"
#include "model/util/exit_codes.h"
#include "model/util/progress.h"
#include "model/util/read_input.h"
#include "model/xlsx/read_xlsx.h"

enum { ENCODING };

/* The spellings of each encoding people type, case aside. */
static const struct {
	const char *name;
	enum csv_encoding enc;
} encodings[] = {
	{ "auto", ENC_AUTO },	{ "utf-8", ENC_UTF8 },	   { "utf8", ENC_UTF8 },
	{ "cp932", ENC_CP932 }, { "shift_jis", ENC_CP932 }, { "sjis", ENC_CP932 },
};

static int encoding_of(const char *name)
{
	for (size_t i = 0; i < sizeof(encodings) / sizeof(*encodings); i++)
		if (!strcasecmp(encodings[i].name, name))
			return (int)encodings[i].enc;
	return -1;
}

static int has_csv_suffix(const char *path)
{
	size_t n = strlen(path);
	return n >= 4 && !strcasecmp(path + n - 4, ".csv");
}

static int prepare(struct invocation *inv)
{
	if (inv->values[ENCODING] && encoding_of(inv->values[ENCODING]) < 0)
		return usage_error(inv, _("--encoding: unknown encoding \"%s\" (auto, utf-8 or cp932)"), inv->values[ENCODING]);
	if (is_directory(inv->args[0]) && inv->n_args != 1)
		return usage_error(inv, _("give one folder, or CSV files, not both"));
	return EXIT_OK;
}

static int run(struct invocation *inv)
{
	int folder = is_directory(inv->args[0]);
	int enc = inv->values[ENCODING] ? encoding_of(inv->values[ENCODING]) : ENC_AUTO;
	struct session *s = &inv->p.s;
	progress_phase(_("reading and checking"));
	int rc;
	char *buf = NULL;
	size_t len = 0;
	/* One file that is an Excel workbook (whatever its name; standard input
	   too) holds every ledger as a sheet. */
	if (!folder && inv->n_args == 1 && (!strcmp(inv->args[0], "-") || !has_csv_suffix(inv->args[0]))) {
		if ((rc = read_input(inv->args[0], &buf, &len)) != 0)
			return rc;
		if (xlsx_is_workbook(buf, len)) {
			rc = session_load_buffer(s, strcmp(inv->args[0], "-") ? inv->args[0] : "<stdin>", buf, len, NULL, 0);
			free(buf);
			goto loaded;
		}
		free(buf);
	}
	rc = session_load_csv(s, folder ? inv->args[0] : NULL, folder ? NULL : (const char *const *)inv->args,
			      folder ? 0 : (size_t)inv->n_args, enc, NULL, 0);
loaded:
	if (rc == EXIT_OK) {
		progress_phase(_("writing"));
		char *json = inventory_to_json(&s->inv, &s->cat);
		fputs(json, inv->o.fp);
		fputc('\n', inv->o.fp);
		free(json);
	}
	return rc;
}

static const struct command_option options[] = {
	{ "encoding", ENCODING, "ENC", N_("auto (default), utf-8 or cp932 (Shift_JIS)"), NULL },
	{ NULL, 0, NULL, NULL, NULL },
};

const struct command cmd_import = {
	.name = "import",
	.summary = N_("convert CSV ledgers (UTF-8 or Shift_JIS) into inventory JSON"),
	.args = "DIR|FILE.csv...",
	.min_args = 1,
	.max_args = -1,
	.args_error = N_("expected a folder of CSV files, or the CSV files"),
	.flags = CMD_OUTPUT,
	.options = options,
	.description = N_("Converts the CSV files a hospital keeps in Excel into a bunkai-inventory/1\n"
		       "JSON document: organization.csv, vendors.csv, systems.csv, networks.csv,\n"
		       "devices.csv, contracts.csv, subcontracts.csv, assignments.csv,\n"
		       "remote_access.csv, interfaces.csv, device_checks.csv and the wide\n"
		       "責任分界表 matrix.csv (rows items, a column per party, ○ lead / △ support).\n"
		       "Headers in Japanese (機器名) or English (name);\n"
		       "lists separated by ; or 、; rows starting with # are comments; a leading '\n"
		       "that keeps a value as text in a spreadsheet is removed (docs/csv-import.md).\n"
		       "Files are UTF-8 (with or without BOM) or Shift_JIS/CP932 as Excel saves\n"
		       "them, detected unless --encoding says. Every problem is reported with its\n"
		       "file, line and column, and nothing is written (exit 2).\n"
		       "\n"
		       "check, analyze, matrix, report and diagram also read such a folder directly.\n"
		       "`bunkai template DIR` writes empty files to start from.\n"),
	.examples = N_("bunkai import 台帳/ -o hospital.json\n"),
	.prepare = prepare,
	.run = run,
};
