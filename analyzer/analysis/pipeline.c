#include "pipeline.h"

#include <string.h>

#include "model/util/exit_codes.h"
#include "model/util/progress.h"

int pipeline_run(struct pipeline *p, const char *file, const char *as_of, const struct view *v,
		 const char *const *rule_dirs, size_t n_rule_dirs, int read_findings)
{
	memset(p, 0, sizeof(*p));
	if (ruleset_add_builtin(&p->rules) < 0)
		return EXIT_FAILURE_IO;
	for (size_t i = 0; i < n_rule_dirs; i++)
		if (ruleset_add_dir(&p->rules, rule_dirs[i]) < 0)
			return EXIT_USAGE;
	progress_phase("reading and checking");
	int rc = session_load(&p->s, file, as_of, 1);
	if (rc != EXIT_OK)
		return rc;
	progress_phase("analyzing");
	/* A built-in rule failing is our bug; a user's rule, theirs. */
	if (rules_run(p->s.db, &p->rules) < 0)
		return n_rule_dirs ? EXIT_USAGE : EXIT_FAILURE_IO;
	if ((rc = view_apply(p->s.db, v)) != EXIT_OK)
		return rc;
	if (read_findings) {
		progress_phase("reading the findings");
		if (analysis_read(p->s.db, v, &p->a) < 0)
			return EXIT_FAILURE_IO;
	}
	return EXIT_OK;
}

void pipeline_release(struct pipeline *p)
{
	analysis_release(&p->a);
	session_release(&p->s);
	ruleset_release(&p->rules);
}
