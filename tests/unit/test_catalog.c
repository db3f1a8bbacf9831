/*
** The catalog transcribed from seed 004 has every Part2 item of SPEC §2,
** with the fixed ids, scope, applicability and each-vendor flag, and the
** text of each row; item references resolve as the inventory format says.
*/
#include "testlib.h"

static struct catalog cat;

static const struct {
	const char *id, *applies;
	int organization, each_vendor;
} spec[] = {
	{ "I-1", "always", 0, 1 },  { "I-2", "always", 0, 0 },  { "I-3", "remote-access", 0, 0 },
	{ "I-4", "always", 0, 0 },  { "I-5", "always", 0, 0 },  { "I-6", "always", 0, 0 },
	{ "I-7", "always", 0, 0 },  { "I-8", "always", 0, 0 },  { "A-1", "always", 0, 1 },
	{ "A-2", "multiple-vendors", 1, 0 }, { "A-3", "always", 0, 0 }, { "A-4", "always", 0, 0 },
	{ "A-5", "always", 0, 1 },  { "A-6", "always", 0, 0 },  { "A-7", "always", 0, 1 },
	{ "A-8", "always", 0, 1 },  { "A-9.1", "external-storage", 0, 0 }, { "A-9.2", "external-storage", 0, 0 },
	{ "A-10", "subcontracted", 0, 0 }, { "A-11", "always", 0, 1 }, { "A-12", "always", 0, 1 },
	{ "B-1", "always", 0, 0 },  { "B-2", "always", 0, 0 },  { "B-3", "always", 0, 0 },
	{ "B-4", "always", 0, 0 },  { "B-5", "always", 0, 0 },  { "B-6", "always", 0, 0 },
	{ "C-1", "always", 0, 0 },  { "C-2", "always", 0, 0 },  { "C-3", "always", 0, 0 },
	{ "C-4", "always", 0, 0 },  { "C-5", "always", 0, 0 },
};

static void test_all_items_in_checklist_order(void **state)
{
	(void)state;
	size_t n = sizeof(spec) / sizeof(*spec);
	assert_int_equal(cat.n, n);
	for (size_t i = 0; i < n; i++) {
		const struct catalog_item *it = &cat.items[i];
		assert_string_equal(it->id, spec[i].id);
		assert_string_equal(it->applies_name, spec[i].applies);
		assert_int_equal(it->scope == SCOPE_ORGANIZATION, spec[i].organization);
		assert_int_equal(it->each_vendor, spec[i].each_vendor);
		/* Non-empty text transcribed from the 推奨される対応例 table. */
		assert_true(strlen(it->title) > 0);
		assert_true(strlen(it->recommendation) > 20);
		assert_true(strlen(it->content) > 0);
		assert_true(strlen(it->risk) > 0);
		assert_true(strlen(it->references) > 0);
		assert_true(strlen(it->category) > 0);
	}
}

static void test_some_rows_verbatim(void **state)
{
	(void)state;
	const struct catalog_item *i6 = &cat.items[catalog_index(&cat, "I-6")];
	assert_string_equal(i6->title, "ソフトウェアおよびハードウェアの保守");
	assert_string_equal(i6->section, "立入検査用チェックリスト該当項目");
	assert_string_equal(i6->category, "全般");
	assert_non_null(strstr(i6->recommendation, "保守契約に基づき事業者による保守（セキュリティパッチの適用等）"));
	const struct catalog_item *a10 = &cat.items[catalog_index(&cat, "A-10")];
	assert_non_null(strstr(a10->recommendation, "事前に医療機関の承諾が必要"));
	const struct catalog_item *a92 = &cat.items[catalog_index(&cat, "A-9.2")];
	assert_non_null(strstr(a92->recommendation, "破壊や返却"));
	const struct catalog_item *c5 = &cat.items[catalog_index(&cat, "C-5")];
	assert_string_equal(c5->section, "C システム保守・運用契約");
	assert_string_equal(c5->category, "事故時の対応");
}

static void test_item_references(void **state)
{
	(void)state;
	itemset s;
	assert_true(catalog_resolve(&cat, "*", &s));
	assert_int_equal(__builtin_popcountll(s), 32);
	assert_true(catalog_resolve(&cat, "I-*", &s));
	assert_int_equal(__builtin_popcountll(s), 8);
	assert_true(catalog_resolve(&cat, "A-*", &s)); /* includes */
	assert_int_equal(__builtin_popcountll(s), 13);
	assert_true(s & ((itemset)1 << catalog_index(&cat, "A-2")));
	assert_true(catalog_resolve(&cat, "B-*", &s));
	assert_int_equal(__builtin_popcountll(s), 6);
	assert_true(catalog_resolve(&cat, "C-*", &s));
	assert_int_equal(__builtin_popcountll(s), 5);
	assert_true(catalog_resolve(&cat, "A-9.1", &s));
	assert_int_equal(__builtin_popcountll(s), 1);
	assert_false(catalog_resolve(&cat, "A-9", &s));
	assert_false(catalog_resolve(&cat, "D-*", &s));
	assert_false(catalog_resolve(&cat, "i-6", &s));
	assert_false(catalog_resolve(&cat, "I-", &s));
	assert_false(catalog_resolve(&cat, "", &s));
}

static void test_broken_catalog_is_rejected(void **state)
{
	(void)state;
	struct catalog c;
	char *err = NULL;
	assert_int_equal(catalog_parse(&c, "{\"items\": []}", &err), -1);
	assert_string_equal(err, "catalog has 0 items; 1 to 64 are supported");
	free(err);
	assert_int_equal(catalog_parse(&c, "{\"items\": [{\"id\": \"X-1\"}]}", &err), -1);
	assert_string_equal(err, "catalog item 1 lacks a required text field");
	free(err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_all_items_in_checklist_order),
		cmocka_unit_test(test_some_rows_verbatim),
		cmocka_unit_test(test_item_references),
		cmocka_unit_test(test_broken_catalog_is_rejected),
	};
	catalog_load(&cat);
	int failed = cmocka_run_group_tests_name("catalog", tests, NULL, NULL);
	catalog_release(&cat);
	return failed;
}
