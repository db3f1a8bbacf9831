/*
** bunkai items — the Part2 catalog, as text or as the full JSON data.
*/
#include <cJSON.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/catalog.h"
#include "../model/xalloc.h"
#include "commands.h"
#include "output.h"
#include "report.h"

static const char usage[] =
	"usage: bunkai items [-f text|json] [-o FILE]\n"
	"\n"
	"Lists the Part2 items of the MHLW checklist that bunkai checks: their ids\n"
	"(use them in contracts' lead/support lists and in assignments), section,\n"
	"分類, 項目, scope and when they apply. `-f json` dumps every field,\n"
	"内容, 想定されるリスク, 推奨される対応例 and ガイドライン等関連部分 included.\n"
	"\n"
	"Item lists in an inventory also take section wildcards (I-* A-* B-* C-*)\n"
	"and * for every item.\n"
	"\n"
	"Options:\n"
	"  -f, --format FMT   text (default) or json\n"
	"  -o, --output FILE  write to FILE instead of standard output\n";

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
			fputs("  [organization item]", fp);
		if (it->applies != APPLIES_ALWAYS)
			fprintf(fp, "  [applies when: %s]", it->applies_name);
		if (it->each_vendor)
			fputs("  [every vendor]", fp);
		fputc('\n', fp);
		char *s = short_recommendation(it->recommendation, 70);
		fprintf(fp, "         対応例: %s\n", s);
		free(s);
	}
}

static void items_json(FILE *fp, const struct catalog *cat)
{
	char *text = cJSON_Print((const cJSON *)cat->json);
	if (!text)
		die(EXIT_FAILURE_IO, "out of memory printing the catalog");
	fputs(text, fp);
	fputc('\n', fp);
	cJSON_free(text);
}

int cmd_items(int argc, char **argv)
{
	static const struct option opts[] = { { "format", required_argument, NULL, 'f' },
					      { "output", required_argument, NULL, 'o' },
					      { "help", no_argument, NULL, 'h' },
					      { NULL, 0, NULL, 0 } };
	const char *format = "text", *out = NULL;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+f:o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'f': format = optarg; break;
		case 'o': out = optarg; break;
		case 'h': fputs(usage, stdout); return EXIT_OK;
		default: return option_error("items", argv);
		}
	}
	if (optind != argc)
		return usage_error("items", "unexpected argument \"%s\"", argv[optind]);
	if (strcmp(format, "text") && strcmp(format, "json"))
		return usage_error("items", "unknown format \"%s\" (text or json)", format);
	struct catalog cat;
	catalog_load(&cat);
	struct output o;
	int rc = output_open(&o, out);
	if (rc == 0) {
		if (!strcmp(format, "json"))
			items_json(o.fp, &cat);
		else
			items_text(o.fp, &cat);
		rc = output_commit(&o);
	}
	catalog_release(&cat);
	return rc;
}
