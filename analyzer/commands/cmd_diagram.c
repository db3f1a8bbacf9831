/*
** bunkai diagram INVENTORY — the responsibility boundaries as a picture.
*/
#include "analyzer/commands/command.h"
#include "model/util/i18n.h"
#include "analyzer/writers/diagram.h"
#include "model/util/exit_codes.h"

enum { SUMMARY };

static const char *const formats[] = { "svg", "png", "pdf", "dot", NULL };

static int run(struct invocation *inv)
{
	struct diagram_options o = { inv->values[SUMMARY] != NULL };
	return diagram_render(inv->p.s.db, &o, inv->format, inv->o.fp) == 0 ? EXIT_OK : EXIT_FAILURE_IO;
}

static const struct command_option options[] = {
	{ "summary", SUMMARY, NULL,
	  N_("count devices per system instead of drawing them\n"
	     "(automatic above 1,500 nodes, so any inventory renders in seconds)"),
	  NULL },
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
		       "items. A legend explains every style used (docs/diagram.md).\n"
		       "\n"
		       "In the DOT output every entity keeps its inventory id: nodes are named by\n"
		       "id, clusters \"cluster_ID\", so the graph can be post-processed with gvpr.\n"),
	.examples = N_("bunkai diagram -o boundaries.svg hospital.json\n"
		    "bunkai diagram -T png -o v-si.png --vendor v-si hospital.json\n"),
	.run = run,
};
