/*
** The diagram of the responsibility boundaries (SPEC §5), built with cgraph
** from the analyzed model and rendered with gvc.
**
** In the graph every inventory entity keeps its id: parties and systems that
** hold devices are clusters named "cluster_ID", vendors have an anchor node
** named by their id inside their cluster, devices and device-less systems
** are nodes named by their id. Names the tool adds itself contain "~" (not
** an id character), so they never clash with the inventory's.
*/
#ifndef BUNKAI_DIAGRAM_H
#define BUNKAI_DIAGRAM_H

#include <cgraph.h>
#include <sqlite3.h>
#include <stddef.h>
#include <stdio.h>

enum { DIAGRAM_DETAIL_MAX = 1500 }; /* nodes before devices are summarized */

/* The paper the picture is made for (docs/diagram.md): landscape. */
enum diagram_page { PAGE_A3, PAGE_A4 };

struct diagram_options {
	size_t detail_max; /* summarize above this many nodes; 0 = DIAGRAM_DETAIL_MAX */
	int full_detail;   /* every device a node (the view names a system or vendor) */
	enum diagram_page page;
};

/* Build the graph from a model whose findings and view are in place
   (rules_run, view_apply). Caller closes it with sym_agclose(). NULL after
   printing an error (Graphviz cannot be loaded; an internal one: see
   db_prepare). */
Agraph_t *diagram_build(sqlite3 *db, const struct diagram_options *opts);

/* Build, lay out (dot) and render in `format` (svg, png, pdf, dot) to fp.
   Returns 0, or -1 after printing Graphviz's complaint. */
int diagram_render(sqlite3 *db, const struct diagram_options *opts, const char *format, FILE *fp);

/* Escape user text for a plain Graphviz label: backslashes doubled, & as &amp;
   (plain labels decode entities). Caller frees. */
char *diagram_escape(const char *s);

#endif
