#include "diff.h"

#include <cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/analysis/pipeline.h"
#include "model/csv/import_csv.h"
#include "model/json/json_find.h"
#include "model/util/exit_codes.h"
#include "model/util/read_input.h"
#include "model/util/textcheck.h"
#include "model/util/xalloc.h"
#include "model/util/i18n.h"

static int by_id(const void *a, const void *b)
{
	return strcmp(((const struct side_finding *)a)->id, ((const struct side_finding *)b)->id);
}

static int by_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *lead_key(const char *system, const char *item, const char *party)
{
	return xasprintf("%s\t%s\t%s", system ? system : "", item, party);
}

static void add_finding(struct side *s, size_t *cap, const char *id, const char *severity, const char *message,
			int accepted)
{
	s->f = xgrow(s->f, cap, s->n + 1, sizeof(*s->f));
	struct side_finding *f = &s->f[s->n++];
	f->id = xstrdup(id);
	f->severity = xstrdup(severity);
	f->message = xstrdup(message ? message : "");
	f->rank = SEV_INFO;
	for (int r = 0; r < SEV_NONE; r++)
		if (!strcmp(severity, severity_names[r]))
			f->rank = (enum severity)r;
	f->accepted = accepted;
}

/* An inventory: analyzed as `bunkai analyze --no-plan` would. */
static int side_from_inventory(struct side *s, const char *path, const char *as_of)
{
	struct pipeline p;
	struct pipeline_options o = { .as_of = as_of, .read_findings = 1, .read_leads = 1 };
	struct view v = { 0 };
	int rc = pipeline_run(&p, path, &o, &v);
	if (rc == EXIT_OK) {
		size_t cap = 0;
		s->org = xstrdup(p.a.org_id);
		s->as_of = xstrdup(p.a.as_of);
		for (size_t i = 0; i < p.a.n_findings; i++) {
			const struct finding *f = &p.a.findings[i];
			add_finding(s, &cap, f->id, f->severity, f->message, f->accepted != NULL);
		}
		s->leads = xcalloc(p.a.n_leads + 1, sizeof(*s->leads));
		for (size_t i = 0; i < p.a.n_leads; i++)
			s->leads[s->n_leads++] = lead_key(p.a.leads[i].system, p.a.leads[i].item, p.a.leads[i].party);
	}
	pipeline_release(&p);
	return rc;
}

/* A bunkai-report/1 document, already parsed. */
static int side_from_report(struct side *s, const cJSON *root)
{
	char show[SHOWN_SIZE];
	const cJSON *findings = cJSON_GetObjectItemCaseSensitive(root, "findings"), *leads =
		cJSON_GetObjectItemCaseSensitive(root, "leads"), *el;
	if (!cJSON_IsArray(findings))
		return error(_("%s: a bunkai-report/1 document without a findings list"), shown(show, s->name)), EXIT_USAGE;
	if (!cJSON_IsArray(leads))
		return error(_("%s: the report has no \"leads\" (it was written by an older bunkai): analyze the inventory "
			     "again with -f json"),
			     shown(show, s->name)),
		       EXIT_USAGE;
	s->is_report = 1;
	s->org = xstrdup(json_string(root, "organization") ? json_string(root, "organization") : "");
	s->as_of = xstrdup(json_string(root, "as_of") ? json_string(root, "as_of") : "");
	size_t cap = 0, i = 0;
	cJSON_ArrayForEach(el, findings) {
		const char *id = json_string(el, "id"), *severity = json_string(el, "severity");
		if (!id || !severity)
			return error(_("%s: $.findings[%zu]: a finding needs an id and a severity"), shown(show, s->name), i),
			       EXIT_USAGE;
		const cJSON *acc = cJSON_GetObjectItemCaseSensitive(el, "accepted");
		add_finding(s, &cap, id, severity, json_string(el, "message"), cJSON_IsObject(acc));
		i++;
	}
	s->leads = xcalloc((size_t)cJSON_GetArraySize(leads) + 1, sizeof(*s->leads));
	i = 0;
	cJSON_ArrayForEach(el, leads) {
		const char *item = json_string(el, "item"), *party = json_string(el, "party");
		if (!item || !party)
			return error(_("%s: $.leads[%zu]: a lead needs an item and a party"), shown(show, s->name), i),
			       EXIT_USAGE;
		s->leads[s->n_leads++] = lead_key(json_string(el, "system"), item, party);
		i++;
	}
	return EXIT_OK;
}

/* A report is a file whose JSON says "format": "bunkai-report/1". *root is
   the parsed report, else NULL. */
static int is_report(const char *path, cJSON **root)
{
	*root = NULL;
	if (!strcmp(path, "-") || is_directory(path))
		return 0;
	char *buf = NULL;
	size_t len = 0;
	if (read_input(path, &buf, &len))
		return -1;
	cJSON *doc = cJSON_ParseWithLength(buf, len);
	free(buf);
	const cJSON *fmt = cJSON_GetObjectItemCaseSensitive(doc, "format");
	if (cJSON_IsString(fmt) && !strcmp(fmt->valuestring, "bunkai-report/1")) {
		*root = doc;
		return 1;
	}
	cJSON_Delete(doc);
	return 0;
}

static int side_load(struct side *s, const char *path, const char *as_of, cJSON *report)
{
	s->name = xstrdup(path);
	int rc = report ? side_from_report(s, report) : side_from_inventory(s, path, as_of);
	if (s->n)
		qsort(s->f, s->n, sizeof(*s->f), by_id);
	if (s->n_leads)
		qsort(s->leads, s->n_leads, sizeof(*s->leads), by_str);
	return rc;
}

static const struct side_finding *find(const struct side *s, const char *id)
{
	struct side_finding key = { .id = (char *)id };
	return s->n ? bsearch(&key, s->f, s->n, sizeof(*s->f), by_id) : NULL;
}

