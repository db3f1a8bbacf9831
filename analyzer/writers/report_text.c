/*
** The text report, for a one-person IT office: what was read, a summary,
** what to fix first (the plan), the paths into the hospital, coverage per
** system, then the findings under the action that resolves them (the rest
** by severity and code, with what to do and, for item findings, the
** checklist's 推奨される対応例).
*/
#include <stdlib.h>
#include <string.h>

#include "analyzer/writers/paths.h"
#include "analyzer/writers/plan_out.h"
#include "analyzer/writers/report.h"
#include "model/util/i18n.h"
#include "model/util/textcheck.h"
#include "model/util/xalloc.h"


static void header(FILE *fp, const struct analysis *a)
{
	fprintf(fp, _("bunkai 責任分界 gap report — %s (%s), as of %s\n"), a->org_name, a->org_id, a->as_of);
	fputs(_("Inventory: "), fp);
	print_counts(fp, a->counts.vendors, a->counts.systems, a->counts.devices, a->counts.contracts,
		     a->counts.subcontracts, a->counts.assignments, a->counts.remotes, a->counts.interfaces);
	char *what_if = what_if_line(a);
	if (what_if)
		fprintf(fp, _("\nWhat-if: %s"), what_if);
	free(what_if);
	fprintf(fp, "\n\n%s\n", _("Summary"));
	fprintf(fp, _("  Applicable items: %ld — led by exactly one party %ld, unowned %ld, conflicting %ld\n"),
		a->summary.applicable, a->summary.led, a->summary.unowned, a->summary.conflicts);
	fputs(_("  Findings: "), fp);
	fprintf(fp, ngettext("%ld error", "%ld errors", (unsigned long)a->summary.errors), a->summary.errors);
	fputs(list_sep(), fp);
	fprintf(fp, ngettext("%ld warning", "%ld warnings", (unsigned long)a->summary.warnings), a->summary.warnings);
	fputs(list_sep(), fp);
	fprintf(fp, ngettext("%ld info", "%ld infos", (unsigned long)a->summary.infos), a->summary.infos);
	if (a->summary.accepted)
		fprintf(fp, _("; %ld accepted (リスク受容, listed last)"), a->summary.accepted);
	fputc('\n', fp);
}

static void coverage(FILE *fp, const struct analysis *a)
{
	if (!a->n_systems)
		return;
	const char *head = _("SYSTEM");
	size_t w = display_width(head);
	for (size_t i = 0; i < a->n_systems; i++)
		if (strlen(a->systems[i].system) > w)
			w = strlen(a->systems[i].system);
	fprintf(fp, "\n%s\n", _("Coverage per system"));
	/* TRANSLATORS: column heads; each as wide as the numbers under it (5, 5, 7, 9, 8). */
	/* The head by display width: "システム" is 12 bytes but 8 columns. */
	char *padded = xasprintf("%s%*s", head, (int)(w - display_width(head)), "");
	fprintf(fp, _("  %-*s  ITEMS    LED  UNOWNED  CONFLICTS  FINDINGS  NAME\n"), (int)strlen(padded), padded);
	free(padded);
	for (size_t i = 0; i < a->n_systems; i++) {
		const struct coverage *c = &a->systems[i];
		if (c->in_scope)
			fprintf(fp, "  %-*s  %5ld  %5ld  %7ld  %9ld  %8ld  %s\n", (int)w, c->system, c->applicable,
				c->led, c->unowned, c->conflicts, c->findings, c->name);
		else
			fprintf(fp, _("  %-*s  %5s  %5s  %7s  %9s  %8ld  %s (no medical information: items do not apply)\n"),
				(int)w, c->system, "-", "-", "-", "-", c->findings, c->name);
	}
}

static void finding(FILE *fp, const struct finding *f, int with_code)
{
	fputs("    - ", fp);
	if (with_code)
		fprintf(fp, "%s %s: ", f->severity, f->code);
	if (f->system)
		fprintf(fp, "[%s] ", f->system_label ? f->system_label : f->system);
	fprintf(fp, "%s\n", f->message);
	/* The checklist's recommendation helps where an item must be negotiated. */
	if (f->item_recommendation && f->rank == SEV_ERROR) {
		char *s = recommendation_excerpt(f->item_recommendation);
		fprintf(fp, _("      対応例: %s\n"), s);
		free(s);
	}
	char *ref = f->ref ? ref_display(f->ref) : NULL;
	fprintf(fp, _("      id: %s   ref: %s\n"), f->id, ref ? ref : "-");
	free(ref);
}

/* Findings by severity, then code, with what to do once per code. */
static void by_severity(FILE *fp, const struct analysis *a, const size_t *idx, size_t n)
{
	static const char *const titles[] = { N_("Errors"), N_("Warnings"), N_("Infos") };
	for (int sev = SEV_ERROR; sev <= SEV_INFO; sev++) {
		size_t total = 0;
		for (size_t i = 0; i < n; i++)
			total += a->findings[idx[i]].rank == (enum severity)sev;
		if (!total)
			continue;
		fprintf(fp, "\n%s (%zu)\n", _(titles[sev]), total);
		for (size_t i = 0; i < n;) {
			const struct finding *f = &a->findings[idx[i]];
			if (f->rank != (enum severity)sev) {
				i++;
				continue;
			}
			size_t j = i;
			while (j < n && !strcmp(a->findings[idx[j]].code, f->code))
				j++;
			fprintf(fp, "\n  %s (%zu)\n", f->code, j - i);
			if (f->fix)
				fprintf(fp, _("    what to do: %s\n"), f->fix);
			for (; i < j; i++)
				finding(fp, &a->findings[idx[i]], 0);
		}
	}
}

void report_text(FILE *fp, const struct analysis *a)
{
	header(fp, a);
	if (a->plan) {
		fputc('\n', fp);
		plan_text(fp, a->plan, PLAN_TOP);
	}
	paths_text(fp, a->paths, a->n_paths); /* before the findings (SPEC 9.1) */
	coverage(fp, a);
	if (!a->n_findings) {
		fprintf(fp, "\n%s\n", no_findings_line(a));
		return;
	}
	size_t n_accepted = accepted_count(a), n_open = a->n_findings - n_accepted;
	if (!n_open)
		fprintf(fp, "\n%s\n", _("No open findings."));
	struct cause_group *g;
	size_t n = cause_groups(a, &g);
	if (a->plan)
		fprintf(fp, "\n%s\n", _("Findings under the action that resolves them"));
	for (size_t k = 0; k < n; k++) {
		if (g[k].step < 0) {
			if (a->plan)
				fprintf(fp, _("\n  No offered action resolves these (%zu)\n"), g[k].n);
			by_severity(fp, a, g[k].findings, g[k].n);
			continue;
		}
		const struct action *act = &a->plan->offered.v[a->plan->steps[g[k].step]];
		fprintf(fp, "\n  %ld. %s  [%s]\n", g[k].step + 1, act->title, act->id);
		for (size_t i = 0; i < g[k].n; i++)
			finding(fp, &a->findings[g[k].findings[i]], 1);
	}
	cause_groups_release(g, n);
	if (n_accepted) {
		fprintf(fp, _("\nAccepted (リスク受容) (%zu): not counted toward --fail-on\n"), n_accepted);
		for (size_t i = n_open; i < a->n_findings; i++) {
			const struct finding *f = &a->findings[i];
			char *line = acceptance_line(f->accepted);
			finding(fp, f, 1);
			fprintf(fp, "      %s\n", line);
			free(line);
		}
	}
}
