/*
** Laying out and rendering the diagram with gvc: the one place that owns a
** Graphviz context. Graphviz's own messages are collected and reported as
** ours instead of going to stderr by themselves.
*/
#include <gvc.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/writers/diagram.h"
#include "analyzer/writers/graphviz_dl.h"
#include "analyzer/writers/diagram_layout.h"
#include "model/util/strbuf.h"
#include "model/util/textcheck.h"
#include "model/util/progress.h"
#include "model/util/xalloc.h"
#include "model/util/i18n.h"

static struct strbuf gv_errors = STRBUF_INIT;

static int collect_error(char *msg)
{
	strbuf_addstr(&gv_errors, msg);
	return 0;
}

/*
** The page (docs/diagram.md): A3 or A4 landscape, less a margin. `size`
** scales a larger drawing down to it (never a smaller one up); a PNG gets the
** resolution that prints sharp on that paper without passing 4000 pixels on
** the long side; a PDF is one vector page of that size.
*/
static const struct {
	double w, h; /* the paper, inches; the drawing gets it less MARGIN each side */
	const char *dpi; /* PNG: 4000 px / the paper's long side in inches, rounded down */
} papers[] = {
	[PAGE_A3] = { 16.54, 11.69, "240" }, /* 420 × 297 mm */
	[PAGE_A4] = { 11.69, 8.27, "340" },  /* 297 × 210 mm */
};
#define MARGIN 0.4 /* inches, each side */

static void set_inches(Agraph_t *g, const char *name, double w, double h)
{
	char buf[64];
	snprintf(buf, sizeof(buf), "%.2f,%.2f", w, h);
	sym_agsafeset(g, (char *)name, buf, (char *)"");
}

/* The drawing area of the page: the paper less the margin. */
static double area_w(enum diagram_page page)
{
	return papers[page].w - 2 * MARGIN;
}

static double area_h(enum diagram_page page)
{
	return papers[page].h - 2 * MARGIN;
}

static void fit_page(Agraph_t *g, enum diagram_page page, const char *format)
{
	set_inches(g, "size", area_w(page), area_h(page));
	if (!strcmp(format, "png"))
		sym_agsafeset(g, (char *)"dpi", (char *)papers[page].dpi, (char *)"");
	if (!strcmp(format, "pdf")) {
		/* The margin is the PDF's own (Graphviz's default is 0.5 in, and
		   a page a little taller than the paper). */
		set_inches(g, "page", papers[page].w, papers[page].h);
		char margin[16];
		snprintf(margin, sizeof(margin), "%.2f", MARGIN);
		sym_agsafeset(g, (char *)"margin", margin, (char *)"");
		sym_agsafeset(g, (char *)"center", (char *)"true", (char *)"");
	}
}

/*
** What Graphviz said about a drawing that succeeded, in our words. It
** reports the link labels it could not place without covering a node:
** those are left out by design (forcelabels=false; the title block names
** every line style, docs/diagram.md), so that is not repeated. Anything else
** is passed on, once per message, as a note.
*/
static void pass_on_notes(void)
{
	char *save = NULL;
	for (char *line = strtok_r(gv_errors.buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (strstr(line, "exterior labels positioned"))
			continue;
		if (!strncmp(line, "Warning: ", 9))
			line += 9;
		/* Graphviz may quote a label: escaped as every message is. */
		char *m = xasprintf(_("bunkai: note: the diagram is drawn; Graphviz adds: %s\n"), line);
		m[strcspn(m, "\n")] = '\0';
		message_put(stderr, m);
		fputc('\n', stderr);
		free(m);
	}
}

int diagram_render(sqlite3 *db, const struct diagram_options *opts, const char *format, FILE *fp)
{
	int rc = -1;
	if (graphviz_load() < 0)
		return -1;
	progress_mark("Graphviz loaded");
	agusererrf old = sym_agseterrf(collect_error);
	Agraph_t *g = diagram_build(db, opts);
	progress_mark("graph built");
	if (!g) {
		sym_agseterrf(old);
		return -1;
	}
	enum diagram_page page = opts ? opts->page : PAGE_A3;
	fit_page(g, page, format);
	GVC_t *gvc = sym_gvContext();
	progress_mark("Graphviz context");
	int laid = diagram_layout(gvc, g, area_w(page), area_h(page));
	progress_mark("layout");
	if (laid != 0) {
		error(_("graph layout failed%s%s"), gv_errors.len ? ": " : "", strbuf_str(&gv_errors));
	} else {
		if (sym_gvRender(gvc, g, format, fp) != 0) {
			error(_("cannot render %s%s%s"), format, gv_errors.len ? ": " : "", strbuf_str(&gv_errors));
		} else {
			rc = 0;
			if (gv_errors.len)
				pass_on_notes();
		}
		progress_mark("render");
		sym_gvFreeLayout(gvc, g);
	}
	sym_agclose(g);
	sym_gvFreeContext(gvc);
	sym_agseterrf(old);
	strbuf_release(&gv_errors);
	return rc;
}
