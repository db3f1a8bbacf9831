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
#include "model/util/exit_codes.h"

struct pipeline {
	struct session s;
	struct ruleset rules;
	struct analysis a;
};

/* Returns EXIT_OK, or EXIT_USAGE / EXIT_FAILURE_IO after printing why.
   p->a is read only with read_findings. Release with pipeline_release() in
   every case. */
int pipeline_run(struct pipeline *p, const char *file, const char *as_of, const struct view *v,
		 const char *const *rule_dirs, size_t n_rule_dirs, int read_findings);
void pipeline_release(struct pipeline *p);

#endif
