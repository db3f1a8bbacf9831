/*
** The steps every analyzing command shares: load the inventory and build the
** model (session.c), run the built-in and the user's rules, check and apply
** the --system/--vendor view, read the analysis. One owner for all of it.
*/
#ifndef BUNKAI_PIPELINE_H
#define BUNKAI_PIPELINE_H

#include "analysis.h"
#include "rules.h"
#include "session.h"

struct pipeline {
	struct session s;
	struct ruleset rules;
	struct analysis a;
};

/* Returns EXIT_OK, or EXIT_USAGE / EXIT_FAILURE_IO after printing why.
   Release with pipeline_release() in every case. */
int pipeline_run(struct pipeline *p, const char *file, const char *as_of, const struct view *v,
		 const char *const *rule_dirs, size_t n_rule_dirs);
void pipeline_release(struct pipeline *p);

#endif
