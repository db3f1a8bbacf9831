#include "plan_out.h"

#include <string.h>

#include "analyzer/writers/html.h"
#include "analyzer/writers/markdown.h"

cJSON *plan_json(const struct plan *p)
{
	cJSON *list = cJSON_CreateArray();
	for (size_t k = 0; k < p->n_steps; k++) {
		const struct action *a = &p->offered.v[p->steps[k]];
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "id", a->id);
		cJSON_AddStringToObject(o, "kind", a->kind);
		cJSON_AddStringToObject(o, "target", a->target);
		cJSON_AddStringToObject(o, "title", a->title);
		if (a->members > 1)
			cJSON_AddNumberToObject(o, "members", (double)a->members);
		cJSON_AddItemToObject(o, "edit", cJSON_Duplicate(a->edit, 1));
		cJSON *r = cJSON_AddArrayToObject(o, "resolves");
		for (size_t i = 0; i < a->n_resolves; i++)
			cJSON_AddItemToArray(r, cJSON_CreateString(p->baseline.ids[a->resolves[i]]));
		cJSON *n = cJSON_AddArrayToObject(o, "introduces");
		for (size_t i = 0; i < a->n_introduces; i++)
			cJSON_AddItemToArray(n, cJSON_CreateString(a->introduces[i]));
		cJSON_AddItemToArray(list, o);
	}
	return list;
}

const char *plan_step_summary(const struct plan *p, size_t k, char *buf, size_t size)
{
	static const char *const names[3][2] = { { "error", "errors" }, { "warning", "warnings" }, { "info", "infos" } };
	long counts[3];
	plan_step_counts(p, k, counts);
	size_t len = 0;
	buf[0] = '\0';
	for (int s = 0; s < 3; s++)
		if (counts[s] && len < size)
			len += (size_t)snprintf(buf + len, size - len, "%s%ld %s", len ? ", " : "", counts[s],
						names[s][counts[s] != 1]);
	const struct action *a = &p->offered.v[p->steps[k]];
	long introduced = (long)a->n_introduces;
	if (introduced && len < size)
		snprintf(buf + len, size - len, "%sintroduces %ld", len ? "; " : "", introduced);
	return buf;
}

static size_t shown_steps(const struct plan *p, size_t top)
{
	return p->n_steps < top ? p->n_steps : top;
}

void plan_text(FILE *fp, const struct plan *p, size_t top)
{
	char counts[96];
	fprintf(fp, "What to fix first (%zu action%s", p->n_steps, p->n_steps == 1 ? "" : "s");
	if (p->grouped)
		fputs(", grouped by kind: too many to measure one by one", fp);
	fputs(")\n", fp);
	if (!p->n_steps)
		fputs("  nothing: no action offered resolves an open finding\n", fp);
	for (size_t k = 0; k < shown_steps(p, top); k++) {
		const struct action *a = &p->offered.v[p->steps[k]];
		fprintf(fp, "  %2zu. [%s] %s\n", k + 1, plan_step_summary(p, k, counts, sizeof(counts)), a->title);
	}
	if (p->n_steps > top)
		fprintf(fp, "  … and %zu more (bunkai plan, or -f json, lists them all)\n", p->n_steps - top);
}

void plan_md(FILE *fp, const struct plan *p, size_t top)
{
	char counts[96];
	fprintf(fp, "## What to fix first\n\n");
	if (!p->n_steps)
		fputs("Nothing: no action offered resolves an open finding.\n", fp);
	for (size_t k = 0; k < shown_steps(p, top); k++) {
		const struct action *a = &p->offered.v[p->steps[k]];
		fprintf(fp, "%zu. ", k + 1);
		md_text(fp, a->title);
		fputs(" — resolves ", fp);
		md_text(fp, plan_step_summary(p, k, counts, sizeof(counts)));
		fprintf(fp, " (`%s`)\n", a->id); /* ids: [A-Za-z0-9._:-@*], safe in code */
	}
	if (p->n_steps > top)
		fprintf(fp, "\n… and %zu more (`bunkai plan` lists them all).\n", p->n_steps - top);
}

void plan_html(FILE *fp, const struct plan *p, size_t top)
{
	char counts[96];
	fputs("<section id=\"plan\"><h2>What to fix first</h2>\n", fp);
	if (!p->n_steps)
		fputs("<p>Nothing: no action offered resolves an open finding.</p>\n", fp);
	else
		fputs("<ol class=\"plan\">\n", fp);
	for (size_t k = 0; k < shown_steps(p, top); k++) {
		const struct action *a = &p->offered.v[p->steps[k]];
		fputs("<li><a href=\"#cause-", fp); /* html_text escapes quotes too */
		html_text(fp, a->id);
		fputs("\">", fp);
		html_text(fp, a->title);
		fputs("</a> <span class=\"resolves\">resolves ", fp);
		html_text(fp, plan_step_summary(p, k, counts, sizeof(counts)));
		fputs("</span> <code>", fp);
		html_text(fp, a->id);
		fputs("</code></li>\n", fp);
	}
	if (p->n_steps)
		fputs("</ol>\n", fp);
	if (p->n_steps > top)
		fprintf(fp, "<p>… and %zu more (the JSON report lists them all).</p>\n", p->n_steps - top);
	fputs("</section>\n", fp);
}
