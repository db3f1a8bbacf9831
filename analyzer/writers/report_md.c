/*
** The Markdown report: the same content as the text report, as tables that
** render on a wiki or in a ticket.
*/
#include <stdlib.h>
#include <string.h>

#include "analyzer/writers/markdown.h"
#include "analyzer/writers/paths.h"
#include "analyzer/writers/plan_out.h"
#include "analyzer/writers/report.h"
#include "model/util/xalloc.h"

static void cell(FILE *fp, const char *s)
{
	fputs("| ", fp);
	md_text(fp, s);
	fputc(' ', fp);
}

static void cell_long(FILE *fp, long n)
{
	fprintf(fp, "| %ld ", n);
}

static void coverage(FILE *fp, const struct analysis *a)
{
	if (!a->n_systems)
		return;
	fputs("\n## Coverage per system\n\n| System | Name | Items | Led | Unowned | Conflicts | Findings |\n"
	      "| --- | --- | ---: | ---: | ---: | ---: | ---: |\n",
	      fp);
	for (size_t i = 0; i < a->n_systems; i++) {
		const struct coverage *c = &a->systems[i];
		cell(fp, c->system);
		cell(fp, c->name);
		if (c->in_scope) {
			cell_long(fp, c->applicable);
			cell_long(fp, c->led);
			cell_long(fp, c->unowned);
			cell_long(fp, c->conflicts);
		} else {
			fputs("| - | - | - | - ", fp);
		}
		cell_long(fp, c->findings);
		fputs("|\n", fp);
	}
}

static void findings_table(FILE *fp, const struct analysis *a, const size_t *idx, size_t n)
{
	fputs("| Severity | Code | System | Item | Parties | Message | What to do | Id |\n"
	      "| --- | --- | --- | --- | --- | --- | --- | --- |\n",
	      fp);
	for (size_t i = 0; i < n; i++) {
		const struct finding *f = &a->findings[idx[i]];
		cell(fp, f->severity);
		cell(fp, f->code);
		cell(fp, f->system);
		char *item = f->item ? xasprintf("%s %s", f->item, f->item_title ? f->item_title : "") : NULL;
		cell(fp, item);
		free(item);
		fputs("| ", fp);
		for (size_t k = 0; k < f->n_parties; k++)
			fprintf(fp, "%s%s", k ? ", " : "", f->parties[k]);
		fputc(' ', fp);
		cell(fp, f->message);
		cell(fp, f->fix);
		cell(fp, f->id);
		fputs("|\n", fp);
	}
}

void report_md(FILE *fp, const struct analysis *a)
{
	fputs("# 責任分界 gap report: ", fp);
	md_text(fp, a->org_name);
	fprintf(fp, "\n\n- Organization id: `%s`\n- As of: %s\n", a->org_id, a->as_of);
	char *what_if = what_if_line(a);
	if (what_if) {
		fputs("- **What-if**: ", fp);
		md_text(fp, what_if);
		fputc('\n', fp);
	}
	free(what_if);
	fprintf(fp, "- Applicable items: %ld (led %ld, unowned %ld, conflicting %ld)\n", a->summary.applicable,
		a->summary.led, a->summary.unowned, a->summary.conflicts);
	fprintf(fp, "- Findings: %ld errors, %ld warnings, %ld infos", a->summary.errors, a->summary.warnings,
		a->summary.infos);
	if (a->summary.accepted)
		fprintf(fp, "; %ld accepted (リスク受容)", a->summary.accepted);
	fputs("\n\n", fp);
	if (a->plan)
		plan_md(fp, a->plan, PLAN_TOP);
	paths_md(fp, a->paths, a->n_paths); /* before the findings (SPEC 9.1) */
	coverage(fp, a);

	fputs(a->plan ? "\n## Findings under the action that resolves them\n\n" : "\n## Findings\n\n", fp);
	if (!a->n_findings) {
		fputs("No findings.\n", fp);
		return;
	}
	struct cause_group *g;
	size_t n = cause_groups(a, &g);
	for (size_t k = 0; k < n; k++) {
		if (g[k].step >= 0) {
			const struct action *act = &a->plan->offered.v[a->plan->steps[g[k].step]];
			fprintf(fp, "### %ld. ", g[k].step + 1);
			md_text(fp, act->title);
			fprintf(fp, " (`%s`)\n\n", act->id);
		} else if (a->plan) {
			fprintf(fp, "### No offered action resolves these (%zu)\n\n", g[k].n);
		}
		findings_table(fp, a, g[k].findings, g[k].n);
		if (k + 1 < n)
			fputc('\n', fp);
	}
	cause_groups_release(g, n);
	size_t n_accepted = accepted_count(a);
	if (n_accepted) {
		fprintf(fp, "\n## Accepted (リスク受容)\n\nNot counted toward `--fail-on`.\n\n"
			    "| Severity | Code | System | Message | Until | By | Reason | Ticket | Id |\n"
			    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
		for (size_t i = a->n_findings - n_accepted; i < a->n_findings; i++) {
			const struct finding *f = &a->findings[i];
			cell(fp, f->severity);
			cell(fp, f->code);
			cell(fp, f->system);
			cell(fp, f->message);
			cell(fp, f->accepted->until);
			cell(fp, f->accepted->by);
			cell(fp, f->accepted->reason);
			cell(fp, f->accepted->ticket);
			cell(fp, f->id);
			fputs("|\n", fp);
		}
	}
}
