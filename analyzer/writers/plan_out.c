#include "plan_out.h"

#include <string.h>

#include "analyzer/writers/html.h"
#include "analyzer/writers/markdown.h"
#include "model/util/i18n.h"

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
	long counts[3];
	plan_step_counts(p, k, counts);
	size_t len = 0;
	buf[0] = '\0';
	for (int s = 0; s < 3; s++) {
		if (!counts[s] || len >= size)
			continue;
		if (len)
			len += (size_t)snprintf(buf + len, size - len, "%s", list_sep());
		unsigned long n = (unsigned long)counts[s];
		if (len >= size)
			break;
		if (s == 0)
			len += (size_t)snprintf(buf + len, size - len, ngettext("%ld error", "%ld errors", n), counts[s]);
		else if (s == 1)
			len += (size_t)snprintf(buf + len, size - len, ngettext("%ld warning", "%ld warnings", n), counts[s]);
		else
			len += (size_t)snprintf(buf + len, size - len, ngettext("%ld info", "%ld infos", n), counts[s]);
	}
	const struct action *a = &p->offered.v[p->steps[k]];
	long introduced = (long)a->n_introduces;
	if (introduced && len < size)
	{
		if (len)
			snprintf(buf + len, size - len, _("; introduces %ld"), introduced);
		else
			snprintf(buf + len, size - len, _("introduces %ld"), introduced);
	}
	return buf;
}

static size_t shown_steps(const struct plan *p, size_t top)
{
	return p->n_steps < top ? p->n_steps : top;
}

void plan_text(FILE *fp, const struct plan *p, size_t top)
{
	char counts[96];
	if (p->grouped)
		fprintf(fp, ngettext("What to fix first (%zu action, grouped by kind: too many to measure one by one)\n",
				     "What to fix first (%zu actions, grouped by kind: too many to measure one by one)\n",
				     p->n_steps),
			p->n_steps);
	else
		fprintf(fp, ngettext("What to fix first (%zu action)\n", "What to fix first (%zu actions)\n", p->n_steps),
			p->n_steps);
	if (!p->n_steps)
		fprintf(fp, "  %s\n", _("nothing: no action offered resolves an open finding"));
	for (size_t k = 0; k < shown_steps(p, top); k++) {
		const struct action *a = &p->offered.v[p->steps[k]];
		fprintf(fp, "  %2zu. [%s] %s\n", k + 1, plan_step_summary(p, k, counts, sizeof(counts)), a->title);
	}
	if (p->n_steps > top)
		fprintf(fp, _("  … and %zu more (bunkai plan, or -f json, lists them all)\n"), p->n_steps - top);
}

void plan_md(FILE *fp, const struct plan *p, size_t top)
{
	char counts[96];
	fprintf(fp, "## %s\n\n", _("What to fix first"));
	if (!p->n_steps)
		fprintf(fp, "%s\n", _("Nothing: no action offered resolves an open finding."));
	for (size_t k = 0; k < shown_steps(p, top); k++) {
		const struct action *a = &p->offered.v[p->steps[k]];
		fprintf(fp, "%zu. ", k + 1);
		md_text(fp, a->title);
		fputs(_(" — resolves "), fp);
		md_text(fp, plan_step_summary(p, k, counts, sizeof(counts)));
		fprintf(fp, " (`%s`)\n", a->id); /* ids: [A-Za-z0-9._:-@*], safe in code */
	}
	if (p->n_steps > top)
		fprintf(fp, _("\n… and %zu more (`bunkai plan` lists them all).\n"), p->n_steps - top);
}

void plan_html(FILE *fp, const struct plan *p, size_t top)
{
	char counts[96];
	fprintf(fp, "<section id=\"plan\"><h2>%s</h2>\n", _("What to fix first"));
	if (!p->n_steps)
		fprintf(fp, "<p>%s</p>\n", _("Nothing: no action offered resolves an open finding."));
	else
		fputs("<ol class=\"plan\">\n", fp);
	for (size_t k = 0; k < shown_steps(p, top); k++) {
		const struct action *a = &p->offered.v[p->steps[k]];
		fputs("<li><a href=\"#cause-", fp); /* html_text escapes quotes too */
		html_text(fp, a->id);
		fputs("\">", fp);
		html_text(fp, a->title);
		fprintf(fp, "</a> <span class=\"resolves\">%s", _("resolves "));
		html_text(fp, plan_step_summary(p, k, counts, sizeof(counts)));
		fputs("</span> <code>", fp);
		html_text(fp, a->id);
		fputs("</code></li>\n", fp);
	}
	if (p->n_steps)
		fputs("</ol>\n", fp);
	if (p->n_steps > top)
		fprintf(fp, _("<p>… and %zu more (the JSON report lists them all).</p>\n"), p->n_steps - top);
	fputs("</section>\n", fp);
}
