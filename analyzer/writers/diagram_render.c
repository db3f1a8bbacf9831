/*
** Laying out and rendering the diagram with gvc: the one place that owns a
** Graphviz context. Graphviz's own messages are collected and reported as
** ours instead of going to stderr by themselves.
*/
#include <gvc.h>
#include <stdlib.h>

#include "analyzer/writers/diagram.h"
#include "model/util/strbuf.h"
#include "model/util/xalloc.h"
#include "model/util/i18n.h"

static struct strbuf gv_errors = STRBUF_INIT;

static int collect_error(char *msg)
{
	strbuf_addstr(&gv_errors, msg);
	return 0;
}

int diagram_render(sqlite3 *db, const struct diagram_options *opts, const char *format, FILE *fp)
{
	int rc = -1;
	agusererrf old = agseterrf(collect_error);
	Agraph_t *g = diagram_build(db, opts);
	if (!g) {
		agseterrf(old);
		return -1;
	}
	GVC_t *gvc = gvContext();
	if (gvLayout(gvc, g, "dot") != 0) {
		error(_("graph layout failed%s%s"), gv_errors.len ? ": " : "", strbuf_str(&gv_errors));
	} else {
		if (gvRender(gvc, g, format, fp) != 0)
			error(_("cannot render %s%s%s"), format, gv_errors.len ? ": " : "", strbuf_str(&gv_errors));
		else
			rc = 0;
		gvFreeLayout(gvc, g);
	}
	agclose(g);
	gvFreeContext(gvc);
	agseterrf(old);
	strbuf_release(&gv_errors);
	return rc;
}
