/*
** The pieces of the plan that stand alone: the JSON Patch applier (RFC 6902
** add/replace/remove with RFC 6901 pointers), the date arithmetic of its
** edits, and the merged edit of a group of actions.
*/
#include "testlib.h"

#include "analyzer/plan/actions.h"
#include "model/util/strbuf.h"
#include "model/util/textcheck.h"

static char *patched(const char *doc_text, const char *patch_text, int *rc, const char **why)
{
	cJSON *doc = cJSON_Parse(doc_text), *patch = cJSON_Parse(patch_text);
	assert_non_null(doc);
	assert_non_null(patch);
	*rc = json_patch_apply(doc, patch, why);
	char *out = cJSON_PrintUnformatted(doc);
	cJSON_Delete(doc);
	cJSON_Delete(patch);
	return out;
}

static void expect_patch(const char *doc, const char *patch, const char *want)
{
	int rc;
	const char *why = NULL;
	char *got = patched(doc, patch, &rc, &why);
	if (rc != 0)
		fail_msg("patch %s failed: %s", patch, why);
	if (strcmp(got, want))
		fail_msg("patch %s\n got: %s\nwant: %s", patch, got, want);
	free(got);
}

static void expect_refused(const char *doc, const char *patch)
{
	int rc;
	const char *why = NULL;
	char *got = patched(doc, patch, &rc, &why);
	if (rc == 0)
		fail_msg("patch %s applied, expected a refusal: %s", patch, got);
	assert_non_null(why);
	free(got);
}

static void test_patch_operations(void **state)
{
	(void)state;
	const char *doc = "{\"a\":[1,2,3],\"o\":{\"k\":\"v\"}}";
	expect_patch(doc, "[{\"op\":\"add\",\"path\":\"/a/-\",\"value\":4}]", "{\"a\":[1,2,3,4],\"o\":{\"k\":\"v\"}}");
	expect_patch(doc, "[{\"op\":\"add\",\"path\":\"/a/0\",\"value\":0}]", "{\"a\":[0,1,2,3],\"o\":{\"k\":\"v\"}}");
	expect_patch(doc, "[{\"op\":\"add\",\"path\":\"/a/3\",\"value\":9}]", "{\"a\":[1,2,3,9],\"o\":{\"k\":\"v\"}}");
	expect_patch(doc, "[{\"op\":\"remove\",\"path\":\"/a/1\"}]", "{\"a\":[1,3],\"o\":{\"k\":\"v\"}}");
	expect_patch(doc, "[{\"op\":\"replace\",\"path\":\"/a/2\",\"value\":\"x\"}]", "{\"a\":[1,2,\"x\"],\"o\":{\"k\":\"v\"}}");
	/* add on an existing key replaces it (RFC 6902 4.1) */
	expect_patch(doc, "[{\"op\":\"add\",\"path\":\"/o/k\",\"value\":1}]", "{\"a\":[1,2,3],\"o\":{\"k\":1}}");
	expect_patch(doc, "[{\"op\":\"add\",\"path\":\"/o/n\",\"value\":null}]", "{\"a\":[1,2,3],\"o\":{\"k\":\"v\",\"n\":null}}");
	expect_patch(doc, "[{\"op\":\"remove\",\"path\":\"/o\"}]", "{\"a\":[1,2,3]}");
	/* operations apply in order */
	expect_patch(doc, "[{\"op\":\"remove\",\"path\":\"/a/0\"},{\"op\":\"remove\",\"path\":\"/a/0\"}]",
		     "{\"a\":[3],\"o\":{\"k\":\"v\"}}");
	/* RFC 6901 escapes: ~1 is '/', ~0 is '~' */
	expect_patch("{\"a/b\":1,\"m~n\":2}", "[{\"op\":\"replace\",\"path\":\"/a~1b\",\"value\":3}]",
		     "{\"a/b\":3,\"m~n\":2}");
	expect_patch("{\"a/b\":1,\"m~n\":2}", "[{\"op\":\"remove\",\"path\":\"/m~0n\"}]", "{\"a/b\":1}");
}

static void test_patch_refusals(void **state)
{
	(void)state;
	const char *doc = "{\"a\":[1,2,3],\"o\":{\"k\":\"v\"}}";
	expect_refused(doc, "[{\"op\":\"move\",\"from\":\"/a\",\"path\":\"/b\"}]");
	expect_refused(doc, "[{\"op\":\"remove\",\"path\":\"/a/3\"}]");
	expect_refused(doc, "[{\"op\":\"replace\",\"path\":\"/o/missing\",\"value\":1}]");
	expect_refused(doc, "[{\"op\":\"add\",\"path\":\"/a/5\",\"value\":1}]");
	expect_refused(doc, "[{\"op\":\"add\",\"path\":\"/a/01\",\"value\":1}]");
	expect_refused(doc, "[{\"op\":\"add\",\"path\":\"/x/y\",\"value\":1}]");
	expect_refused(doc, "[{\"op\":\"add\",\"path\":\"\",\"value\":1}]");
	expect_refused(doc, "[{\"op\":\"remove\",\"path\":\"/o~2\"}]");
	expect_refused(doc, "[{\"op\":\"add\",\"path\":\"/o/k\"}]");
	expect_refused(doc, "{\"op\":\"remove\",\"path\":\"/o\"}");
}

static void test_pointer_escaping(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	json_pointer_add(&sb, "contracts");
	json_pointer_add_index(&sb, 12);
	json_pointer_add(&sb, "a/b~c");
	assert_string_equal(strbuf_str(&sb), "/contracts/12/a~1b~0c");
	strbuf_release(&sb);
}

