/*
** Every finding code fires where SPEC §4 says and nowhere else: the cases of
** tests/rules/cases.json, each an edit of the well-kept hospital (which
** itself must give zero findings).
*/
#include "testlib.h"

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
	struct CMUnitTest *tests = calloc(n + 2, sizeof(*tests));
	tests[0] = (struct CMUnitTest)cmocka_unit_test(test_base_is_clean);
	tests[1] = (struct CMUnitTest)cmocka_unit_test(test_every_code_covered);
	const cJSON *c;
	cJSON_ArrayForEach(c, all_cases) {
		const cJSON *as_of = cJSON_GetObjectItem(c, "as_of");
		cases[i] = (struct rule_case){ cJSON_GetObjectItem(c, "name")->valuestring,
					       cJSON_GetObjectItem(c, "code")->valuestring,
					       cJSON_IsString(as_of) ? as_of->valuestring : NULL,
					       cJSON_GetObjectItem(c, "patch"), cJSON_GetObjectItem(c, "expect") };
		tests[i + 2] = (struct CMUnitTest){ cases[i].name, test_case, NULL, NULL, &cases[i] };
		i++;
	}
	int failed = _cmocka_run_group_tests("rules", tests, n + 2, NULL, NULL);
	free(tests);
	free(cases);
	free(base_text);
	cJSON_Delete(root);
	free(cases_text);
	return failed;
}
