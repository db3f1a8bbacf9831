/*
** The diagram's structure, read back from the DOT that gvc renders: the
** party clusters and their nesting, the boundary each system falls in,
** devices in their system, each remote link's path and style, the gap marks,
** the legend and the title — on the fixtures of the core analyzer.
*/
#include <gvc.h>

#include "testlib.h"

#include "analyzer/writers/diagram.h"
#include "analyzer/writers/diagram_layout.h"

static GVC_t *gvc;

/* Analyze a fixture, build and lay out its diagram, render DOT, read it back. */
static Agraph_t *render(const char *fixture, const char *vendor, size_t detail_max)
{
	char *json = read_file(fixture);
	struct session s;
	struct ruleset rules = { 0 };
	struct view v = { NULL, 0, vendor };
	assert_int_equal(session_load_buffer(&s, fixture, json, strlen(json), NULL, 1), 0);
	assert_int_equal(ruleset_add_builtin(&rules), 0);
	assert_int_equal(rules_run(s.db, &rules, 1), 0);
	assert_int_equal(view_apply(s.db, &v), 0);
	struct diagram_options o = { .detail_max = detail_max };
	Agraph_t *g = diagram_build(s.db, &o);
	assert_non_null(g);
	assert_int_equal(diagram_layout(gvc, g, 15.74, 10.89), 0);
	char *text = NULL;
	unsigned int len = 0;
	assert_int_equal(gvRenderData(gvc, g, "dot", &text, &len), 0);
	Agraph_t *back = agmemread(text);
	assert_non_null(back);
	gvFreeRenderData(text);
	gvFreeLayout(gvc, g);
	agclose(g);
	ruleset_release(&rules);
	session_release(&s);
	free(json);
	return back;
}

/* The subgraph named `name` anywhere below g, or NULL. */
static Agraph_t *find_subg(Agraph_t *g, const char *name)
{
	for (Agraph_t *s = agfstsubg(g); s; s = agnxtsubg(s)) {
		if (!strcmp(agnameof(s), name))
			return s;
		Agraph_t *deeper = find_subg(s, name);
		if (deeper)
			return deeper;
	}
	return NULL;
}

/* Assert that cluster `inner` sits directly inside `outer`. */
static void assert_inside(Agraph_t *g, const char *inner, const char *outer)
{
	Agraph_t *s = find_subg(g, inner);
	if (!s)
		fail_msg("no subgraph %s", inner);
	if (strcmp(agnameof(agparent(s)), outer))
		fail_msg("%s is inside %s, expected %s", inner, agnameof(agparent(s)), outer);
}

/* Assert that node `n` belongs to the subgraph `sub` (and so to its ancestors). */
static void assert_node_in(Agraph_t *g, const char *n, const char *sub)
{
	Agraph_t *s = find_subg(g, sub);
	if (!s)
		fail_msg("no subgraph %s", sub);
	if (!agnode(s, (char *)n, 0))
		fail_msg("node %s is not in %s", n, sub);
}

static const char *attr(void *obj, const char *name)
{
	const char *v = agget(obj, (char *)name);
	return v ? v : "";
}

/* The edge t -> h whose class is `cls`; fails if none. */
static void assert_edge(Agraph_t *g, const char *t, const char *h, const char *cls, const char *style)
{
	Agnode_t *nt = agnode(g, (char *)t, 0), *nh = agnode(g, (char *)h, 0);
	if (!nt || !nh)
		fail_msg("no node %s or %s", t, h);
	for (Agedge_t *e = agfstout(g, nt); e; e = agnxtout(g, e))
		if (aghead(e) == nh && !strcmp(attr(e, "class"), cls)) {
			assert_string_equal(attr(e, "style"), style);
			return;
		}
	fail_msg("no %s edge %s -> %s", cls, t, h);
}

static void test_demo_boundaries(void **state)
{
	(void)state;
	Agraph_t *g = render("fixtures/demo-hospital.json", NULL, 0);
	/* One cluster per party bound to something; the subcontractor inside its prime. */
	assert_inside(g, "cluster_sakura", "bunkai");
	assert_inside(g, "cluster_v-si", "bunkai");
	assert_inside(g, "cluster_v-net", "cluster_v-si");
	assert_inside(g, "cluster_v-pacs", "bunkai");
	assert_inside(g, "cluster_v-food", "bunkai");
	assert_null(find_subg(g, "cluster_v-rece")); /* idle: its contract expired */
	/* Systems in the boundary of their coordinator. */
	assert_inside(g, "cluster_ehr", "cluster_v-si"); /* the prime */
	assert_inside(g, "cluster_net", "cluster_v-si");
	assert_inside(g, "cluster_pacs", "cluster_v-pacs"); /* the only vendor */
	assert_inside(g, "cluster_food", "cluster_v-food");
	assert_inside(g, "cluster_rece", "cluster_~no-owner"); /* nobody */
	/* Devices inside their system, or apart when they have none. */
	assert_node_in(g, "vpn-01", "cluster_net");
	assert_node_in(g, "ehr-srv", "cluster_ehr");
	assert_node_in(g, "wifi-ap", "cluster_~no-system");
	/* Every vendor has its anchor node named by its id inside its cluster,
	   labelled with the company's name. */
	assert_node_in(g, "v-net", "cluster_v-net");
	assert_string_equal(agget(agnode(g, "v-food", 0), "label"), "給食サービス株式会社");
	agclose(g);
}

