/*
** bunkai diagram INVENTORY — the responsibility boundaries as a picture.
*/
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/xalloc.h"
#include "analysis.h"
#include "commands.h"
#include "diagram.h"
#include "output.h"
#include "rules.h"
#include "pipeline.h"

static const char usage[] =
	"usage: bunkai diagram INVENTORY [-T svg|png|pdf|dot] [-o FILE] [--vendor ID] [--as-of DATE]\n"
	"                      [--summary]\n"
	"\n"
	"Draws the responsibility boundaries (責任分界図): a box per party — the\n"
	"organization and each vendor, a prime's box around its subcontractors' —\n"
	"each system inside the box of the party that coordinates it (its prime,\n"
	"else its only vendor, else the organization if it leads I-6, else a red\n"
	"\"no owner\" area), devices inside their system, and every remote link from\n"
	"the vendor through the entry devices to the target, styled by what the\n"
	"analysis found. Systems with error findings are red and list the unowned\n"
	"items. A legend explains every style used (docs/diagram.md).\n"
	"\n"
	"Options:\n"
	"  -T, --format FMT   svg (default), png, pdf or dot\n"
	"  -o, --output FILE  write to FILE (atomically) instead of standard output\n"
	"      --vendor ID    only what this vendor and its subcontractors are bound to\n"
	"      --as-of DATE   draw the situation on this day (YYYY-MM-DD)\n"
	"      --summary      count devices per system instead of drawing them\n"
	"                     (automatic above 1,500 nodes, so any inventory renders in seconds)\n"
	"\n"
	"In the DOT output every entity keeps its inventory id: nodes are named by\n"
	"id, clusters \"cluster_ID\", so the graph can be post-processed with gvpr.\n"
	"\n"
	"Examples:\n"
	"  bunkai diagram -o boundaries.svg hospital.json\n"
	"  bunkai diagram -T png -o v-si.png --vendor v-si hospital.json\n";

enum { OPT_SUMMARY = OPT_COMMAND_FIRST };

int cmd_diagram(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'T' }, { "output", required_argument, NULL, 'o' },
		{ "vendor", required_argument, NULL, OPT_VENDOR }, { "as-of", required_argument, NULL, OPT_AS_OF },
		{ "summary", no_argument, NULL, OPT_SUMMARY }, { "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *format = "svg", *out = NULL;
	struct view_options vo = { 0 };
	int summary = 0, c, seen;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "T:o:h", opts, NULL)) != -1) {
		if ((seen = view_option(&vo, c, optarg, "diagram")) != 0) {
			if (seen < 0)
				return EXIT_USAGE;
			continue;
		}
		switch (c) {
		case 'T': format = optarg; break;
		case 'o': out = optarg; break;
		case OPT_SUMMARY: summary = 1; break;
		case 'h': fputs(usage, stdout); return EXIT_OK;
		default: return option_error("diagram", argv);
		}
	}
	if (argc - optind != 1)
		return usage_error("diagram", "expected one INVENTORY file (or - for standard input)");
	if (strcmp(format, "svg") && strcmp(format, "png") && strcmp(format, "pdf") && strcmp(format, "dot"))
		return usage_error("diagram", "unknown format \"%s\" (svg, png, pdf or dot)", format);

	struct pipeline p;
	struct view v = { NULL, 0, vo.vendor };
	int rc = pipeline_run(&p, argv[optind], vo.as_of, &v, NULL, 0);
	if (rc != EXIT_OK)
		goto out;
	struct diagram_options dopts = { summary ? 1 : 0 };
	struct output o;
	if ((rc = output_open(&o, out)) == 0) {
		if (diagram_render(p.s.db, &dopts, format, o.fp) == 0) {
			rc = output_commit(&o);
		} else {
			output_abort(&o);
			rc = EXIT_FAILURE_IO;
		}
	}
out:
	pipeline_release(&p);
	view_options_release(&vo);
	return rc;
}
