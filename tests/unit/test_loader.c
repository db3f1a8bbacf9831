/*
** The loader on every kind of bad input (SPEC §3): each case gives the
** exact messages it must produce, and that loading fails.
*/
#include "testlib.h"

#include "model/json/save.h"
#include "model/util/diag.h"
#include "model/util/strbuf.h"
#include "model/util/textcheck.h"

static struct catalog cat;

/* Load `json` and compare the recorded messages with `want` (NULL-ended). */
static void expect_messages(const char *json, size_t len, const char *const *want)
{
	struct inventory inv;
	struct diag d;
	inventory_init(&inv);
	diag_init(&d, "inv.json");
	int rc = inventory_load_json(&inv, &cat, json, len, &d);
	size_t n = 0;
	while (want[n])
		n++;
	int same = d.n == n;
	for (size_t i = 0; same && i < n; i++)
		same = !strcmp(d.msgs[i], want[i]);
	if (!same) {
		for (size_t i = 0; i < d.n; i++)
			print_message("  got:  %s\n", d.msgs[i]);
		for (size_t i = 0; i < n; i++)
			print_message("  want: %s\n", want[i]);
		fail_msg("messages differ");
	}
	assert_int_equal(rc, n ? -1 : 0);
	diag_release(&d);
	inventory_release(&inv);
}

#define EXPECT(json, ...)                                                   \
	do {                                                                \
		const char *const want_[] = { __VA_ARGS__, NULL };          \
		expect_messages(json, strlen(json), want_);                 \
	} while (0)

#define HEAD "{\"format\":\"bunkai-inventory/1\",\"organization\":{\"id\":\"h\",\"name\":\"病院\"}"

static void test_valid_minimal(void **state)
{
	(void)state;
	const char *const none[] = { NULL };
	expect_messages(HEAD "}", strlen(HEAD "}"), none);
}

static void test_empty_input(void **state)
{
	(void)state;
	EXPECT("", "inv.json: empty input; expected an inventory JSON document");
	EXPECT(" \n\t ", "inv.json: empty input; expected an inventory JSON document");
}

static void test_syntax_errors(void **state)
{
	(void)state;
	EXPECT("{\n  \"format\": \"bunkai-inventory/1\",\n  \"organization\": {\"id\": \"h\"\n",
	       "inv.json:4:1: JSON syntax error: unexpected end of input (truncated document?)");
	EXPECT("{\"a\": 1,,}", "inv.json:1:10: JSON syntax error"); /* cJSON stops just past the stray comma */
	EXPECT(HEAD "} x", "inv.json:1:71: JSON syntax error: unexpected data after the document");
	EXPECT("[1]", "inv.json: $: expected an object, got an array");
}

static void test_deep_nesting(void **state)
{
	(void)state;
	size_t n = 200000;
	char *deep = malloc(n + 1);
	memset(deep, '[', n);
	deep[n] = '\0';
	EXPECT(deep, "inv.json:1:65: nesting deeper than 64 levels");
	free(deep);
}

static void test_invalid_utf8(void **state)
{
	(void)state;
	EXPECT(HEAD ",\n\"vendors\":[{\"id\":\"v\",\"name\":\"\xff\"}]}",
	       "inv.json:2:30: invalid UTF-8 byte 0xff; the inventory must be UTF-8");
	/* An overlong encoding of '/' and a UTF-16 surrogate are invalid too. */
	EXPECT("{\"x\":\"\xc0\xaf\"}", "inv.json:1:7: invalid UTF-8 byte 0xc0; the inventory must be UTF-8");
	EXPECT("{\"x\":\"\xed\xa0\x80\"}", "inv.json:1:7: invalid UTF-8 byte 0xed; the inventory must be UTF-8");
}

static void test_nul_byte(void **state)
{
	(void)state;
	const char doc[] = "{\"a\":\0}";
	const char *const want[] = { "inv.json:1:6: NUL byte in input; is this a JSON text file?", NULL };
	expect_messages(doc, sizeof(doc) - 1, want);
}

static void test_format_and_organization(void **state)
{
	(void)state;
	EXPECT("{}", "inv.json: $: missing required key \"format\" (\"bunkai-inventory/1\")",
	       "inv.json: $: missing required key \"organization\"");
	EXPECT("{\"format\":\"bunkai-inventory/2\",\"organization\":{\"id\":\"h\",\"name\":\"x\"}}",
	       "inv.json: $.format: unsupported format \"bunkai-inventory/2\"; expected \"bunkai-inventory/1\"");
}

