/*
** Every finding code fires where SPEC §4 says and nowhere else: the cases of
** tests/rules/cases.json, each an edit of the well-kept hospital (which
** itself must give zero findings).
*/
#include "testlib.h"

#include "analyzer/analysis/pipeline.h"
#include "model/db/db.h"
#include "model/util/strbuf.h"

struct rule_case {
	const char *name, *code, *as_of;
	const cJSON *patch, *expect;
};

static char *base_text;

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void test_case(void **state)
{
	const struct rule_case *c = *state;
	cJSON *doc = cJSON_Parse(base_text);
	assert_non_null(doc);
	json_patch(doc, c->patch);
	char *json = cJSON_Print(doc);
	struct idlist got;
	assert_int_equal(run_analysis(json, c->as_of, c->code, NULL, &got), 0);

	size_t n = (size_t)cJSON_GetArraySize(c->expect), i = 0;
	char **want = calloc(n + 1, sizeof(*want));
	const cJSON *e;
	cJSON_ArrayForEach(e, c->expect) want[i++] = e->valuestring;
	if (n)
		qsort(want, n, sizeof(*want), cmp);
	if (got.n)
		qsort(got.v, got.n, sizeof(*got.v), cmp);
	for (i = 0; i < got.n || i < n; i++) {
		if (i >= got.n || i >= n || strcmp(got.v[i], want[i])) {
			for (size_t k = 0; k < got.n; k++)
				print_message("  got:  %s\n", got.v[k]);
			for (size_t k = 0; k < n; k++)
				print_message("  want: %s\n", want[k]);
			fail_msg("%s: findings differ", c->name);
		}
	}
	free(want);
	idlist_release(&got);
	cJSON_free(json);
	cJSON_Delete(doc);
}

/* The base itself: a well-kept hospital has no finding at all. */
static void test_base_is_clean(void **state)
{
	(void)state;
	struct idlist got;
	assert_int_equal(run_analysis(base_text, NULL, NULL, NULL, &got), 0);
	for (size_t i = 0; i < got.n; i++)
		print_message("  unexpected: %s\n", got.v[i]);
	assert_int_equal(got.n, 0);
	idlist_release(&got);
}

/* Every built-in code has at least one firing case and one near miss. */
static const cJSON *all_cases;

static void test_every_code_covered(void **state)
{
	(void)state;
	struct ruleset rules = { 0 };
	assert_int_equal(ruleset_add_builtin(&rules), 0);
	assert_int_equal(rules.n, 27); /* the 18 of SPEC §4, the 6 of SPEC 9.1, the 3 of SPEC 9.3 */
	for (size_t r = 0; r < rules.n; r++) {
		int fire = 0, miss = 0;
		const cJSON *c;
		cJSON_ArrayForEach(c, all_cases) {
			const char *code = cJSON_GetObjectItem(c, "code")->valuestring;
			const char *name = cJSON_GetObjectItem(c, "name")->valuestring;
			if (strcmp(code, rules.v[r].code))
				continue;
			fire |= cJSON_GetArraySize(cJSON_GetObjectItem(c, "expect")) > 0;
			miss |= strstr(name, "/miss") != NULL;
		}
		if (!fire || !miss)
			fail_msg("%s lacks a %s case", rules.v[r].code, fire ? "near-miss" : "firing");
	}
	ruleset_release(&rules);
}

/* What an analysis read back, one line per fact: the summary, each
   system's coverage, each path, each finding (id, message, acceptance,
   parties), in report order. */
static void analysis_lines(const struct analysis *a, struct idlist *out)
{
	size_t cap = 0;
	out->v = NULL;
	out->n = 0;
	out->v = xgrow(out->v, &cap, out->n + 1, sizeof(*out->v));
	out->v[out->n++] = xasprintf("summary %ld %ld %ld %ld %ld %ld %ld %ld", a->summary.applicable, a->summary.led,
				     a->summary.unowned, a->summary.conflicts, a->summary.errors, a->summary.warnings,
				     a->summary.infos, a->summary.accepted);
	for (size_t i = 0; i < a->n_systems; i++) {
		const struct coverage *c = &a->systems[i];
		out->v = xgrow(out->v, &cap, out->n + 1, sizeof(*out->v));
		out->v[out->n++] = xasprintf("system %s %ld %ld %ld %ld %ld", c->system, c->applicable, c->led, c->unowned,
					     c->conflicts, c->findings);
	}
	for (size_t i = 0; i < a->n_paths; i++) {
		const struct remote_path *p = &a->paths[i];
		out->v = xgrow(out->v, &cap, out->n + 1, sizeof(*out->v));
		out->v[out->n++] = xasprintf("path %s %s %ld %s %s", p->id, p->door ? p->door : "-", p->reached,
					     p->reached_systems ? p->reached_systems : "-", p->open ? p->open : "-");
	}
	for (size_t i = 0; i < a->n_findings; i++) {
		const struct finding *f = &a->findings[i];
		out->v = xgrow(out->v, &cap, out->n + 1, sizeof(*out->v));
		struct strbuf line = STRBUF_INIT;
		strbuf_addf(&line, "%s | %s | %s |", f->id, f->message, f->accepted ? f->accepted->pattern : "open");
		for (size_t p = 0; p < f->n_parties; p++)
			strbuf_addf(&line, " %s", f->parties[p]);
		out->v[out->n++] = strbuf_detach(&line);
	}
}

