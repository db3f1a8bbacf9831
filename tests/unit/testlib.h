/*
** Helpers shared by the unit tests (header-only: each test is one program).
**
** - read_file(): a fixture's bytes.
** - json_patch(): a small RFC 6902 subset (add, remove, replace; "-" to
**   append) so rule cases can be written as edits of one well-kept hospital.
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

/* Resolve a JSON pointer to (parent, last token); returns the parent or NULL. */
static inline cJSON *pointer_parent(cJSON *root, const char *ptr, char *last, size_t lastsz)
{
	cJSON *cur = root;
	const char *p = ptr;
	if (*p != '/')
		return NULL;
	for (;;) {
		const char *slash = strchr(p + 1, '/');
		size_t n = slash ? (size_t)(slash - p - 1) : strlen(p + 1);
		if (n >= lastsz)
			return NULL;
		memcpy(last, p + 1, n);
		last[n] = '\0';
		if (!slash)
			return cur;
		if (cJSON_IsArray(cur))
			cur = cJSON_GetArrayItem(cur, atoi(last));
		else
			cur = cJSON_GetObjectItemCaseSensitive(cur, last);
		if (!cur)
			return NULL;
		p = slash;
	}
}

/* Apply a JSON Patch (array of {op, path, value}) to doc; fails the test on error. */
static inline void json_patch(cJSON *doc, const cJSON *patch)
{
	const cJSON *op;
	cJSON_ArrayForEach(op, patch) {
		const char *kind = cJSON_GetObjectItemCaseSensitive(op, "op")->valuestring;
		const char *ptr = cJSON_GetObjectItemCaseSensitive(op, "path")->valuestring;
		const cJSON *value = cJSON_GetObjectItemCaseSensitive(op, "value");
		char last[128];
		cJSON *parent = pointer_parent(doc, ptr, last, sizeof(last));
		if (!parent)
			fail_msg("patch path %s does not resolve", ptr);
		if (!strcmp(kind, "remove") || !strcmp(kind, "replace")) {
			if (cJSON_IsArray(parent))
				cJSON_DeleteItemFromArray(parent, atoi(last));
			else
				cJSON_DeleteItemFromObjectCaseSensitive(parent, last);
		}
		if (!strcmp(kind, "add") || !strcmp(kind, "replace")) {
			cJSON *v = cJSON_Duplicate(value, 1);
			if (cJSON_IsArray(parent)) {
				if (!strcmp(last, "-"))
					cJSON_AddItemToArray(parent, v);
				else
					cJSON_InsertItemInArray(parent, atoi(last), v);
			} else {
				cJSON_DeleteItemFromObjectCaseSensitive(parent, last);
				cJSON_AddItemToObject(parent, last, v);
			}
		}
	}
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
		assert_int_equal(rules_run(s.db, &rules), 0);
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