static void test_unknown_and_duplicate_keys(void **state)
{
	(void)state;
	EXPECT(HEAD ",\"vendor\":[]}",
	       "inv.json: $: unknown key \"vendor\" (allowed: format, organization, as_of, vendors, systems, "
	       "networks, devices, contracts, subcontracts, assignments, remote_access, interfaces, device_checks, accepted)");
	EXPECT(HEAD ",\"systems\":[{\"id\":\"s\",\"name\":\"n\",\"medical-info\":true}]}",
	       "inv.json: $.systems[0]: unknown key \"medical-info\" (allowed: id, name, medical_info, "
	       "external_storage, external_access)");
	EXPECT(HEAD ",\"systems\":[{\"id\":\"s\",\"name\":\"n\",\"name\":\"m\"}]}",
	       "inv.json: $.systems[0]: duplicate key \"name\"");
}

static void test_wrong_types(void **state)
{
	(void)state;
	EXPECT(HEAD ",\"systems\":[{\"id\":\"s\",\"name\":\"n\",\"medical_info\":\"yes\"}]}",
	       "inv.json: $.systems[0].medical_info: expected true or false, got a string");
	EXPECT(HEAD ",\"vendors\":{}}", "inv.json: $.vendors: expected an array, got an object");
	EXPECT(HEAD ",\"vendors\":[42]}", "inv.json: $.vendors[0]: expected an object, got a number");
	EXPECT(HEAD ",\"vendors\":[{\"id\":7,\"name\":\"n\"}]}", "inv.json: $.vendors[0].id: expected a string, got a number");
	EXPECT(HEAD ",\"vendors\":[{\"id\":\"v\",\"name\":\"n\",\"disclosures\":\"SDS\"}]}",
	       "inv.json: $.vendors[0].disclosures: expected an array of strings, got a string");
	EXPECT(HEAD ",\"devices\":[{\"id\":\"d\",\"name\":\"n\",\"type\":\"サーバー\"}]}",
	       "inv.json: $.devices[0].type: unknown value \"サーバー\" (allowed: server, terminal, network, "
	       "medical-device, printer, storage, other)");
}

static void test_missing_required(void **state)
{
	(void)state;
	EXPECT(HEAD ",\"vendors\":[{\"id\":\"v\"}]}", "inv.json: $.vendors[0]: missing required key \"name\"");
	EXPECT(HEAD ",\"remote_access\":[{\"id\":\"r\",\"vendor\":null}]}",
	       "inv.json: $.remote_access[0]: missing required key \"vendor\"",
	       "inv.json: $.remote_access[0]: missing required key \"target\"");
}

static void test_bad_ids_and_names(void **state)
{
	(void)state;
	EXPECT(HEAD ",\"vendors\":[{\"id\":\"a b\",\"name\":\"n\"}]}",
	       "inv.json: $.vendors[0].id: invalid id \"a b\": use 1-64 characters of A-Z a-z 0-9 . _ : -");
	EXPECT(HEAD ",\"vendors\":[{\"id\":\"\",\"name\":\"n\"}]}",
	       "inv.json: $.vendors[0].id: invalid id \"\": use 1-64 characters of A-Z a-z 0-9 . _ : -");
	EXPECT(HEAD ",\"vendors\":[{\"id\":\"v\",\"name\":\"a\\u0007b\"}]}",
	       "inv.json: $.vendors[0].name: name contains a control character");
	EXPECT(HEAD ",\"vendors\":[{\"id\":\"v\",\"name\":\"\"}]}", "inv.json: $.vendors[0].name: empty name");
}

static void test_bad_dates(void **state)
{
	(void)state;
	EXPECT(HEAD ",\"as_of\":\"2026-02-30\"}",
	       "inv.json: $.as_of: invalid date \"2026-02-30\": use YYYY-MM-DD, a real calendar day");
	EXPECT(HEAD ",\"as_of\":\"2026/04/01\"}",
	       "inv.json: $.as_of: invalid date \"2026/04/01\": use YYYY-MM-DD, a real calendar day");
	EXPECT(HEAD ",\"vendors\":[{\"id\":\"v\",\"name\":\"n\"}],\"contracts\":[{\"id\":\"c\",\"vendor\":\"v\","
		    "\"start\":\"2026-01-01\",\"end\":\"2025-12-31\"}]}",
	       "inv.json: $.contracts[0].end: ends (2025-12-31) before it starts (2026-01-01)");
	assert_true(date_valid("2024-02-29"));
	assert_false(date_valid("2023-02-29"));
	assert_false(date_valid("1900-02-29"));
	assert_true(date_valid("2000-02-29"));
	assert_false(date_valid("2026-13-01"));
	assert_false(date_valid("2026-04-31"));
}

