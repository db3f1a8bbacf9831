/*
** Measuring an edit (SPEC 9.2: "measured, not guessed"): apply it to a copy
** of the inventory document, load that as the user's file would be loaded,
** build the model, run the same rules with the same date and view, and read
** which findings are open.
*/
#ifndef BUNKAI_MEASURE_H
#define BUNKAI_MEASURE_H

#include <cJSON.h>
#include <sqlite3.h>
#include <stddef.h>

#include "analyzer/analysis/analysis.h"
#include "analyzer/analysis/rules.h"
#include "model/catalog.h"

/* The open findings of one analysis (accepted ones are not targets), sorted by id. */
struct finding_set {
	char **ids;
	int *ranks; /* enum severity */
	size_t n;
};

/* Everything an analysis depends on besides the document. Not owned. */
struct measure {
	const cJSON *doc;
	const struct catalog *cat;
	const struct ruleset *rules;
	const char *as_of, *max_check_age;
	const struct view *view;
	int every_table; /* users' rules run: db_load's every_table */
};

/* The findings in the view of an analyzed model. Returns 0 or -1. */
int finding_set_read(sqlite3 *db, struct finding_set *out);
/* Index of `id` in the set, or -1. */
long finding_set_find(const struct finding_set *s, const char *id);
void finding_set_release(struct finding_set *s);

/* Analyze the document with each of the n edits applied: rc[i] is 0 and
   out[i] filled; 1 when the edited document is not a valid inventory (the
   action is not offered). The results are
   the same whatever the machine. The edits are shared among processes, one
   per core this process may run on (the plan's re-analyses are
   independent); on one core they run here, one after the other. Returns 0,
   or -1 after printing an internal error. */
int measure_edits(const struct measure *m, const cJSON *const *edits, size_t n, int *rc, struct finding_set *out);

#endif
