/*
** bunkai diagram INVENTORY — the responsibility boundaries as a picture.
*/
#include "analyzer/commands/command.h"
#include "model/util/i18n.h"
#include "analyzer/writers/diagram.h"
#include "model/util/exit_codes.h"

#include <string.h>

enum { SUMMARY, PAGE };

static const char *const formats[] = { "svg", "png", "pdf", "dot", NULL };
static const char *const pages[] = { "a3", "a4", NULL };

static int run(struct invocation *inv)
{
	struct diagram_options o = {
		.detail_max = inv->values[SUMMARY] ? 1 : 0,
		/* One system's or one vendor's part: the appendix, every device drawn. */
		.full_detail = inv->view.n_systems > 0 || inv->view.vendor != NULL,
		.page = inv->values[PAGE] && !strcmp(inv->values[PAGE], "a4") ? PAGE_A4 : PAGE_A3,
	};
	return diagram_render(inv->p.s.db, &o, inv->format, inv->o.fp) == 0 ? EXIT_OK : EXIT_FAILURE_IO;
}

static const struct command_option options[] = {
	{ "summary", SUMMARY, NULL,
	  N_("count devices per system instead of drawing them\n"
	     "(automatic above 1,500 nodes, so any inventory renders in seconds)"),
	  NULL },
	{ "page", PAGE, "SIZE",
	  N_("the paper: a3 (default) or a4, landscape; the boxes are\n"
	     "arranged to its shape and scaled to fit, a PNG printed\n"
	     "sharp on it (docs/diagram.md)"),
	  pages },
	{ NULL, 0, NULL, NULL, NULL },
};

const struct command cmd_diagram = {
	.name = "diagram",
	.summary = N_("draw the responsibility boundaries (Graphviz: svg, png, pdf, dot)"),
	ONE_INVENTORY,
	.flags = CMD_LOAD | CMD_ANALYZE | CMD_OUTPUT,
	.format_option = 'T',
	.formats = formats,
	.format_help = N_("svg (default), png, pdf or dot"),
	.options = options,
	.description = N_("Draws the responsibility boundaries (責任分界図): a box per party — the\n"
		       "organization and each vendor, a prime's box around its subcontractors' —\n"
		       "each system inside the box of the party that coordinates it (its prime,\n"
		       "else its only vendor, else the organization if it leads I-6, else a red\n"
		       "\"no owner\" area), devices inside their system, and every remote link from\n"
		       "the vendor through the entry devices to the target, styled by what the\n"
		       "analysis found. Systems with error findings are red and list the unowned\n"
		       "items. Inside a system, devices of one type are collapsed into one node\n"
		       "(\"terminal ×120\"), another maintainer's in a group of their own; the doors\n"
		       "and targets of remote paths and devices with errors stay nodes named by id;\n"
		       "with --system or --vendor every device of that part is drawn. A title\n"
		       "block in the corner explains every style used (docs/diagram.md).\n"
		       "\n"
		       "In the DOT output every entity keeps its inventory id: nodes are named by\n"
		       "id, clusters \"cluster_ID\", so the graph can be post-processed with gvpr;\n"
		       "it carries the positions, so neato -n2 draws it again as it is.\n"),
	.examples = N_("bunkai diagram -o boundaries.svg hospital.json\n"
		    "bunkai diagram -T png -o v-si.png --vendor v-si hospital.json\n"),
	.run = run,
};