static void push(size_t **v, size_t *n, size_t i)
{
	*v = xrealloc(*v, (*n + 1) * sizeof(**v));
	(*v)[(*n)++] = i;
}

/* The parties of the leads of one (system, item), from l[*at] on; *at moves
   past them. */
static size_t parties_of(char **l, size_t n, size_t *at, const char *pair, char ***out)
{
	size_t len = strlen(pair), k = 0;
	*out = xcalloc(n + 1, sizeof(**out));
	while (*at < n && !strncmp(l[*at], pair, len) && l[*at][len] == '\t')
		(*out)[k++] = strrchr(l[(*at)++], '\t') + 1;
	return k;
}

/* Severity first, then id: errors lead every list. */
static const struct side *sort_side;
static int by_rank(const void *a, const void *b)
{
	const struct side_finding *x = &sort_side->f[*(const size_t *)a], *y = &sort_side->f[*(const size_t *)b];
	return x->rank != y->rank ? (int)x->rank - (int)y->rank : strcmp(x->id, y->id);
}

static void sort_by_rank(const struct side *s, size_t *v, size_t n)
{
	sort_side = s;
	if (n)
		qsort(v, n, sizeof(*v), by_rank);
}

static void lead_changes(struct diff *d)
{
	char **a = d->old.leads, **b = d->new.leads;
	size_t na = d->old.n_leads, nb = d->new.n_leads, i = 0, j = 0;
	while (i < na || j < nb) {
		/* The next (system, item) pair in either list. */
		const char *la = i < na ? a[i] : NULL, *lb = j < nb ? b[j] : NULL;
		const char *pick = !la ? lb : !lb ? la : strcmp(la, lb) <= 0 ? la : lb;
		const char *tab = strchr(strchr(pick, '\t') + 1, '\t');
		char *pair = xstrndup(pick, (size_t)(tab - pick));
		char **po, **pn;
		size_t no = parties_of(a, na, &i, pair, &po), nn = parties_of(b, nb, &j, pair, &pn);
		int same = no == nn;
		for (size_t k = 0; same && k < no; k++)
			same = !strcmp(po[k], pn[k]);
		if (same) {
			free(po);
			free(pn);
			free(pair);
			continue;
		}
		d->changes = xrealloc(d->changes, (d->n_changes + 1) * sizeof(*d->changes));
		struct lead_change *c = &d->changes[d->n_changes++];
		char *t = strchr(pair, '\t');
		*t = '\0';
		c->system = pair[0] ? xstrdup(pair) : NULL;
		c->item = xstrdup(t + 1);
		free(pair);
		c->old = po, c->n_old = no;
		c->new = pn, c->n_new = nn;
	}
}

int diff_run(struct diff *d, const char *old_path, const char *new_path, const char *as_of)
{
	memset(d, 0, sizeof(*d));
	cJSON *ro, *rn;
	int ko = is_report(old_path, &ro), kn = is_report(new_path, &rn);
	int rc = EXIT_OK;
	if (ko < 0 || kn < 0)
		rc = EXIT_USAGE;
	else if (ko != kn) {
		char so[SHOWN_SIZE], sn[SHOWN_SIZE];
		if (ko)
			error(_("%s is a report and %s an inventory: compare two inventories or two bunkai-report/1 files"),
			      shown(so, old_path), shown(sn, new_path));
		else
			error(_("%s is an inventory and %s a report: compare two inventories or two bunkai-report/1 files"),
			      shown(so, old_path), shown(sn, new_path));
		rc = EXIT_USAGE;
	}
	if (rc == EXIT_OK)
		rc = side_load(&d->old, old_path, as_of, ro);
	if (rc == EXIT_OK)
		rc = side_load(&d->new, new_path, as_of, rn);
	cJSON_Delete(ro);
	cJSON_Delete(rn);
	if (rc != EXIT_OK)
		return rc;
	for (size_t i = 0; i < d->new.n; i++) {
		const struct side_finding *f = &d->new.f[i], *was = find(&d->old, f->id);
		if (f->accepted && !(was && was->accepted))
			push(&d->newly_accepted, &d->n_newly_accepted, i);
		else if (!f->accepted && !(was && !was->accepted))
			push(&d->new_open, &d->n_new_open, i);
		else if (!f->accepted)
			push(&d->still_open, &d->n_still_open, i);
	}
	for (size_t i = 0; i < d->old.n; i++)
		if (!d->old.f[i].accepted && !find(&d->new, d->old.f[i].id))
			push(&d->resolved, &d->n_resolved, i);
	sort_by_rank(&d->new, d->new_open, d->n_new_open);
	sort_by_rank(&d->old, d->resolved, d->n_resolved);
	sort_by_rank(&d->new, d->still_open, d->n_still_open);
	sort_by_rank(&d->new, d->newly_accepted, d->n_newly_accepted);
	lead_changes(d);
	return EXIT_OK;
}

static void side_release(struct side *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->f[i].id);
		free(s->f[i].severity);
		free(s->f[i].message);
	}
	free(s->f);
	for (size_t i = 0; i < s->n_leads; i++)
		free(s->leads[i]);
	free(s->leads);
	free(s->name);
	free(s->org);
	free(s->as_of);
}

void diff_release(struct diff *d)
{
	for (size_t i = 0; i < d->n_changes; i++) {
		free(d->changes[i].system);
		free(d->changes[i].item);
		free(d->changes[i].old);
		free(d->changes[i].new);
	}
	free(d->changes);
	free(d->new_open);
	free(d->resolved);
	free(d->still_open);
	free(d->newly_accepted);
	side_release(&d->old);
	side_release(&d->new);
	memset(d, 0, sizeof(*d));
}
