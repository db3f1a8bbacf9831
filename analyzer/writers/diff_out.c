#include "diff_out.h"

#include <cJSON.h>

#include "analyzer/writers/markdown.h"
#include "analyzer/writers/report.h"
#include "model/json/json_write.h"
#include "model/util/i18n.h"

/* The four lists, one table for every format: title, side, indexes. */
struct group {
	const char *title, *key;
	const struct side *side;
	const size_t *idx;
	size_t n;
};

static void groups(const struct diff *d, struct group g[4])
{
	g[0] = (struct group){ _("New"), "new", &d->new, d->new_open, d->n_new_open };
	g[1] = (struct group){ _("Resolved"), "resolved", &d->old, d->resolved, d->n_resolved };
	g[2] = (struct group){ _("Newly accepted (リスク受容)"), "newly_accepted", &d->new, d->newly_accepted,
			       d->n_newly_accepted };
	g[3] = (struct group){ _("Still open"), "still_open", &d->new, d->still_open, d->n_still_open };
}

static void parties(FILE *fp, char **v, size_t n)
{
	if (!n)
		fputs(_("nobody"), fp);
	for (size_t i = 0; i < n; i++)
		fprintf(fp, "%s%s", i ? list_sep() : "", v[i]);
}

void diff_text(FILE *fp, const struct diff *d)
{
	struct group g[4];
	groups(d, g);
	fprintf(fp, _("bunkai diff — %s (as of %s) → %s (as of %s)\n"), d->old.name, d->old.as_of, d->new.name,
		d->new.as_of);
	fprintf(fp,
		ngettext("%zu new, %zu resolved, %zu newly accepted, %zu still open; %zu change of who leads what\n",
			 "%zu new, %zu resolved, %zu newly accepted, %zu still open; %zu changes of who leads what\n",
			 d->n_changes),
		d->n_new_open, d->n_resolved, d->n_newly_accepted, d->n_still_open, d->n_changes);
	for (int k = 0; k < 4; k++) {
		if (!g[k].n)
			continue;
		fprintf(fp, "\n%s (%zu)\n", g[k].title, g[k].n);
		for (size_t i = 0; i < g[k].n; i++) {
			const struct side_finding *f = &g[k].side->f[g[k].idx[i]];
			if (k == 3) /* still open: the ids suffice */
				fprintf(fp, "  %s\n", f->id);
			else
				fprintf(fp, "  %-7s %s\n          %s\n", severity_label(f->severity), f->id, f->message);
		}
	}
	if (d->n_changes) {
		fprintf(fp, _("\nWho leads what (%zu)\n"), d->n_changes);
		for (size_t i = 0; i < d->n_changes; i++) {
			const struct lead_change *c = &d->changes[i];
			fprintf(fp, "  %s %s: ", c->system ? c->system : _("(organization)"), c->item);
			parties(fp, c->old, c->n_old);
			fputs(" → ", fp);
			parties(fp, c->new, c->n_new);
			fputc('\n', fp);
		}
	}
}

void diff_md(FILE *fp, const struct diff *d)
{
	struct group g[4];
	groups(d, g);
	fprintf(fp, "# %s", _("責任分界 diff: "));
	md_text(fp, d->old.name);
	fputs(" → ", fp);
	md_text(fp, d->new.name);
	fprintf(fp, _("\n\n- As of: %s → %s\n- %zu new, %zu resolved, %zu newly accepted, %zu still open; %zu changes of "
		      "who leads what\n"),
		d->old.as_of, d->new.as_of, d->n_new_open, d->n_resolved, d->n_newly_accepted, d->n_still_open,
		d->n_changes);
	for (int k = 0; k < 4; k++) {
		if (!g[k].n)
			continue;
		fprintf(fp, "\n## %s (%zu)\n\n| %s | %s | %s |\n| --- | --- | --- |\n", g[k].title, g[k].n, _("Severity"),
			_("Id"), _("Message"));
		for (size_t i = 0; i < g[k].n; i++) {
			const struct side_finding *f = &g[k].side->f[g[k].idx[i]];
			fprintf(fp, "| %s | `%s` | ", severity_label(f->severity), f->id); /* ids: [A-Za-z0-9._:-@,*] */
			md_text(fp, f->message);
			fputs(" |\n", fp);
		}
	}
	if (d->n_changes) {
		fprintf(fp, _("\n## Who leads what (%zu)\n\n"), d->n_changes);
		fprintf(fp, "| %s | %s | %s | %s |\n| --- | --- | --- | --- |\n", _("System"), _("Item"), _("Before"),
			_("After"));
		for (size_t i = 0; i < d->n_changes; i++) {
			const struct lead_change *c = &d->changes[i];
			fprintf(fp, "| %s | %s | ", c->system ? c->system : _("(organization)"), c->item);
			parties(fp, c->old, c->n_old);
			fputs(" | ", fp);
			parties(fp, c->new, c->n_new);
			fputs(" |\n", fp);
		}
	}
}

static cJSON *strings(char **v, size_t n)
{
	cJSON *a = cJSON_CreateArray();
	for (size_t i = 0; i < n; i++)
		cJSON_AddItemToArray(a, cJSON_CreateString(v[i]));
	return a;
}

void diff_json(FILE *fp, const struct diff *d)
{
	struct group g[4];
	groups(d, g);
	cJSON *root = cJSON_CreateObject();
	cJSON_AddStringToObject(root, "format", "bunkai-diff/1");
	/* "new" is the contract's list of new findings: the sides go under "sources". */
	cJSON *sources = cJSON_AddObjectToObject(root, "sources");
	cJSON *old = cJSON_AddObjectToObject(sources, "old"), *new = cJSON_AddObjectToObject(sources, "new");
	cJSON_AddStringToObject(old, "source", d->old.name);
	cJSON_AddStringToObject(old, "as_of", d->old.as_of);
	cJSON_AddStringToObject(new, "source", d->new.name);
	cJSON_AddStringToObject(new, "as_of", d->new.as_of);
	static const int contract_order[] = { 0, 1, 3, 2 }; /* new, resolved, still_open, newly_accepted */
	for (int o = 0; o < 4; o++) {
		int k = contract_order[o];
		cJSON *a = cJSON_AddArrayToObject(root, g[k].key);
		for (size_t i = 0; i < g[k].n; i++)
			cJSON_AddItemToArray(a, cJSON_CreateString(g[k].side->f[g[k].idx[i]].id));
	}
	cJSON *changes = cJSON_AddArrayToObject(root, "lead_changes");
	for (size_t i = 0; i < d->n_changes; i++) {
		const struct lead_change *c = &d->changes[i];
		cJSON *o = cJSON_CreateObject();
		if (c->system)
			cJSON_AddStringToObject(o, "system", c->system);
		else
			cJSON_AddNullToObject(o, "system");
		cJSON_AddStringToObject(o, "item", c->item);
		cJSON_AddItemToObject(o, "old", strings(c->old, c->n_old));
		cJSON_AddItemToObject(o, "new", strings(c->new, c->n_new));
		cJSON_AddItemToArray(changes, o);
	}
	json_write(fp, root, "the diff");
}
