/*
** bunkai report INVENTORY -o FILE.html — everything in one file for an auditor.
*/
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/xalloc.h"
#include "commands.h"
#include "diagram.h"
#include "matrix.h"
#include "output.h"
#include "pipeline.h"
#include "report_html.h"

#ifndef BUNKAI_VERSION
#define BUNKAI_VERSION "0.1.0"
#endif

static const char usage[] =
	"usage: bunkai report INVENTORY -o FILE.html [--vendor ID] [--system ID]... [--as-of DATE]\n"
	"\n"
	"Writes one self-contained HTML file an auditor can open in any browser,\n"
	"offline: the summary, coverage per system, every finding (filterable by\n"
	"severity, system and vendor; complete without JavaScript), the 責任分界表\n"
	"and the boundary diagram as inline SVG, with the as-of date and the\n"
	"inventory's SHA-256 so the report can be tied to its input. It prints\n"
	"cleanly (docs/report.md).\n"
	"\n"
	"Options:\n"
	"  -o, --output FILE  the HTML file (atomically; - for standard output)\n"
	"      --vendor ID    only what this vendor and its subcontractors are bound to\n"
	"      --system ID    only this system (repeatable)\n"
	"      --as-of DATE   the day the report is for (YYYY-MM-DD)\n"
	"\n"
	"Example:\n"
	"  bunkai report -o 責任分界レポート.html hospital.json\n";

/* The diagram as an <svg> element: rendered to memory, prolog cut. Caller frees. */
static char *inline_svg(sqlite3 *db)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	if (!mem)
		return NULL;
	struct diagram_options o = { 0 };
	int rc = diagram_render(db, &o, "svg", mem);
	if (fclose(mem) != 0 || rc < 0) {
		free(buf);
		return NULL;
	}
	char *start = strstr(buf, "<svg");
	char *svg = start ? xstrdup(start) : NULL;
	free(buf);
	return svg;
}

int cmd_report(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' }, VIEW_OPTIONS, { "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *out = NULL;
	struct view_options vo = { 0 };
	int c, rc, seen;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
		if ((seen = view_option(&vo, c, optarg, "report")) != 0) {
			if (seen < 0)
				return view_options_release(&vo), EXIT_USAGE;
			continue;
		}
		switch (c) {
		case 'o': out = optarg; break;
		case 'h': fputs(usage, stdout); view_options_release(&vo); return EXIT_OK;
		default: view_options_release(&vo); return option_error("report", argv);
		}
	}
	if (argc - optind != 1)
		rc = usage_error("report", "expected one INVENTORY file (or - for standard input)");
	else if (!out)
		rc = usage_error("report", "-o FILE.html is required (use -o - for standard output)");
	else {
		struct pipeline p;
		struct view v = { vo.systems, vo.n_systems, vo.vendor };
		rc = pipeline_run(&p, argv[optind], vo.as_of, &v, NULL, 0);
		if (rc == EXIT_OK) {
			struct matrix m;
			struct output o;
			rc = EXIT_FAILURE_IO;
			matrix_read(p.s.db, &m);
			char *svg = inline_svg(p.s.db);
			if (svg && (rc = output_open(&o, out)) == 0) {
				report_html(o.fp, &p.a, &m, svg, p.s.sha256, "bunkai " BUNKAI_VERSION);
				rc = output_commit(&o);
			}
			free(svg);
			matrix_release(&m);
		}
		pipeline_release(&p);
	}
	view_options_release(&vo);
	return rc;
}
