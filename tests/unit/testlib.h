/*
** Helpers shared by the unit tests (header-only: each test is one program).
**
** - read_file(): a fixture's bytes.
** - json_patch(): model/json/json_patch.c, so rule cases can be written as
**   edits of one well-kept hospital.
** - run_analysis(): the whole pipeline on a buffer; returns the finding ids.
*/
#ifndef BUNKAI_TESTLIB_H
#define BUNKAI_TESTLIB_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>
#include <cmocka.h>

#include "analyzer/analysis/analysis.h"
#include "analyzer/analysis/rules.h"
#include "analyzer/analysis/session.h"
#include "model/csv/import_csv.h"
#include "model/json/json_patch.h"
#include "model/json/load_json.h"
#include "model/limits.h"
#include "model/util/read_input.h"
#include "model/validate.h"
#include "model/util/xalloc.h"

static inline char *read_file(const char *file)
{
	char *buf = NULL;
	size_t len = 0;
	if (read_input(file, &buf, &len) < 0)
		fail_msg("cannot read %s", file);
	return buf;
}

/* Apply a JSON Patch (array of {op, path, value}) to doc with bunkai's own
   applier (model/json/json_patch.c); fails the test on error. */
static inline void json_patch(cJSON *doc, const cJSON *patch)
{
	const char *why = NULL;
	if (json_patch_apply(doc, patch, &why) < 0)
		fail_msg("patch does not apply: %s", why);
}

struct idlist {
	char **v;
	size_t n;
};

static inline void idlist_release(struct idlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/* Analyze `json`; returns the exit-style status and the finding ids (all, or
   only those of `code` when not NULL), in report order. */
static inline int run_analysis(const char *json, const char *as_of, const char *code, const struct view *view,
			struct idlist *out)
{
	struct session s;
	struct ruleset rules = { 0 };
	struct analysis a;
	struct view all = { NULL, 0, NULL };
	memset(&a, 0, sizeof(a));
	out->v = NULL;
	out->n = 0;
	int rc = session_load_buffer(&s, "test.json", json, strlen(json), as_of, 1);
	if (rc == 0) {
		assert_int_equal(ruleset_add_builtin(&rules), 0);
		assert_int_equal(rules_run(s.db, &rules, 1), 0);
		assert_int_equal(view_apply(s.db, view ? view : &all), 0);
		assert_int_equal(analysis_read(s.db, view ? view : &all, &a), 0);
		size_t cap = 0;
		for (size_t i = 0; i < a.n_findings; i++) {
			if (code && strcmp(a.findings[i].code, code))
				continue;
			out->v = xgrow(out->v, &cap, out->n + 1, sizeof(*out->v));
			out->v[out->n++] = xstrdup(a.findings[i].id);
		}
	}
	analysis_release(&a);
	ruleset_release(&rules);
	session_release(&s);
	return rc;
}

#endif
