/*
** The plan (SPEC 9.2): the offered actions, each measured, ranked greedily —
** doors before paperwork — and every open finding's cause.
*/
#ifndef BUNKAI_PLAN_H
#define BUNKAI_PLAN_H

#include <stddef.h>

#include "analyzer/plan/actions.h"
#include "analyzer/plan/measure.h"

/* Above this many offered actions, actions of one kind are measured as one
   group (docs/plan.md): a 100k-device inventory offers thousands, each
   re-analysis taking seconds. */
enum { PLAN_MEASURE_MAX = 300 };

struct plan {
	struct action_list offered;  /* every action offered, measured */
	size_t *steps, n_steps;      /* the plan: indexes into offered, in order */
	struct finding_set baseline; /* the open findings the effects refer to */
	long *cause;                 /* per baseline finding: the step that resolves it first, or -1 */
	int grouped;                 /* actions were grouped by kind */
};

/* Offer, measure and rank. `db` is the analyzed model of m->doc. Returns 0,
   or -1 after printing an internal error. */
int plan_build(struct plan *p, sqlite3 *db, const struct measure *m);
/* The index of the plan step that first resolves finding `id`, or -1. */
long plan_cause_step(const struct plan *p, const char *id);
/* Counts of what step k resolves by severity (errors, warnings, infos). */
void plan_step_counts(const struct plan *p, size_t k, long counts[3]);
void plan_release(struct plan *p);

/* Findings on a path into the hospital come first in the plan. */
int plan_is_path_code(const char *code);

#endif
