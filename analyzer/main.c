/*
** bunkai — finds the holes and overlaps in 責任分界 (who is responsible for
** what) between a hospital and its vendors. This file only dispatches.
*/
#include <stdio.h>
#include <string.h>

#include "../model/textcheck.h"
#include "../model/xalloc.h"
#include "commands.h"

#ifndef BUNKAI_VERSION
#define BUNKAI_VERSION "0.1.0"
#endif

static const struct command commands[] = {
	{ "check", cmd_check, "validate an inventory and say what it holds" },
	{ "analyze", cmd_analyze, "find the gaps and overlaps: the gap report" },
	{ "matrix", cmd_matrix, "write the 責任分界表 (csv for Excel, md, html)" },
	{ "report", cmd_report, "write one self-contained HTML report for auditors" },
	{ "diagram", cmd_diagram, "draw the responsibility boundaries (Graphviz: svg, png, pdf, dot)" },
	{ "items", cmd_items, "list the checklist items (the Part2 catalog)" },
	{ "template", cmd_template, "write empty CSV ledgers to fill in Excel" },
	{ "import", cmd_import, "convert CSV ledgers (UTF-8 or Shift_JIS) into inventory JSON" },
	{ "export", cmd_export, "write an inventory as CSV ledgers" },
	{ NULL, NULL, NULL },
};

static void help(FILE *fp)
{
	fputs("usage: bunkai COMMAND [OPTIONS] [INVENTORY]\n"
	      "\n"
	      "Finds the holes and overlaps in 責任分界 (who leads what) between a hospital and\n"
	      "its vendors, checked against Part2 of the MHLW checklist on role sharing\n"
	      "(医療情報システムの契約における関係者間の役割分担等に関するチェックリスト).\n"
	      "\n"
	      "Commands:\n",
	      fp);
	for (const struct command *c = commands; c->name; c++)
		fprintf(fp, "  %-9s %s\n", c->name, c->summary);
	fputs("\n"
	      "INVENTORY is a bunkai-inventory/1 JSON file, - for standard input, or a\n"
	      "folder of CSV ledgers (bunkai template DIR writes empty ones).\n"
	      "\n"
	      "Examples:\n"
	      "  bunkai check hospital.json\n"
	      "  bunkai analyze hospital.json                  # text report for people\n"
	      "  bunkai analyze -f json -o gaps.json hospital.json\n"
	      "  bunkai analyze --as-of 2027-04-01 hospital.json   # what lapses by then\n"
	      "  bunkai diagram -o boundaries.svg hospital.json  # the picture\n"
	      "  bunkai matrix -o 責任分界表.csv hospital.json   # for Excel\n"
	      "  bunkai report -o report.html hospital.json      # one file for auditors\n"
	      "  bunkai template 台帳/ && bunkai analyze 台帳/     # from CSV ledgers\n"
	      "  bunkai items                                   # the checklist items\n"
	      "\n"
	      "Exit status: 0 nothing at or above --fail-on, 1 findings at or above it,\n"
	      "2 bad usage or invalid input, 3 I/O or internal failure.\n"
	      "Run 'bunkai COMMAND --help' for a command's options.\n",
	      fp);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		help(stderr);
		return EXIT_USAGE;
	}
	const char *name = argv[1];
	if (!strcmp(name, "--help") || !strcmp(name, "-h") || !strcmp(name, "help")) {
		help(stdout);
		return fflush(stdout) || ferror(stdout) ? EXIT_FAILURE_IO : EXIT_OK;
	}
	if (!strcmp(name, "--version")) {
		printf("bunkai %s\n", BUNKAI_VERSION);
		return fflush(stdout) || ferror(stdout) ? EXIT_FAILURE_IO : EXIT_OK;
	}
	for (const struct command *c = commands; c->name; c++)
		if (!strcmp(c->name, name))
			return c->run(argc - 1, argv + 1);
	char buf[SHOWN_SIZE];
	error("unknown command \"%s\"", shown(buf, name));
	help(stderr);
	return EXIT_USAGE;
}
