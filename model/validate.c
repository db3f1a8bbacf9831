/*
** Cross-entity checks of a parsed inventory: unique ids, references that
** resolve to the right kind of entity, and no cycle among subcontracts.
** Shared by every loader, so a JSON file and a CSV folder are held to the
** same rules. Paths in messages are the JSON paths of SPEC §3.
*/
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/load.h"
#include "model/util/idmap.h"
#include "model/util/strbuf.h"
#include "model/util/xalloc.h"

struct checker {
	const struct inventory *inv;
	struct diag *d;
	struct idmap ids;
	size_t problems;
};

static void problem(struct checker *C, const char *path, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void problem(struct checker *C, const char *path, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	diag_path(C->d, path, "%s", strbuf_str(&sb));
	strbuf_release(&sb);
	C->problems++;
}

/*
** Where a reference sits, formatted only when there is a problem to report
** (formatting a path per entity dominated the check of large inventories).
*/
struct where {
	const char *array; /* "contracts" */
	size_t index;
	const char *key;   /* "systems", or NULL */
	long sub;          /* index inside the key's list, or -1 */
};

static const char *format_where(char buf[256], const struct where *w)
{
	int n = snprintf(buf, 256, "$.%s[%zu]", w->array, w->index);
	if (w->key && n > 0 && n < 256)
		n += snprintf(buf + n, 256 - (size_t)n, ".%s", w->key);
	if (w->sub >= 0 && n > 0 && n < 256)
		snprintf(buf + n, 256 - (size_t)n, "[%ld]", w->sub);
	return buf;
}

static void define(struct checker *C, const char *id, enum id_kind kind, const char *array, size_t index)
{
	if (!id)
		return;
	const struct idref *prev = idmap_put(&C->ids, id, kind, index);
	if (prev) {
		char buf[256];
		struct where w = { array, index, "id", -1 };
		problem(C, array ? format_where(buf, &w) : "$.organization.id", "duplicate id \"%s\" (already used by %s)",
			id, id_kind_names[prev->kind]);
	}
}

/* Check that `id` names an entity of `kind`. */
static void expect(struct checker *C, const char *id, enum id_kind kind, const struct where *w)
{
	if (!id)
		return;
	const struct idref *r = idmap_get(&C->ids, id);
	if (r && r->kind == kind)
		return;
	char buf[256];
	format_where(buf, w);
	if (!r)
		problem(C, buf, "unknown %s \"%s\"", id_kind_names[kind], id);
	else
		problem(C, buf, "\"%s\" is %s%s, not a %s", id, r->kind == ID_ORGANIZATION ? "" : "a ",
			id_kind_names[r->kind], id_kind_names[kind]);
}

static void expect_list(struct checker *C, const struct strlist *l, enum id_kind kind, const char *array,
			size_t index, const char *key)
{
	for (size_t i = 0; i < l->n; i++) {
		struct where w = { array, index, key, (long)i };
		expect(C, l->v[i], kind, &w);
	}
}

static void define_all(struct checker *C)
{
	const struct inventory *inv = C->inv;
	define(C, inv->org_id, ID_ORGANIZATION, NULL, 0);
	for (size_t i = 0; i < inv->n_vendors; i++)
		define(C, inv->vendors[i].id, ID_VENDOR, "vendors", i);
	for (size_t i = 0; i < inv->n_systems; i++)
		define(C, inv->systems[i].id, ID_SYSTEM, "systems", i);
	for (size_t i = 0; i < inv->n_devices; i++)
		define(C, inv->devices[i].id, ID_DEVICE, "devices", i);
	for (size_t i = 0; i < inv->n_contracts; i++)
		define(C, inv->contracts[i].id, ID_CONTRACT, "contracts", i);
	for (size_t i = 0; i < inv->n_subcontracts; i++)
		define(C, inv->subcontracts[i].id, ID_SUBCONTRACT, "subcontracts", i);
	for (size_t i = 0; i < inv->n_remotes; i++)
		define(C, inv->remotes[i].id, ID_REMOTE, "remote_access", i);
	for (size_t i = 0; i < inv->n_interfaces; i++)
		define(C, inv->interfaces[i].id, ID_INTERFACE, "interfaces", i);
}

#define AT(arr, i, k) (&(struct where){ arr, i, k, -1 })

static void check_references(struct checker *C)
{
	const struct inventory *inv = C->inv;
	char buf[256];
	for (size_t i = 0; i < inv->n_devices; i++) {
		expect(C, inv->devices[i].system, ID_SYSTEM, AT("devices", i, "system"));
		expect(C, inv->devices[i].maintainer, ID_VENDOR, AT("devices", i, "maintainer"));
	}
	for (size_t i = 0; i < inv->n_contracts; i++) {
		expect(C, inv->contracts[i].vendor, ID_VENDOR, AT("contracts", i, "vendor"));
		expect_list(C, &inv->contracts[i].systems, ID_SYSTEM, "contracts", i, "systems");
	}
	for (size_t i = 0; i < inv->n_subcontracts; i++) {
		const struct subcontract *s = &inv->subcontracts[i];
		expect(C, s->prime, ID_VENDOR, AT("subcontracts", i, "prime"));
		expect(C, s->sub, ID_VENDOR, AT("subcontracts", i, "sub"));
		if (s->prime && s->sub && !strcmp(s->prime, s->sub))
			problem(C, format_where(buf, AT("subcontracts", i, "sub")),
				"a vendor cannot subcontract to itself (\"%s\")", s->sub);
		expect_list(C, &s->systems, ID_SYSTEM, "subcontracts", i, "systems");
	}
	for (size_t i = 0; i < inv->n_assignments; i++) {
		const struct assignment *a = &inv->assignments[i];
		const struct idref *r = a->party ? idmap_get(&C->ids, a->party) : NULL;
		if (a->party && !r)
			problem(C, format_where(buf, AT("assignments", i, "party")),
				"unknown party \"%s\" (the organization or a vendor)", a->party);
		else if (r && r->kind != ID_VENDOR && r->kind != ID_ORGANIZATION)
			problem(C, format_where(buf, AT("assignments", i, "party")),
				"\"%s\" is a %s, not a party (the organization or a vendor)", a->party, id_kind_names[r->kind]);
		if (a->system && strcmp(a->system, "*"))
			expect(C, a->system, ID_SYSTEM, AT("assignments", i, "system"));
	}
	for (size_t i = 0; i < inv->n_remotes; i++)
		expect(C, inv->remotes[i].vendor, ID_VENDOR, AT("remote_access", i, "vendor"));
	for (size_t i = 0; i < inv->n_interfaces; i++) {
		expect_list(C, &inv->interfaces[i].parties, ID_VENDOR, "interfaces", i, "parties");
		expect_list(C, &inv->interfaces[i].systems, ID_SYSTEM, "interfaces", i, "systems");
	}
}

/*
** A cycle in the prime→sub graph makes "bound through a chain" undefined,
** so it is invalid whatever the dates. Depth-first search with colours;
** each cycle is reported once, at the subcontract that closes it.
*/
enum { WHITE, GREY, BLACK };

struct cycle_search {
	struct checker *C;
	size_t *first_edge, *next_edge; /* adjacency lists over subcontract indices */
	size_t *to;                     /* vendor index of each subcontract's sub */
	unsigned char *colour;
	size_t *cursor;                 /* next edge to follow, per vendor */
	size_t *stack;                  /* the current path, explicit: chains can be long */
	size_t depth;
};

static const size_t NONE = (size_t)-1;

static void visit(struct cycle_search *S, size_t root)
{
	const struct inventory *inv = S->C->inv;
	S->colour[root] = GREY;
	S->cursor[root] = S->first_edge[root];
	S->stack[S->depth++] = root;
	while (S->depth) {
		size_t v = S->stack[S->depth - 1], e = S->cursor[v];
		if (e == NONE) {
			S->colour[v] = BLACK;
			S->depth--;
			continue;
		}
		S->cursor[v] = S->next_edge[e];
		size_t w = S->to[e];
		if (S->colour[w] == GREY) {
			struct strbuf sb = STRBUF_INIT;
			size_t k = 0;
			while (S->stack[k] != w)
				k++;
			for (; k < S->depth; k++)
				strbuf_addf(&sb, "%s -> ", inv->vendors[S->stack[k]].id);
			strbuf_addstr(&sb, inv->vendors[w].id);
			char path[64];
			snprintf(path, sizeof(path), "$.subcontracts[%zu]", e);
			problem(S->C, path, "subcontract cycle %s", strbuf_str(&sb));
			strbuf_release(&sb);
		} else if (S->colour[w] == WHITE) {
			S->colour[w] = GREY;
			S->cursor[w] = S->first_edge[w];
			S->stack[S->depth++] = w;
		}
	}
}

static void check_cycles(struct checker *C)
{
	const struct inventory *inv = C->inv;
	size_t nv = inv->n_vendors, ns = inv->n_subcontracts;
	if (!ns)
		return;
	struct cycle_search S = { C, NULL, NULL, NULL, NULL, NULL, NULL, 0 };
	S.first_edge = xmalloc(nv * sizeof(size_t) + 1);
	S.next_edge = xmalloc(ns * sizeof(size_t));
	S.to = xmalloc(ns * sizeof(size_t));
	S.colour = xcalloc(nv + 1, 1);
	S.stack = xmalloc((nv + 1) * sizeof(size_t));
	S.cursor = xmalloc((nv + 1) * sizeof(size_t));
	for (size_t v = 0; v < nv; v++)
		S.first_edge[v] = NONE;
	/* Edges in reverse so the lists keep document order. */
	for (size_t e = ns; e-- > 0;) {
		const struct subcontract *s = &inv->subcontracts[e];
		const struct idref *p = s->prime ? idmap_get(&C->ids, s->prime) : NULL;
		const struct idref *q = s->sub ? idmap_get(&C->ids, s->sub) : NULL;
		S.next_edge[e] = NONE;
		S.to[e] = NONE;
		if (!p || !q || p->kind != ID_VENDOR || q->kind != ID_VENDOR || p->index == q->index)
			continue;
		S.to[e] = q->index;
		S.next_edge[e] = S.first_edge[p->index];
		S.first_edge[p->index] = e;
	}
	for (size_t v = 0; v < nv; v++)
		if (S.colour[v] == WHITE)
			visit(&S, v);
	free(S.first_edge);
	free(S.next_edge);
	free(S.to);
	free(S.colour);
	free(S.stack);
	free(S.cursor);
}

size_t inventory_validate(const struct inventory *inv, const struct catalog *cat, struct diag *d)
{
	(void)cat;
	struct checker C = { inv, d, { NULL, 0, 0 }, 0 };
	idmap_init(&C.ids, inv->n_vendors + inv->n_systems + inv->n_devices + inv->n_contracts +
				   inv->n_subcontracts + inv->n_remotes + inv->n_interfaces + 1);
	define_all(&C);
	check_references(&C);
	check_cycles(&C);
	idmap_release(&C.ids);
	return C.problems;
}
