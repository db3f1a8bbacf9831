#include "plan.h"

#include <stdlib.h>
#include <string.h>

#include "analyzer/analysis/rules.h"
#include "model/util/progress.h"
#include "model/util/i18n.h"
#include "model/util/xalloc.h"

/* The codes of errors "on a path into the hospital" (SPEC 9.2). */
static const char *const path_codes[] = {
	"unmaintained-entry-point", "remote-without-contract", "remote-target-not-in-ledger",
	"remote-reach-beyond-contract", "remote-path-unapproved", "weak-remote-access",
	"remote-conditions-unknown", "door-unchecked", "check-by-wrong-party", NULL,
};

int plan_is_path_code(const char *code)
{
	for (size_t i = 0; path_codes[i]; i++)
		if (!strcmp(code, path_codes[i]))
			return 1;
	return 0;
}

/* The code of a finding id ("CODE@…"). */
static int id_is_path_error(const struct finding_set *s, size_t i)
{
	if (s->ranks[i] != SEV_ERROR)
		return 0;
	const char *at = strchr(s->ids[i], '@');
	size_t n = at ? (size_t)(at - s->ids[i]) : strlen(s->ids[i]);
	for (size_t k = 0; path_codes[k]; k++)
		if (strlen(path_codes[k]) == n && !strncmp(s->ids[i], path_codes[k], n))
			return 1;
	return 0;
}

/* One action measured (rc and the findings after, from measure_edits):
   what disappears from, and what appears beside, the baseline. Takes the
   ids it keeps out of `after`. */
static void compare(struct plan *p, struct action *a, int rc, struct finding_set *after_set)
{
	if (rc > 0) {
		a->measured = -1;
		return;
	}
	struct finding_set after = *after_set;
	a->measured = 1;
	const struct finding_set *b = &p->baseline;
	size_t i = 0, j = 0;
	while (i < b->n || j < after.n) {
		int c = i == b->n ? 1 : j == after.n ? -1 : strcmp(b->ids[i], after.ids[j]);
		if (c < 0) {
			a->resolves = xrealloc(a->resolves, (a->n_resolves + 1) * sizeof(*a->resolves));
			a->resolves[a->n_resolves++] = i++;
		} else if (c > 0) {
			a->introduces = xrealloc(a->introduces, (a->n_introduces + 1) * sizeof(*a->introduces));
			a->introduces_rank = xrealloc(a->introduces_rank, (a->n_introduces + 1) * sizeof(int));
			a->introduces[a->n_introduces] = after.ids[j];
			a->introduces_rank[a->n_introduces++] = after.ranks[j];
			after.ids[j++] = NULL;
		} else {
			i++, j++;
		}
	}
}

/* What action a newly resolves given what the plan already covers. */
struct gain {
	long resolved; /* newly resolved, all severities */
	long path_errors, errors, warnings, infos;
};

static struct gain gain_of(const struct plan *p, const struct action *a, const unsigned char *covered)
{
	struct gain g = { 0 };
	for (size_t k = 0; k < a->n_resolves; k++) {
		size_t i = a->resolves[k];
		if (covered[i])
			continue;
		g.resolved++;
		if (id_is_path_error(&p->baseline, i))
			g.path_errors++;
		int r = p->baseline.ranks[i];
		if (r == SEV_ERROR)
			g.errors++;
		else if (r == SEV_WARNING)
			g.warnings++;
		else
			g.infos++;
	}
	for (size_t k = 0; k < a->n_introduces; k++)
		if (a->introduces_rank[k] == SEV_ERROR)
			g.errors--;
	return g;
}

/* 1 when x ranks before y; `doors` while path errors remain to resolve. */
static int better(const struct gain *x, const struct action *ax, const struct gain *y, const struct action *ay,
		  int doors)
{
	if (doors && x->path_errors != y->path_errors)
		return x->path_errors > y->path_errors;
	if (!doors) {
		if (x->errors != y->errors)
			return x->errors > y->errors;
		if (x->warnings != y->warnings)
			return x->warnings > y->warnings;
		if (x->infos != y->infos)
			return x->infos > y->infos;
	}
	return strcmp(ax->id, ay->id) < 0;
}

