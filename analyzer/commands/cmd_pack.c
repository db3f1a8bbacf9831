/*
** bunkai pack INVENTORY DIR — a printable page and a workbook per party for
** the vendors' meeting.
*/
#include "analyzer/commands/command.h"
#include "analyzer/writers/pack.h"
#include "model/util/i18n.h"

enum { FORCE };

static int run(struct invocation *inv)
{
	return pack_write(inv->p.s.db, &inv->p.s.cat, inv->args[1], inv->values[FORCE] != NULL);
}

static const struct command_option options[] = {
	{ "force", FORCE, NULL, N_("replace the packs already in DIR (other files are kept)"), NULL },
	{ NULL, 0, NULL, NULL, NULL },
};

const struct command cmd_pack = {
	.name = "pack",
	.summary = N_("write a pack per vendor for the meeting (HTML to print, xlsx)"),
	.args = "INVENTORY DIR",
	.min_args = 2,
	.max_args = 2,
	.args_error = N_("expected an INVENTORY and a folder"),
	.flags = CMD_LOAD | CMD_ANALYZE,
	.options = options,
	.description = N_("Writes into DIR, for each vendor that works on a system or comes in by a\n"
		       "remote path, and for the organization, PARTY.html (one page to print, A4\n"
		       "landscape) and PARTY.xlsx (the same as sheets): its systems and devices,\n"
		       "its paths into the hospital, the items it leads (○) or supports (△) with\n"
		       "their whole 推奨される対応例 and empty 初回確認 (はい/いいえ, date) and 完了日\n"
		       "columns to fill in together, and the findings that name it. Each pack is\n"
		       "the analysis seen through --vendor PARTY (the organization's: the whole\n"
		       "inventory). The folder is written all or nothing; packs already there are\n"
		       "kept unless --force (docs/pack.md).\n"),
	.examples = N_("bunkai pack hospital.json packs/\n"
		    "bunkai pack --as-of 2026-10-01 台帳.xlsx 10月の打合せ/\n"),
	.run = run,
};
