/*
** The steps every analyzing command shares: load the inventory and build the
** model (session.c), run the built-in and the user's rules, apply the
** --system/--vendor view (view_apply), and, for the commands that print
** findings, read the analysis back. One owner for all of it.
*/
#ifndef BUNKAI_PIPELINE_H
#define BUNKAI_PIPELINE_H

#include "analyzer/analysis/analysis.h"
#include "analyzer/analysis/rules.h"
#include "analyzer/analysis/session.h"
#include "analyzer/plan/plan.h"
#include "model/util/exit_codes.h"

struct pipeline {
	struct session s;
	struct ruleset rules;
	struct analysis a;
	struct plan plan; /* built when asked; a.plan points to it */
};

struct pipeline_options {
	const char *as_of;            /* --as-of, or NULL: the inventory's, else today */
	const char *max_check_age;    /* --max-check-age DAYS, or NULL: 365 */
	const char *const *rule_dirs; /* --rules */
	size_t n_rule_dirs;
	int read_findings;            /* read the analysis back into p->a */
	int read_leads;               /* ... with the valid leads (the JSON report, diff) */
	int plan;                     /* build the plan (docs/plan.md) */
	int checksum;                 /* the inventory's SHA-256 (p->s.sha256) */
	int every_table;              /* the model's every table, for --db (n_rule_dirs implies it) */
	int no_findings;              /* the output shows no finding: run no rule unless --rules */
	const char *const *without;   /* --without: vendors that leave (a what-if) */
	size_t n_without;
};

/* The analysis of a built model — its parameters, the rules (none: NULL),
   the view — for pipeline_run() and for the plan's re-analyses alike
   (those without messages: rules_run()). Returns EXIT_OK,
   or EXIT_USAGE (a user's rule, an unknown view id) / EXIT_FAILURE_IO. */
int pipeline_analyze(sqlite3 *db, const struct ruleset *rules, int user_rules, const char *max_check_age,
		     const struct view *v, int messages);

/* Returns EXIT_OK, or EXIT_USAGE / EXIT_FAILURE_IO after printing why.
   Release with pipeline_release() in every case. */
int pipeline_run(struct pipeline *p, const char *file, const struct pipeline_options *o, const struct view *v);
void pipeline_release(struct pipeline *p);

#endif
