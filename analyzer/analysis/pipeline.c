#include "pipeline.h"

#include <string.h>

#include "analyzer/plan/whatif.h"
#include "model/db/db.h"
#include "model/util/exit_codes.h"
#include "model/util/i18n.h"
#include "model/util/progress.h"

int pipeline_analyze(sqlite3 *db, const struct ruleset *rules, int user_rules, const char *max_check_age,
		     const struct view *v, int messages)
{
	if (max_check_age && db_set_meta(db, "max_check_age", max_check_age) < 0)
		return EXIT_FAILURE_IO;
	/* A built-in rule failing is our bug; a user's rule, theirs. */
	if (rules && rules_run(db, rules, messages) < 0)
		return user_rules ? EXIT_USAGE : EXIT_FAILURE_IO;
	return view_apply(db, v);
}

int pipeline_run(struct pipeline *p, const char *file, const struct pipeline_options *o, const struct view *v)
{
	memset(p, 0, sizeof(*p));
	/* An output without findings needs no rule. Users' rules still run (one
	   that fails says so whatever the command), and a saved model has its
	   findings. */
	int run_rules = !o->no_findings || o->n_rule_dirs > 0 || o->every_table;
	if (run_rules && ruleset_add_builtin(&p->rules) < 0)
		return EXIT_FAILURE_IO;
	for (size_t i = 0; i < o->n_rule_dirs; i++)
		if (ruleset_add_dir(&p->rules, o->rule_dirs[i]) < 0)
			return EXIT_USAGE;
	progress_phase(_("reading and checking"));
	/* The plan patches the document, and a what-if changes it before the
	   model is built. */
	int doc = o->plan || o->n_without;
	/* Users' rules may read any table. */
	int every_table = o->every_table || o->n_rule_dirs > 0;
	unsigned flags = (doc ? SESSION_DOC : SESSION_DB) | (o->checksum ? SESSION_CHECKSUM : 0) |
			 (every_table ? SESSION_EVERY_TABLE : 0);
	int rc = session_load(&p->s, file, o->as_of, flags);
	if (rc == EXIT_OK && o->n_without)
		rc = whatif_without(&p->s, o->without, o->n_without);
	if (rc == EXIT_OK && doc)
		rc = session_build_db(&p->s);
	if (rc != EXIT_OK)
		return rc;
	progress_phase(_("analyzing"));
	if ((rc = pipeline_analyze(p->s.db, run_rules ? &p->rules : NULL, o->n_rule_dirs > 0, o->max_check_age, v,
				   1)) != EXIT_OK)
		return rc;
	if (o->plan) {
		progress_phase(_("planning"));
		/* The re-analyses are not saved: every table only for users' rules. */
		struct measure m = { .doc = p->s.doc, .cat = &p->s.cat, .rules = &p->rules, .as_of = p->s.as_of,
				     .max_check_age = o->max_check_age, .view = v, .every_table = o->n_rule_dirs > 0 };
		if (plan_build(&p->plan, p->s.db, &m) < 0)
			return EXIT_FAILURE_IO;
	}
	if (o->read_findings) {
		progress_phase(_("reading the findings"));
		if (analysis_read(p->s.db, v, &p->a) < 0 || (o->read_leads && leads_read(p->s.db, v, &p->a) < 0))
			return EXIT_FAILURE_IO;
		p->a.without = o->without;
		p->a.n_without = o->n_without;
		if (o->plan) {
			p->a.plan = &p->plan;
			for (size_t i = 0; i < p->a.n_findings; i++) {
				struct finding *f = &p->a.findings[i];
				f->cause_step = plan_cause_step(&p->plan, f->id);
				f->cause = f->cause_step < 0 ? NULL : p->plan.offered.v[p->plan.steps[f->cause_step]].id;
			}
		}
	}
	return EXIT_OK;
}

void pipeline_release(struct pipeline *p)
{
	analysis_release(&p->a);
	plan_release(&p->plan);
	session_release(&p->s);
	ruleset_release(&p->rules);
}