/* The findings of `json` (view `v`) on `db` (NULL: a model of its own). */
static void analyze_on(sqlite3 **db, const char *json, const char *as_of, const struct view *v, struct idlist *out)
{
	struct session s;
	struct ruleset rules = { 0 };
	struct analysis a;
	assert_int_equal(session_load_buffer(&s, "test.json", json, strlen(json), as_of, 0), 0);
	sqlite3 *own = NULL, **model = db ? db : &own;
	*model = db_reopen(*model, &s.inv);
	assert_non_null(*model);
	assert_int_equal(db_load(*model, &s.cat, &s.inv, s.as_of, 0), 0);
	assert_int_equal(ruleset_add_builtin(&rules), 0);
	assert_int_equal(pipeline_analyze(*model, &rules, 0, NULL, v, 1), 0);
	assert_int_equal(analysis_read(*model, v, &a), 0);
	analysis_lines(&a, out);
	analysis_release(&a);
	ruleset_release(&rules);
	session_release(&s);
	db_close(own);
}

/*
** The plan's way (analyzer/plan/measure.c): one model for every case in
** turn, its rows deleted in between (db_reopen), every other case seen
** through a one-system view. Each must find exactly what a model of its own
** finds: nothing of the case before may stay behind.
*/
static void test_reused_model(void **state)
{
	(void)state;
	cJSON *base = cJSON_Parse(base_text);
	const char *system = cJSON_GetArrayItem(cJSON_GetObjectItem(base, "systems"), 0) ?
		cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(base, "systems"), 0), "id")->valuestring : NULL;
	assert_non_null(system);
	const char *one[] = { system };
	struct view all = { NULL, 0, NULL }, narrow = { one, 1, NULL };
	sqlite3 *model = NULL;
	size_t k = 0, lines = 0;
	const cJSON *c;
	cJSON_ArrayForEach(c, all_cases) {
		cJSON *doc = cJSON_Duplicate(base, 1);
		json_patch(doc, cJSON_GetObjectItem(c, "patch"));
		char *json = cJSON_Print(doc);
		const cJSON *as_of = cJSON_GetObjectItem(c, "as_of");
		const struct view *v = k++ % 2 ? &narrow : &all;
		struct idlist fresh, reused;
		analyze_on(NULL, json, cJSON_IsString(as_of) ? as_of->valuestring : NULL, v, &fresh);
		analyze_on(&model, json, cJSON_IsString(as_of) ? as_of->valuestring : NULL, v, &reused);
		for (size_t i = 0; i < fresh.n || i < reused.n; i++)
			if (i >= fresh.n || i >= reused.n || strcmp(fresh.v[i], reused.v[i]))
				fail_msg("%s: on the reused model: %s; on its own: %s", cJSON_GetObjectItem(c, "name")->valuestring,
					 i < reused.n ? reused.v[i] : "(nothing)", i < fresh.n ? fresh.v[i] : "(nothing)");
		lines += fresh.n;
		idlist_release(&fresh);
		idlist_release(&reused);
		cJSON_free(json);
		cJSON_Delete(doc);
	}
	assert_true(lines > 300); /* the cases do find things: the comparison means something */
	db_close(model);
	cJSON_Delete(base);
}

int main(void)
{
	char *cases_text = read_file("tests/rules/cases.json");
	cJSON *root = cJSON_Parse(cases_text);
	if (!root)
		fail_msg("tests/rules/cases.json is not valid JSON");
	base_text = read_file(cJSON_GetObjectItem(root, "base")->valuestring);
	all_cases = cJSON_GetObjectItem(root, "cases");
	size_t n = (size_t)cJSON_GetArraySize(all_cases), i = 0;
	struct rule_case *cases = calloc(n, sizeof(*cases));
	struct CMUnitTest *tests = calloc(n + 3, sizeof(*tests));
	tests[0] = (struct CMUnitTest)cmocka_unit_test(test_base_is_clean);
	tests[1] = (struct CMUnitTest)cmocka_unit_test(test_every_code_covered);
	tests[2] = (struct CMUnitTest)cmocka_unit_test(test_reused_model);
	const cJSON *c;
	cJSON_ArrayForEach(c, all_cases) {
		const cJSON *as_of = cJSON_GetObjectItem(c, "as_of");
		cases[i] = (struct rule_case){ cJSON_GetObjectItem(c, "name")->valuestring,
					       cJSON_GetObjectItem(c, "code")->valuestring,
					       cJSON_IsString(as_of) ? as_of->valuestring : NULL,
					       cJSON_GetObjectItem(c, "patch"), cJSON_GetObjectItem(c, "expect") };
		tests[i + 3] = (struct CMUnitTest){ cases[i].name, test_case, NULL, NULL, &cases[i] };
		i++;
	}
	int failed = _cmocka_run_group_tests("rules", tests, n + 3, NULL, NULL);
	free(tests);
	free(cases);
	free(base_text);
	cJSON_Delete(root);
	free(cases_text);
	return failed;
}