static void rank(struct plan *p)
{
	size_t n = p->offered.n;
	unsigned char *covered = xcalloc(p->baseline.n + 1, 1), *out = xcalloc(n + 1, 1);
	struct gain *gains = xcalloc(n + 1, sizeof(*gains));
	p->steps = xmalloc((n + 1) * sizeof(*p->steps));
	for (;;) {
		long best = -1;
		int doors = 0;
		/* What each candidate newly resolves now; doors first while some
		   path error is still to be newly resolved. */
		for (size_t i = 0; i < n; i++) {
			int candidate = !out[i] && p->offered.v[i].measured == 1;
			gains[i] = candidate ? gain_of(p, &p->offered.v[i], covered) : (struct gain){ 0 };
			doors |= gains[i].path_errors > 0;
		}
		for (size_t i = 0; i < n; i++) {
			if (!gains[i].resolved || (doors && !gains[i].path_errors))
				continue;
			if (best < 0 || better(&gains[i], &p->offered.v[i], &gains[best], &p->offered.v[best], doors))
				best = (long)i;
		}
		if (best < 0)
			break;
		out[best] = 1;
		struct action *a = &p->offered.v[best];
		int contradicted = 0;
		for (size_t k = 0; k < p->n_steps; k++)
			if (actions_contradict(&p->offered.v[p->steps[k]], a))
				contradicted = 1;
		if (contradicted)
			continue; /* the later of two contradicting actions is dropped */
		for (size_t k = 0; k < a->n_resolves; k++)
			if (!covered[a->resolves[k]]) {
				covered[a->resolves[k]] = 1;
				p->cause[a->resolves[k]] = (long)p->n_steps;
			}
		p->steps[p->n_steps++] = (size_t)best;
	}
	free(covered);
	free(out);
	free(gains);
}

int plan_build(struct plan *p, sqlite3 *db, const struct measure *m)
{
	memset(p, 0, sizeof(*p));
	if (finding_set_read(db, &p->baseline) < 0 || actions_offer(db, m->doc, m->as_of, &p->offered) < 0)
		return -1;
	p->cause = xmalloc((p->baseline.n + 1) * sizeof(*p->cause));
	for (size_t i = 0; i < p->baseline.n; i++)
		p->cause[i] = -1;
	if (p->offered.n > PLAN_MEASURE_MAX) {
		actions_group_by_kind(&p->offered);
		p->grouped = 1;
	}
	progress_phase(_("measuring the plan's actions"));
	size_t n = p->offered.n;
	const cJSON **edits = xcalloc(n + 1, sizeof(*edits));
	int *rc = xcalloc(n + 1, sizeof(*rc));
	struct finding_set *after = xcalloc(n + 1, sizeof(*after));
	for (size_t i = 0; i < n; i++)
		edits[i] = p->offered.v[i].edit;
	int failed = measure_edits(m, edits, n, rc, after) < 0;
	for (size_t i = 0; i < n; i++) {
		if (!failed)
			compare(p, &p->offered.v[i], rc[i], &after[i]);
		finding_set_release(&after[i]);
	}
	free(edits);
	free(rc);
	free(after);
	if (failed)
		return -1;
	rank(p);
	return 0;
}

long plan_cause_step(const struct plan *p, const char *id)
{
	long i = finding_set_find(&p->baseline, id);
	return i < 0 ? -1 : p->cause[i];
}

void plan_step_counts(const struct plan *p, size_t k, long counts[3])
{
	counts[0] = counts[1] = counts[2] = 0;
	for (size_t i = 0; i < p->baseline.n; i++)
		if (p->cause[i] == (long)k) {
			int r = p->baseline.ranks[i];
			counts[r == SEV_ERROR ? 0 : r == SEV_WARNING ? 1 : 2]++;
		}
}

void plan_release(struct plan *p)
{
	actions_release(&p->offered);
	finding_set_release(&p->baseline);
	free(p->steps);
	free(p->cause);
	memset(p, 0, sizeof(*p));
}
