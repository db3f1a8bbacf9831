#include "pipeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../model/xalloc.h"

/* BUNKAI_PROFILE=1: how long each step took, on stderr. */
static void phase(const char *name)
{
	static struct timespec last;
	struct timespec now;
	if (!getenv("BUNKAI_PROFILE"))
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (name)
		fprintf(stderr, "bunkai: profile: %-10s %8.1f ms\n", name,
			(double)(now.tv_sec - last.tv_sec) * 1e3 + (double)(now.tv_nsec - last.tv_nsec) / 1e6);
	last = now;
}

int pipeline_run(struct pipeline *p, const char *file, const char *as_of, const struct view *v,
		 const char *const *rule_dirs, size_t n_rule_dirs)
{
	memset(p, 0, sizeof(*p));
	phase(NULL);
	if (ruleset_add_builtin(&p->rules) < 0)
		return EXIT_FAILURE_IO;
	for (size_t i = 0; i < n_rule_dirs; i++)
		if (ruleset_add_dir(&p->rules, rule_dirs[i]) < 0)
			return EXIT_USAGE;
	int rc = session_load(&p->s, file, as_of, 1);
	phase("model");
	if (rc != EXIT_OK)
		return rc;
	/* A built-in rule failing is our bug; a user's rule, theirs. */
	if (rules_run(p->s.db, &p->rules) < 0)
		return n_rule_dirs ? EXIT_USAGE : EXIT_FAILURE_IO;
	phase("rules");
	if (view_check(p->s.db, v) < 0)
		return EXIT_USAGE;
	if (analysis_read(p->s.db, v, &p->a) < 0)
		return EXIT_FAILURE_IO;
	phase("read");
	return EXIT_OK;
}

void pipeline_release(struct pipeline *p)
{
	analysis_release(&p->a);
	session_release(&p->s);
	ruleset_release(&p->rules);
}