static void test_demo_links_and_gaps(void **state)
{
	(void)state;
	Agraph_t *g = render("fixtures/demo-hospital.json", NULL, 0);
	/* rm-food: the food vendor through its unmaintained VPN router to the EHR server, no contract. */
	assert_edge(g, "v-food", "food-vpn", "unmaintained", "dashed");
	assert_edge(g, "food-vpn", "ehr-srv", "nocontract", "bold");
	/* rm-pacs crosses v-si's VPN without an agreement, then reaches its own server under contract. */
	assert_edge(g, "v-pacs", "vpn-01", "crossing", "dotted");
	assert_edge(g, "vpn-01", "pacs-srv", "covered", "solid");
	/* rm-ehr: covered all along, through two entry devices in order. */
	assert_edge(g, "v-si", "fw-01", "covered", "solid");
	assert_edge(g, "fw-01", "vpn-01", "covered", "solid");
	assert_edge(g, "vpn-01", "ehr-srv", "covered", "solid");
	/* rm-ws: a target the ledger does not know. */
	assert_edge(g, "vpn-01", "~unknown:ws-01", "notinledger", "dashed");
	/* Gap marks: errors in red with the unowned and conflicting item ids. */
	Agraph_t *rece = find_subg(g, "cluster_rece");
	assert_string_equal(attr(rece, "color"), "#c00000");
	assert_non_null(strstr(attr(rece, "label"), "unowned: I-1, I-4, I-5, I-6"));
	assert_non_null(strstr(attr(find_subg(g, "cluster_pacs"), "label"), "conflicting: I-2"));
	assert_string_equal(attr(find_subg(g, "cluster_ehr"), "color"), "#c00000"); /* remote-without-contract */
	/* Title and legend. */
	assert_non_null(strstr(attr(g, "label"), "さくら総合病院"));
	assert_non_null(strstr(attr(g, "label"), "as of 2026-04-01"));
	/* The title block (an HTML-like table in the graph's label) explains the
	   styles the picture uses. */
	assert_true(aghtmlstr((char *)attr(g, "label")));
	assert_non_null(strstr(attr(g, "label"), "crosses another vendor's boundary without an agreement"));
	assert_non_null(strstr(attr(g, "label"), "no contract for the target (remote-without-contract)"));
	assert_non_null(strstr(attr(g, "label"), "no owner: nobody coordinates the system"));
	/* Japanese everywhere in one font. */
	assert_string_equal(attr(g, "fontname"), "Noto Sans CJK JP");
	agclose(g);
}

static void test_prime_chain_and_no_owner(void **state)
{
	(void)state;
	Agraph_t *g = render("fixtures/midsize-prime-cloud.json", NULL, 0);
	assert_inside(g, "cluster_v-net", "cluster_v-prime");
	assert_inside(g, "cluster_v-cloud", "cluster_v-prime");
	assert_inside(g, "cluster_backup", "cluster_v-prime");
	assert_inside(g, "cluster_~no-owner", "bunkai");
	assert_node_in(g, "pacs", "cluster_~no-owner"); /* no devices: drawn as a node */
	agclose(g);
	g = render("fixtures/many-small-vendors.json", NULL, 0);
	assert_inside(g, "cluster_net", "cluster_~no-owner"); /* two vendors, no prime, no I-6 lead of the organization */
	assert_inside(g, "cluster_lab", "cluster_v-lab");
	assert_edge(g, "v-rad", "fw", "crossing", "dotted");
	assert_edge(g, "v-lab", "fw", "covered", "solid"); /* the interface agreement settles it */
	agclose(g);
}

static void test_vendor_view(void **state)
{
	(void)state;
	Agraph_t *g = render("fixtures/demo-hospital.json", "v-si", 0);
	assert_inside(g, "cluster_v-net", "cluster_v-si");
	assert_inside(g, "cluster_ehr", "cluster_v-si");
	assert_null(find_subg(g, "cluster_pacs"));
	assert_null(find_subg(g, "cluster_rece"));
	agclose(g);
}

static void test_summary(void **state)
{
	(void)state;
	Agraph_t *g = render("fixtures/demo-hospital.json", NULL, 1);
	assert_null(agnode(g, (char *)"ehr-pc-01", 0));
	Agnode_t *ehr = agnode(g, (char *)"ehr", 0);
	assert_non_null(ehr);
	assert_non_null(strstr(attr(ehr, "label"), "terminal ×1"));
	assert_edge(g, "v-food", "ehr", "nocontract", "bold"); /* the worst along the path */
	assert_non_null(strstr(attr(g, "label"), "summary: devices counted per system"));
	agclose(g);
}

static void test_hostile_names_escaped(void **state)
{
	(void)state;
	Agraph_t *g = render("tests/hostile/hostile-names.json", NULL, 0);
	/* The title block is an HTML-like label: the user's text with & < > "
	   as entities, backslashes as they are (no escapes in HTML labels). */
	assert_non_null(strstr(attr(g, "label"), "&quot;引用&quot; &lt;病院&gt; &amp; {病棟} | back\\slash\\"));
	assert_non_null(strstr(attr(agnode(g, (char *)"d", 0), "label"), "x,y\"z"));
	agclose(g);
	char esc_in[] = "a\\b&c\"d";
	char *e = diagram_escape(esc_in);
	assert_string_equal(e, "a\\\\b&amp;c\"d");
	free(e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_demo_boundaries),
		cmocka_unit_test(test_demo_links_and_gaps),
		cmocka_unit_test(test_prime_chain_and_no_owner),
		cmocka_unit_test(test_vendor_view),
		cmocka_unit_test(test_summary),
		cmocka_unit_test(test_hostile_names_escaped),
	};
	gvc = gvContext();
	int failed = cmocka_run_group_tests_name("diagram", tests, NULL, NULL);
	gvFreeContext(gvc);
	return failed;
}