static void test_dates(void **state)
{
	(void)state;
	static const char *const before[][2] = {
		{ "2026-04-01", "2026-03-31" }, { "2024-03-01", "2024-02-29" }, { "2023-03-01", "2023-02-28" },
		{ "2026-01-01", "2025-12-31" }, { "2000-03-01", "2000-02-29" }, { "1900-03-01", "1900-02-28" },
		{ "2026-05-15", "2026-05-14" },
	};
	static const char *const next[][2] = {
		{ "2026-04-01", "2027-04-01" }, { "2024-02-29", "2025-02-28" }, { "2023-12-31", "2024-12-31" },
	};
	char out[11];
	for (size_t i = 0; i < sizeof(before) / sizeof(*before); i++) {
		date_day_before(before[i][0], out);
		assert_string_equal(out, before[i][1]);
	}
	for (size_t i = 0; i < sizeof(next) / sizeof(*next); i++) {
		date_next_year(next[i][0], out);
		assert_string_equal(out, next[i][1]);
	}
}

/* Grouping merges edits so that the whole applies: removals last and from
   the highest index down, and lists added whole by two members become one. */
static void test_group_edit(void **state)
{
	(void)state;
	struct action_list l = { 0 };
	const char *edits[] = {
		"[{\"op\":\"remove\",\"path\":\"/remote_access/1\"}]",
		"[{\"op\":\"remove\",\"path\":\"/remote_access/10\"}]",
		"[{\"op\":\"remove\",\"path\":\"/remote_access/2\"}]",
	};
	for (size_t i = 0; i < 3; i++) {
		l.v = xgrow(l.v, &l.cap, l.n + 1, sizeof(*l.v));
		struct action *a = &l.v[l.n++];
		memset(a, 0, sizeof(*a));
		a->kind = xstrdup("cut-path");
		a->target = xasprintf("p%zu", i);
		a->id = xasprintf("cut-path@p%zu", i);
		a->title = xstrdup("t");
		a->edit = cJSON_Parse(edits[i]);
		a->members = 1;
		a->targets = xmalloc(sizeof(char *));
		a->targets[0] = xstrdup(a->target);
		a->cut_bindings = xmalloc(sizeof(char *));
		a->cut_bindings[0] = xasprintf("sys%zu@v", i);
	}
	l.v = xgrow(l.v, &l.cap, l.n + 2, sizeof(*l.v));
	for (size_t i = 0; i < 2; i++) {
		struct action *a = &l.v[l.n++];
		memset(a, 0, sizeof(*a));
		a->kind = xstrdup("check-door");
		a->target = xasprintf("d%zu", i);
		a->id = xasprintf("check-door@d%zu", i);
		a->title = xstrdup("t");
		a->edit = cJSON_Parse(i ? "[{\"op\":\"add\",\"path\":\"/device_checks\",\"value\":[{\"device\":\"d1\"}]}]"
					: "[{\"op\":\"add\",\"path\":\"/device_checks\",\"value\":[{\"device\":\"d0\"}]}]");
		a->members = 1;
		a->targets = xmalloc(sizeof(char *));
		a->targets[0] = xstrdup(a->target);
	}
	/* actions_group_by_kind expects id order: check-door before cut-path. */
	struct action tmp[5];
	memcpy(tmp, l.v, sizeof(tmp));
	memcpy(l.v, tmp + 3, 2 * sizeof(*l.v));
	memcpy(l.v + 2, tmp, 3 * sizeof(*l.v));
	actions_group_by_kind(&l);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0].id, "check-door@*");
	assert_int_equal(l.v[0].members, 2);
	char *e0 = cJSON_PrintUnformatted(l.v[0].edit), *e1 = cJSON_PrintUnformatted(l.v[1].edit);
	assert_string_equal(e0, "[{\"op\":\"add\",\"path\":\"/device_checks\",\"value\":[{\"device\":\"d0\"},{\"device\":\"d1\"}]}]");
	assert_string_equal(e1, "[{\"op\":\"remove\",\"path\":\"/remote_access/10\"},{\"op\":\"remove\",\"path\":\"/remote_access/2\"},"
				"{\"op\":\"remove\",\"path\":\"/remote_access/1\"}]");
	free(e0);
	free(e1);

	/* The group of cuts contradicts binding the vendor of any member path
	   to the system it reaches, and approving or hardening any member. */
	char *t_bind[] = { "sys2@v" }, *t_other[] = { "sys9@v" }, *t_path[] = { "p1" }, *t_path9[] = { "p9" };
	struct action bind = { .kind = "bind-vendor", .targets = t_bind, .members = 1 };
	struct action other = { .kind = "bind-vendor", .targets = t_other, .members = 1 };
	struct action approve = { .kind = "approve-path", .targets = t_path, .members = 1 };
	struct action harden9 = { .kind = "harden-path", .targets = t_path9, .members = 1 };
	assert_true(actions_contradict(&l.v[1], &bind));
	assert_true(actions_contradict(&bind, &l.v[1]));
	assert_false(actions_contradict(&l.v[1], &other));
	assert_true(actions_contradict(&approve, &l.v[1]));
	assert_false(actions_contradict(&harden9, &l.v[1]));
	assert_false(actions_contradict(&bind, &approve));
	actions_release(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_patch_operations),
		cmocka_unit_test(test_patch_refusals),
		cmocka_unit_test(test_pointer_escaping),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_group_edit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
