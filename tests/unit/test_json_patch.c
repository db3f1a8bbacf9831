/*
** JSON Patch (model/json/json_patch.h) through its index of arrays: look-ups
** by index after an array changed, after the container holding a looked-up
** array was replaced, and many look-ups in one array, all give what RFC 6902
** says (checked against documents written out by hand).
*/
#include "testlib.h"
#include "model/json/json_patch.h"

/* doc patched by `patch` (both JSON texts), printed unformatted; or "error: why". */
static char *patched(const char *doc, const char *patch)
{
	static char out[4096];
	cJSON *d = cJSON_Parse(doc), *p = cJSON_Parse(patch);
	assert_non_null(d);
	assert_non_null(p);
	const char *why = NULL;
	if (json_patch_apply(d, p, &why) < 0) {
		snprintf(out, sizeof(out), "error: %s", why);
	} else {
		char *s = cJSON_PrintUnformatted(d);
		snprintf(out, sizeof(out), "%s", s);
		cJSON_free(s);
	}
	cJSON_Delete(d);
	cJSON_Delete(p);
	return out;
}

static void test_indexes_follow_changes(void **state)
{
	(void)state;
	/* Replace inside elements (the index kept), then remove one: the next
	   look-up by index sees the array as it is now. */
	assert_string_equal(patched("{\"a\":[{\"x\":0},{\"x\":1},{\"x\":2}]}",
				    "[{\"op\":\"replace\",\"path\":\"/a/1/x\",\"value\":10},"
				    " {\"op\":\"replace\",\"path\":\"/a/2/x\",\"value\":20},"
				    " {\"op\":\"remove\",\"path\":\"/a/0\"},"
				    " {\"op\":\"replace\",\"path\":\"/a/0/x\",\"value\":11},"
				    " {\"op\":\"add\",\"path\":\"/a/0\",\"value\":{\"x\":5}},"
				    " {\"op\":\"replace\",\"path\":\"/a/2/x\",\"value\":21}]"),
			    "{\"a\":[{\"x\":5},{\"x\":11},{\"x\":21}]}");
}

static void test_replaced_container(void **state)
{
	(void)state;
	/* An array looked into, then the object holding it replaced: the new
	   array is looked into, not the freed one. */
	assert_string_equal(patched("{\"c\":[{\"s\":[\"a\",\"b\"]}]}",
				    "[{\"op\":\"replace\",\"path\":\"/c/0/s/1\",\"value\":\"B\"},"
				    " {\"op\":\"replace\",\"path\":\"/c/0\",\"value\":{\"s\":[\"x\",\"y\",\"z\"]}},"
				    " {\"op\":\"replace\",\"path\":\"/c/0/s/2\",\"value\":\"Z\"},"
				    " {\"op\":\"add\",\"path\":\"/c/0/s\",\"value\":[\"only\"]},"
				    " {\"op\":\"replace\",\"path\":\"/c/0/s/0\",\"value\":\"ONLY\"}]"),
			    "{\"c\":[{\"s\":[\"ONLY\"]}]}");
	assert_string_equal(patched("{\"c\":[{\"s\":[\"a\"]}]}", "[{\"op\":\"replace\",\"path\":\"/c/0/s/3\",\"value\":1}]"),
			    "error: an array index out of range");
	assert_string_equal(patched("{\"c\":[1]}", "[{\"op\":\"replace\",\"path\":\"/c/5/x\",\"value\":1}]"),
			    "error: a path names something the document does not have");
}

/* Many look-ups in a long array, as the plan's grouped edits make. */
static void test_many_lookups(void **state)
{
	(void)state;
	cJSON *doc = cJSON_CreateObject(), *arr = cJSON_AddArrayToObject(doc, "d"), *patch = cJSON_CreateArray();
	for (int i = 0; i < 2000; i++) {
		cJSON *o = cJSON_CreateObject();
		cJSON_AddNumberToObject(o, "n", i);
		cJSON_AddItemToArray(arr, o);
	}
	char path[64];
	for (int i = 1999; i >= 0; i -= 3) {
		snprintf(path, sizeof(path), "/d/%d/n", i);
		cJSON_AddItemToArray(patch, json_patch_op("replace", path, cJSON_CreateNumber(-i)));
	}
	const char *why = NULL;
	assert_int_equal(json_patch_apply(doc, patch, &why), 0);
	int i = 0;
	const cJSON *o;
	cJSON_ArrayForEach(o, arr)
	{
		int want = (1999 - i) % 3 == 0 ? -i : i;
		assert_int_equal(cJSON_GetObjectItem(o, "n")->valueint, want);
		i++;
	}
	assert_int_equal(i, 2000);
	cJSON_Delete(doc);
	cJSON_Delete(patch);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_indexes_follow_changes),
		cmocka_unit_test(test_replaced_container),
		cmocka_unit_test(test_many_lookups),
	};
	return cmocka_run_group_tests_name("json_patch", tests, NULL, NULL);
}