static void test_duplicate_ids(void **state)
{
	(void)state;
	EXPECT(HEAD ",\"vendors\":[{\"id\":\"x\",\"name\":\"n\"}],\"systems\":[{\"id\":\"x\",\"name\":\"n\"}]}",
	       "inv.json: $.systems[0].id: duplicate id \"x\" (already used by vendor)");
	EXPECT(HEAD ",\"systems\":[{\"id\":\"h\",\"name\":\"n\"}]}",
	       "inv.json: $.systems[0].id: duplicate id \"h\" (already used by the organization)");
}

static void test_unresolved_references(void **state)
{
	(void)state;
	EXPECT(HEAD ",\"systems\":[{\"id\":\"s\",\"name\":\"n\"}],\"contracts\":[{\"id\":\"c\",\"vendor\":\"x\","
		    "\"systems\":[\"s\",\"t\"]}]}",
	       "inv.json: $.contracts[0].vendor: unknown vendor \"x\"",
	       "inv.json: $.contracts[0].systems[1]: unknown system \"t\"");
	EXPECT(HEAD ",\"systems\":[{\"id\":\"s\",\"name\":\"n\"}],\"contracts\":[{\"id\":\"c\",\"vendor\":\"s\"}]}",
	       "inv.json: $.contracts[0].vendor: \"s\" is a system, not a vendor");
	EXPECT(HEAD ",\"assignments\":[{\"item\":\"A-2\",\"party\":\"nobody\",\"role\":\"lead\"}]}",
	       "inv.json: $.assignments[0].party: unknown party \"nobody\" (the organization or a vendor)");
	EXPECT(HEAD ",\"devices\":[{\"id\":\"d\",\"name\":\"n\",\"system\":\"s\",\"maintainer\":\"h\"}]}",
	       "inv.json: $.devices[0].system: unknown system \"s\"",
	       "inv.json: $.devices[0].maintainer: \"h\" is the organization, not a vendor");
}

static void test_unknown_items(void **state)
{
	(void)state;
	EXPECT(HEAD ",\"vendors\":[{\"id\":\"v\",\"name\":\"n\"}],\"contracts\":[{\"id\":\"c\",\"vendor\":\"v\","
		    "\"lead\":[\"I-9\",\"D-*\",\"I-6\"]}]}",
	       "inv.json: $.contracts[0].lead[0]: unknown item \"I-9\" (use an id such as I-6, a section wildcard I-* A-* B-* C-*, or *)",
	       "inv.json: $.contracts[0].lead[1]: unknown item \"D-*\" (use an id such as I-6, a section wildcard I-* A-* B-* C-*, or *)");
	EXPECT(HEAD ",\"assignments\":[{\"item\":\"C-*\",\"system\":\"*\",\"party\":\"h\",\"role\":\"lead\"}]}",
	       "inv.json: $.assignments[0].item: unknown item \"C-*\" (assignments name one item; see `bunkai items`)");
	EXPECT(HEAD ",\"assignments\":[{\"item\":\"A-2\",\"system\":\"*\",\"party\":\"h\",\"role\":\"lead\"}]}",
	       "inv.json: $.assignments[0].system: A-2 is an organization item: it takes no system");
	EXPECT(HEAD ",\"assignments\":[{\"item\":\"I-6\",\"party\":\"h\",\"role\":\"owner\"}]}",
	       "inv.json: $.assignments[0].role: unknown value \"owner\" (allowed: lead, support)",
	       "inv.json: $.assignments[0]: missing required key \"system\" (I-6 is assigned per system; use \"*\" for all)");
}

