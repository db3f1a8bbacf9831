/*
** The text report, for a one-person IT office: what was read, a summary,
** coverage per system, then the findings grouped by severity and code, each
** with what to do and, for item findings, the checklist's 推奨される対応例.
*/
#include <stdlib.h>
#include <string.h>

#include "analyzer/writers/paths.h"
#include "analyzer/writers/report.h"


static void plural(FILE *fp, long n, const char *one, const char *many)
{
	fprintf(fp, "%ld %s", n, n == 1 ? one : many);
}

static void header(FILE *fp, const struct analysis *a)
{
	fprintf(fp, "bunkai 責任分界 gap report — %s (%s), as of %s\n", a->org_name, a->org_id, a->as_of);
	fputs("Inventory: ", fp);
	print_counts(fp, a->counts.vendors, a->counts.systems, a->counts.devices, a->counts.contracts,
		     a->counts.subcontracts, a->counts.assignments, a->counts.remotes, a->counts.interfaces);
	fputs("\n\nSummary\n", fp);
	fprintf(fp, "  Applicable items: %ld — led by exactly one party %ld, unowned %ld, conflicting %ld\n",
		a->summary.applicable, a->summary.led, a->summary.unowned, a->summary.conflicts);
	fputs("  Findings: ", fp);
	plural(fp, a->summary.errors, "error", "errors");
	fputs(", ", fp);
	plural(fp, a->summary.warnings, "warning", "warnings");
	fputs(", ", fp);
	plural(fp, a->summary.infos, "info", "infos");
	fputc('\n', fp);
}

static void coverage(FILE *fp, const struct analysis *a)
{
	if (!a->n_systems)
		return;
	size_t w = strlen("SYSTEM");
	for (size_t i = 0; i < a->n_systems; i++)
		if (strlen(a->systems[i].system) > w)
			w = strlen(a->systems[i].system);
	fputs("\nCoverage per system\n", fp);
	fprintf(fp, "  %-*s  ITEMS    LED  UNOWNED  CONFLICTS  FINDINGS  NAME\n", (int)w, "SYSTEM");
	for (size_t i = 0; i < a->n_systems; i++) {
		const struct coverage *c = &a->systems[i];
		if (c->in_scope)
			fprintf(fp, "  %-*s  %5ld  %5ld  %7ld  %9ld  %8ld  %s\n", (int)w, c->system, c->applicable,
				c->led, c->unowned, c->conflicts, c->findings, c->name);
		else
			fprintf(fp, "  %-*s  %5s  %5s  %7s  %9s  %8ld  %s (no medical information: items do not apply)\n",
				(int)w, c->system, "-", "-", "-", "-", c->findings, c->name);
	}
}

static void finding(FILE *fp, const struct finding *f)
{
	fputs("    - ", fp);
	if (f->system)
		fprintf(fp, "[%s] ", f->system);
	fprintf(fp, "%s\n", f->message);
	/* The checklist's recommendation helps where an item must be negotiated. */
	if (f->item_recommendation && f->rank == SEV_ERROR) {
		char *s = short_recommendation(f->item_recommendation, 60);
		fprintf(fp, "      対応例: %s\n", s);
		free(s);
	}
	fprintf(fp, "      id: %s   ref: %s\n", f->id, f->ref ? f->ref : "-");
}

void report_text(FILE *fp, const struct analysis *a)
{
	static const char *const titles[] = { "Errors", "Warnings", "Infos" };
	header(fp, a);
	coverage(fp, a);
	paths_text(fp, a->paths, a->n_paths); /* before the findings (SPEC 9.1) */
	if (!a->n_findings) {
		fputs("\nNo findings: every applicable item has exactly one lead and nothing else was found.\n", fp);
		return;
	}
	for (int sev = SEV_ERROR; sev <= SEV_INFO; sev++) {
		size_t i = 0, total = 0;
		for (i = 0; i < a->n_findings; i++)
			total += a->findings[i].rank == (enum severity)sev;
		if (!total)
			continue;
		fprintf(fp, "\n%s (%zu)\n", titles[sev], total);
		for (i = 0; i < a->n_findings;) {
			const struct finding *f = &a->findings[i];
			if (f->rank != (enum severity)sev) {
				i++;
				continue;
			}
			size_t j = i;
			while (j < a->n_findings && !strcmp(a->findings[j].code, f->code))
				j++;
			fprintf(fp, "\n  %s (%zu)\n", f->code, j - i);
			if (f->fix)
				fprintf(fp, "    what to do: %s\n", f->fix);
			for (; i < j; i++)
				finding(fp, &a->findings[i]);
		}
	}
}
