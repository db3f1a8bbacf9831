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
#include "model/util/i18n.h"
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
	fprintf(fp, "\n## %s\n\n| %s | %s | %s | %s | %s | %s | %s |\n| --- | --- | ---: | ---: | ---: | ---: | ---: |\n",
		_("Coverage per system"), _("System"), _("Name"), _("Items"), _("Led"), _("Unowned"), _("Conflicts"),
		_("Findings"));
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
	fprintf(fp, "| %s | %s | %s | %s | %s | %s | %s | %s |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n",
		_("Severity"), _("Code"), _("System"), _("Item"), _("Parties"), _("Message"), _("What to do"), _("Id"));
	for (size_t i = 0; i < n; i++) {
		const struct finding *f = &a->findings[idx[i]];
		cell(fp, severity_label(f->severity));
		cell(fp, f->code);
		cell(fp, f->system_label);
		char *item = f->item ? xasprintf("%s %s", f->item, f->item_title ? f->item_title : "") : NULL;
		cell(fp, item);
		free(item);
		fputs("| ", fp);
		for (size_t k = 0; k < f->n_parties; k++) {
			fputs(k ? list_sep() : "", fp);
			md_text(fp, party_label(a, f->parties[k]));
		}
		fputc(' ', fp);
		cell(fp, f->message);
		cell(fp, f->fix);
		cell(fp, f->id);
		fputs("|\n", fp);
	}
}

static void recommended_item(void *ctx, const struct finding *f)
{
	FILE *fp = ctx;
	fprintf(fp, "\n### %s ", f->item);
	md_text(fp, f->item_title ? f->item_title : "");
	fputs("\n\n", fp);
	md_text(fp, f->item_recommendation);
	fputc('\n', fp);
}

/* The whole 推奨される対応例 of each item the findings name, once (SPEC 9.4). */
static void recommendations(FILE *fp, const struct analysis *a)
{
	if (!has_recommended_item(a))
		return;
	fprintf(fp, "\n## %s\n", _("推奨される対応例 of the items above"));
	each_recommended_item(a, recommended_item, fp);
}

void report_md(FILE *fp, const struct analysis *a)
{
	fprintf(fp, "# %s", _("責任分界 gap report: "));
	md_text(fp, a->org_name);
	fprintf(fp, _("\n\n- Organization id: `%s`\n- As of: %s\n"), a->org_id, a->as_of);
	char *what_if = what_if_line(a);
	if (what_if) {
		fprintf(fp, "- **%s**: ", _("What-if"));
		md_text(fp, what_if);
		fputc('\n', fp);
	}
	free(what_if);
	fprintf(fp, _("- Applicable items: %ld (led %ld, unowned %ld, conflicting %ld)\n"), a->summary.applicable,
		a->summary.led, a->summary.unowned, a->summary.conflicts);
	fprintf(fp, _("- Findings: %ld errors, %ld warnings, %ld infos"), a->summary.errors, a->summary.warnings,
		a->summary.infos);
	if (a->summary.accepted)
		fprintf(fp, _("; %ld accepted (リスク受容)"), a->summary.accepted);
	fputs("\n\n", fp);
	if (a->plan)
		plan_md(fp, a->plan, PLAN_TOP);
	paths_md(fp, a->paths, a->n_paths); /* before the findings (SPEC 9.1) */
	coverage(fp, a);

	fprintf(fp, "\n## %s\n\n", a->plan ? _("Findings under the action that resolves them") : _("Findings"));
	if (!a->n_findings) {
		fprintf(fp, "%s\n", no_findings_line(a));
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
			fprintf(fp, _("### No offered action resolves these (%zu)\n\n"), g[k].n);
		}
		findings_table(fp, a, g[k].findings, g[k].n);
		if (k + 1 < n)
			fputc('\n', fp);
	}
	cause_groups_release(g, n);
	size_t n_accepted = accepted_count(a);
	if (n_accepted) {
		fprintf(fp, "\n## %s\n\n%s\n\n| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n"
			    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n",
			_("Accepted (リスク受容)"), _("Not counted toward `--fail-on`."), _("Severity"), _("Code"),
			_("System"), _("Message"), _("Until"), _("By"), _("Reason"), _("Ticket"), _("Id"));
		for (size_t i = a->n_findings - n_accepted; i < a->n_findings; i++) {
			const struct finding *f = &a->findings[i];
			cell(fp, severity_label(f->severity));
			cell(fp, f->code);
			cell(fp, f->system_label);
			cell(fp, f->message);
			cell(fp, f->accepted->until);
			cell(fp, f->accepted->by);
			cell(fp, f->accepted->reason);
			cell(fp, f->accepted->ticket);
			cell(fp, f->id);
			fputs("|\n", fp);
		}
	}
	recommendations(fp, a);
}