static void test_subcontract_cycle(void **state)
{
	(void)state;
	EXPECT(HEAD ",\"vendors\":[{\"id\":\"a\",\"name\":\"n\"},{\"id\":\"b\",\"name\":\"n\"},{\"id\":\"c\",\"name\":\"n\"}],"
		    "\"subcontracts\":[{\"id\":\"s1\",\"prime\":\"a\",\"sub\":\"b\"},{\"id\":\"s2\",\"prime\":\"b\",\"sub\":\"c\"},"
		    "{\"id\":\"s3\",\"prime\":\"c\",\"sub\":\"a\",\"end\":\"2001-01-01\"}]}",
	       "inv.json: $.subcontracts[2]: subcontract cycle a -> b -> c -> a");
	EXPECT(HEAD ",\"vendors\":[{\"id\":\"a\",\"name\":\"n\"}],\"subcontracts\":[{\"id\":\"s1\",\"prime\":\"a\",\"sub\":\"a\"}]}",
	       "inv.json: $.subcontracts[0].sub: a vendor cannot subcontract to itself (\"a\")");
}

static void test_interface_needs_two(void **state)
{
	(void)state;
	EXPECT(HEAD ",\"vendors\":[{\"id\":\"a\",\"name\":\"n\"}],\"interfaces\":[{\"id\":\"i\",\"parties\":[\"a\"]}]}",
	       "inv.json: $.interfaces[0].parties: an interface agreement needs at least 2 vendors");
}

static void test_every_problem_reported_with_cap(void **state)
{
	(void)state;
	/* 120 bad vendor ids: 50 messages kept, all 120 counted. */
	char *doc = xstrdup(HEAD ",\"vendors\":[");
	for (int i = 0; i < 120; i++) {
		char *next = xasprintf("%s%s{\"id\":\"bad id %d\",\"name\":\"n\"}", doc, i ? "," : "", i);
		free(doc);
		doc = next;
	}
	char *full = xasprintf("%s]}", doc);
	struct inventory inv;
	struct diag d;
	inventory_init(&inv);
	diag_init(&d, "inv.json");
	assert_int_equal(inventory_load_json(&inv, &cat, full, strlen(full), &d), -1);
	assert_int_equal(d.n, DIAG_CAP);
	assert_int_equal(d.count, 120);
	diag_release(&d);
	inventory_release(&inv);
	free(doc);
	free(full);
}

/* Each documented cap (docs/limits.md) gives a clear error. */
static void test_limits(void **state)
{
	(void)state;
	struct strbuf doc = STRBUF_INIT;
	/* A name one byte over TEXT_MAX. */
	strbuf_addstr(&doc, HEAD ",\"vendors\":[{\"id\":\"v\",\"name\":\"");
	for (int i = 0; i <= TEXT_MAX; i++)
		strbuf_addch(&doc, 'x');
	strbuf_addstr(&doc, "\"}]}");
	EXPECT(doc.buf, "inv.json: $.vendors[0].name: longer than 4096 bytes (limit, see docs/limits.md)");
	/* A list one entry over LIST_MAX. */
	strbuf_reset(&doc);
	strbuf_addstr(&doc, HEAD ",\"remote_access\":[{\"id\":\"r\",\"vendor\":\"v\",\"target\":\"t\",\"via\":[");
	for (int i = 0; i <= LIST_MAX; i++)
		strbuf_addstr(&doc, i ? ",\"d\"" : "\"d\"");
	strbuf_addstr(&doc, "]}]}");
	EXPECT(doc.buf, "inv.json: $.remote_access[0].via: more than 10000 entries (limit, see docs/limits.md)",
	       "inv.json: $.remote_access[0].vendor: unknown vendor \"v\"");
	/* A top-level array one entry over ENTITY_MAX: refused before any entry is read. */
	strbuf_reset(&doc);
	strbuf_addstr(&doc, HEAD ",\"devices\":[");
	for (int i = 0; i <= ENTITY_MAX; i++)
		strbuf_addstr(&doc, i ? ",0" : "0");
	strbuf_addstr(&doc, "]}");
	EXPECT(doc.buf, "inv.json: $.devices: more than 1000000 entries (limit, see docs/limits.md)");
	strbuf_release(&doc);
}

static void test_null_is_absent_and_defaults(void **state)
{
	(void)state;
	const char *doc = HEAD ",\"as_of\":null,\"systems\":[{\"id\":\"s\",\"name\":\"n\",\"medical_info\":null}],"
			       "\"vendors\":[{\"id\":\"v\",\"name\":\"n\"}],"
			       "\"subcontracts\":[{\"id\":\"x\",\"prime\":\"v\",\"sub\":\"w\",\"systems\":null}]}";
	struct inventory inv;
	struct diag d;
	inventory_init(&inv);
	diag_init(&d, "inv.json");
	assert_int_equal(inventory_load_json(&inv, &cat, doc, strlen(doc), &d), -1); /* w is unknown */
	assert_null(inv.as_of);
	assert_true(inv.systems[0].medical_info);
	assert_false(inv.systems[0].external_access);
	assert_false(inv.subcontracts[0].systems.given);
	diag_release(&d);
	inventory_release(&inv);
}

