/*
** bunkai items — the Part2 catalog, as text or as the full JSON data.
*/
#include <cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/commands/command.h"
#include "model/util/i18n.h"
#include "analyzer/writers/report.h"
#include "model/catalog.h"
#include "model/util/exit_codes.h"
#include "model/util/xalloc.h"

static void items_text(FILE *fp, const struct catalog *cat)
{
	const char *section = NULL;
	for (size_t i = 0; i < cat->n; i++) {
		const struct catalog_item *it = &cat->items[i];
		if (!section || strcmp(section, it->section)) {
			section = it->section;
			fprintf(fp, "%s%s\n", i ? "\n" : "", section);
		}
		fprintf(fp, "  %-6s %s", it->id, it->title);
		if (it->scope == SCOPE_ORGANIZATION)
			fprintf(fp, "  [%s]", _("organization item"));
		if (it->applies != APPLIES_ALWAYS)
			fprintf(fp, _("  [applies when: %s]"), it->applies_name);
		if (it->each_vendor)
			fprintf(fp, "  [%s]", _("every vendor"));
		fputc('\n', fp);
		char *s = recommendation_excerpt(it->recommendation);
		fprintf(fp, _("         対応例: %s\n"), s);
		free(s);
	}
}

static void items_json(FILE *fp, struct catalog *cat)
{
	char *text = cJSON_Print((const cJSON *)catalog_json(cat));
	if (!text)
		die(EXIT_FAILURE_IO, _("out of memory printing the catalog"));
	fputs(text, fp);
	fputc('\n', fp);
	cJSON_free(text);
}

static const char *const formats[] = { "text", "json", NULL };

static int run(struct invocation *inv)
{
	struct catalog cat;
	catalog_load(&cat);
	if (inv->format_index == 1)
		items_json(inv->o.fp, &cat);
	else
		items_text(inv->o.fp, &cat);
	catalog_release(&cat);
	return EXIT_OK;
}

const struct command cmd_items = {
	.name = "items",
	.summary = N_("list the checklist items (the Part2 catalog)"),
	.max_args = 0,
	.args_error = N_("takes no arguments"),
	.flags = CMD_OUTPUT,
	.format_option = 'f',
	.formats = formats,
	.format_help = N_("text (default) or json"),
	.description = N_("Lists the Part2 items of the MHLW checklist that bunkai checks: their ids\n"
		       "(use them in contracts' lead/support lists and in assignments), section,\n"
		       "分類, 項目, scope and when they apply. `-f json` dumps every field,\n"
		       "内容, 想定されるリスク, 推奨される対応例 and ガイドライン等関連部分 included.\n"
		       "\n"
		       "Item lists in an inventory also take section wildcards (I-* A-* B-* C-*)\n"
		       "and * for every item.\n"),
	.examples = N_("bunkai items\n"
		    "bunkai items -f json -o catalog.json\n"),
	.run = run,
};
