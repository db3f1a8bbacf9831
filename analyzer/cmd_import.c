/*
** bunkai import DIR|FILES… [-o inventory.json] — CSV ledgers to inventory JSON.
*/
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../model/csv_table.h"
#include "../model/load.h"
#include "../model/save.h"
#include "../model/xalloc.h"
#include "commands.h"
#include "output.h"
#include "session.h"

static const char usage[] =
	"usage: bunkai import DIR|FILE.csv... [-o inventory.json] [--encoding auto|utf-8|cp932]\n"
	"\n"
	"Converts the CSV files a hospital keeps in Excel into a bunkai-inventory/1\n"
	"JSON document: organization.csv, vendors.csv, systems.csv, devices.csv,\n"
	"contracts.csv, subcontracts.csv, assignments.csv, remote_access.csv,\n"
	"interfaces.csv and the wide 責任分界表 matrix.csv (rows items, a column per\n"
	"party, ○ lead / △ support). Headers in Japanese (機器名) or English (name);\n"
	"lists separated by ; or 、; rows starting with # are comments.\n"
	"Files are UTF-8 (with or without BOM) or Shift_JIS/CP932 as Excel saves\n"
	"them, detected unless --encoding says. Every problem is reported with its\n"
	"file, line and column, and nothing is written (exit 2).\n"
	"\n"
	"check, analyze, matrix, report and diagram also read such a folder directly.\n"
	"`bunkai template DIR` writes empty files to start from (docs/csv-import.md).\n"
	"\n"
	"Options:\n"
	"  -o, --output FILE   write the JSON to FILE (atomically) instead of stdout\n"
	"      --encoding ENC  auto (default), utf-8 or cp932 (Shift_JIS)\n"
	"\n"
	"Example:\n"
	"  bunkai import 台帳/ -o hospital.json\n";

int cmd_import(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' }, { "encoding", required_argument, NULL, 'e' },
		{ "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 },
	};
	const char *out = NULL;
	int enc = ENC_AUTO, c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'o': out = optarg; break;
		case 'e':
			if (!strcmp(optarg, "auto"))
				enc = ENC_AUTO;
			else if (!strcasecmp(optarg, "utf-8") || !strcasecmp(optarg, "utf8"))
				enc = ENC_UTF8;
			else if (!strcasecmp(optarg, "cp932") || !strcasecmp(optarg, "shift_jis") || !strcasecmp(optarg, "sjis"))
				enc = ENC_CP932;
			else
				return usage_error("import", "--encoding: unknown encoding \"%s\" (auto, utf-8 or cp932)", optarg);
			break;
		case 'h': fputs(usage, stdout); return EXIT_OK;
		default: return option_error("import", argv);
		}
	}
	if (optind == argc)
		return usage_error("import", "expected a folder of CSV files, or the CSV files");
	int folder = is_directory(argv[optind]);
	if (folder && argc - optind != 1)
		return usage_error("import", "give one folder, or CSV files, not both");
	struct session s;
	int rc = session_load_csv(&s, folder ? argv[optind] : NULL, folder ? NULL : (const char *const *)argv + optind,
				  folder ? 0 : (size_t)(argc - optind), enc, NULL, 0);
	if (rc == EXIT_OK) {
		char *json = inventory_to_json(&s.inv, &s.cat);
		struct output o;
		if ((rc = output_open(&o, out)) == 0) {
			fputs(json, o.fp);
			fputc('\n', o.fp);
			rc = output_commit(&o);
		}
		free(json);
	}
	session_release(&s);
	return rc;
}