/* The inventory as canonical JSON: streamed (inventory_load_json) or from
   the whole tree (inventory_load_tree); NULL if it did not load. */
static char *loaded(const char *json, int whole)
{
	struct inventory inv;
	struct diag d;
	inventory_init(&inv);
	diag_init(&d, "inv.json");
	cJSON *tree = NULL;
	int rc = whole ? ((tree = inventory_parse_json(json, strlen(json), &d)) ? inventory_load_tree(&inv, &cat, tree, &d) : -1)
		       : inventory_load_json(&inv, &cat, json, strlen(json), &d);
	char *out = rc == 0 ? inventory_to_json(&inv, &cat) : NULL;
	cJSON_Delete(tree);
	diag_release(&d);
	inventory_release(&inv);
	return out;
}

/* A document is read element by element; what it loads is what the whole
   tree loads: every fixture, and layouts the fixtures do not have. */
static void test_streamed_equals_tree(void **state)
{
	(void)state;
	const char *const docs[] = {
		"fixtures/demo-hospital.json", "fixtures/midsize-prime-cloud.json", "fixtures/many-small-vendors.json",
		"fixtures/incident-dc-vpn.json", "fixtures/clinic-one-vendor.json",
	};
	for (size_t i = 0; i < sizeof(docs) / sizeof(*docs); i++) {
		char *buf = read_file(docs[i]);
		char *streamed = loaded(buf, 0), *whole = loaded(buf, 1);
		assert_non_null(streamed);
		assert_non_null(whole);
		if (strcmp(streamed, whole))
			fail_msg("%s: the streamed inventory differs from the tree's", docs[i]);
		free(streamed);
		free(whole);
		free(buf);
	}
	const char *const layouts[] = {
		/* arrays before the organization, an escaped key, empty arrays, null */
		"{\"systems\":[{\"id\":\"s\",\"name\":\"n\"}],\"\\u0064evices\":[ ] ,\"format\":\"bunkai-inventory/1\","
		"\"organization\":{\"id\":\"h\",\"name\":\"病院\"},\"vendors\":null,\"as_of\":\"2026-01-01\"}",
		" \r\n\t" HEAD ",\"vendors\" : [ {\"id\":\"v\",\"name\":\"V\"} , {\"id\":\"w\",\"name\":\"W\"} ] } \n",
	};
	for (size_t i = 0; i < sizeof(layouts) / sizeof(*layouts); i++) {
		char *streamed = loaded(layouts[i], 0), *whole = loaded(layouts[i], 1);
		assert_non_null(streamed);
		assert_string_equal(streamed, whole);
		free(streamed);
		free(whole);
	}
	/* What streaming leaves to the whole tree gets the tree's messages. */
	EXPECT(HEAD ",\"systems\":[{\"id\":\"s\",\"name\":\"n\"}],\"systems\":[]}", "inv.json: $: duplicate key \"systems\"");
	EXPECT(HEAD ",\"systems\":[{\"id\":\"s\",\"name\":\"n\"},3]}", "inv.json: $.systems[1]: expected an object, got a number");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_minimal),
		cmocka_unit_test(test_empty_input),
		cmocka_unit_test(test_syntax_errors),
		cmocka_unit_test(test_deep_nesting),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_nul_byte),
		cmocka_unit_test(test_format_and_organization),
		cmocka_unit_test(test_unknown_and_duplicate_keys),
		cmocka_unit_test(test_wrong_types),
		cmocka_unit_test(test_missing_required),
		cmocka_unit_test(test_bad_ids_and_names),
		cmocka_unit_test(test_bad_dates),
		cmocka_unit_test(test_duplicate_ids),
		cmocka_unit_test(test_unresolved_references),
		cmocka_unit_test(test_unknown_items),
		cmocka_unit_test(test_subcontract_cycle),
		cmocka_unit_test(test_interface_needs_two),
		cmocka_unit_test(test_every_problem_reported_with_cap),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_null_is_absent_and_defaults),
		cmocka_unit_test(test_streamed_equals_tree),
	};
	catalog_load(&cat);
	int failed = cmocka_run_group_tests_name("loader", tests, NULL, NULL);
	catalog_release(&cat);
	return failed;
}
