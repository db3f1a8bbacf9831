/*
** bunkai report INVENTORY -o FILE.html — everything in one file for an auditor.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/commands/command.h"
#include "model/util/i18n.h"
#include "analyzer/writers/diagram.h"
#include "analyzer/writers/html_report.h"
#include "analyzer/writers/matrix.h"
#include "model/util/exit_codes.h"
#include "model/util/xalloc.h"

#ifndef BUNKAI_VERSION
#define BUNKAI_VERSION "0.1.0"
#endif

/* The diagram as an <svg> element: rendered to memory, prolog cut; every
   device drawn when the view names a system or vendor, as `bunkai diagram`
   does. Caller frees. */
static char *inline_svg(sqlite3 *db, int full_detail)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	if (!mem)
		return NULL;
	struct diagram_options o = { .full_detail = full_detail };
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

static int run(struct invocation *inv)
{
	struct matrix m;
	int rc = matrix_read(inv->p.s.db, &m, 1) == 0 ? EXIT_OK : EXIT_FAILURE_IO;
	char *svg = rc == EXIT_OK ? inline_svg(inv->p.s.db, inv->view.n_systems > 0 || inv->view.vendor != NULL) : NULL;
	if (svg)
		report_html(inv->o.fp, &inv->p.a, &m, svg, inv->p.s.sha256, "bunkai " BUNKAI_VERSION);
	else
		rc = EXIT_FAILURE_IO;
	free(svg);
	matrix_release(&m);
	return rc;
}

const struct command cmd_report = {
	.name = "report",
	.summary = N_("write one self-contained HTML report for auditors"),
	ONE_INVENTORY,
	.flags = CMD_LOAD | CMD_ANALYZE | CMD_FINDINGS | CMD_PLAN | CMD_PLAN_OPTIONAL | CMD_OUTPUT | CMD_OUTPUT_REQUIRED |
		 CMD_CHECKSUM,
	.description = N_("Writes one self-contained HTML file an auditor can open in any browser,\n"
		       "offline: the summary, coverage per system, every finding (filterable by\n"
		       "severity, system and vendor; complete without JavaScript), the 責任分界表\n"
		       "and the boundary diagram as inline SVG, with the as-of date and the\n"
		       "inventory's SHA-256 so the report can be tied to its input. It prints\n"
		       "cleanly (docs/report.md). -o is required (- for standard output).\n"),
	.examples = N_("bunkai report -o 責任分界レポート.html hospital.json\n"),
	.run = run,
};
