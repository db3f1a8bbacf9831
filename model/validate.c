/*
** Cross-entity checks of a parsed inventory: unique ids, references that
** resolve to the right kind of entity, and no cycle among subcontracts.
** Shared by every loader, so a JSON file and a CSV folder are held to the
** same rules. Paths in messages are the JSON paths of SPEC §3.
*/
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "idmap.h"
#include "load.h"
#include "strbuf.h"
#include "xalloc.h"

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

static void define(struct checker *C, const char *id, enum id_kind kind, size_t index, const char *path)
{
	if (!id)
		return;
	const struct idref *prev = idmap_put(&C->ids, id, kind, index);
	if (prev)
		problem(C, path, "duplicate id \"%s\" (already used by %s)", id, id_kind_names[prev->kind]);
}

/* Check that `id` names an entity of `kind`; `what` is how to call it. */
static void expect(struct checker *C, const char *id, enum id_kind kind, const char *path)
{
	if (!id)
		return;
	const struct idref *r = idmap_get(&C->ids, id);
	if (!r) {
		problem(C, path, "unknown %s \"%s\"", id_kind_names[kind], id);
	} else if (r->kind != kind) {
		problem(C, path, "\"%s\" is %s%s, not a %s", id, r->kind == ID_ORGANIZATION ? "" : "a ",
			id_kind_names[r->kind], id_kind_names[kind]);
	}
}

static void expect_list(struct checker *C, const struct strlist *l, enum id_kind kind, const char *base,
			const char *key)
{
	for (size_t i = 0; i < l->n; i++) {
		char *path = xasprintf("%s.%s[%zu]", base, key, i);
		expect(C, l->v[i], kind, path);
		free(path);
	}
}

#define PATH(fmt, ...) char *path = xasprintf(fmt, __VA_ARGS__)

static void define_all(struct checker *C)
{
	const struct inventory *inv = C->inv;
	define(C, inv->org_id, ID_ORGANIZATION, 0, "$.organization.id");
	for (size_t i = 0; i < inv->n_vendors; i++) {
		PATH("$.vendors[%zu].id", i);
		define(C, inv->vendors[i].id, ID_VENDOR, i, path);
		free(path);
	}
	for (size_t i = 0; i < inv->n_systems; i++) {
		PATH("$.systems[%zu].id", i);
		define(C, inv->systems[i].id, ID_SYSTEM, i, path);
		free(path);
	}
	for (size_t i = 0; i < inv->n_devices; i++) {
		PATH("$.devices[%zu].id", i);
		define(C, inv->devices[i].id, ID_DEVICE, i, path);
		free(path);
	}
	for (size_t i = 0; i < inv->n_contracts; i++) {
		PATH("$.contracts[%zu].id", i);
		define(C, inv->contracts[i].id, ID_CONTRACT, i, path);
		free(path);
	}
	for (size_t i = 0; i < inv->n_subcontracts; i++) {
		PATH("$.subcontracts[%zu].id", i);
		define(C, inv->subcontracts[i].id, ID_SUBCONTRACT, i, path);
		free(path);
	}
	for (size_t i = 0; i < inv->n_remotes; i++) {
		PATH("$.remote_access[%zu].id", i);
		define(C, inv->remotes[i].id, ID_REMOTE, i, path);
		free(path);
	}
	for (size_t i = 0; i < inv->n_interfaces; i++) {
		PATH("$.interfaces[%zu].id", i);
		define(C, inv->interfaces[i].id, ID_INTERFACE, i, path);
		free(path);
	}
}

static void check_references(struct checker *C)
{
	const struct inventory *inv = C->inv;
	for (size_t i = 0; i < inv->n_devices; i++) {
		const struct device *dv = &inv->devices[i];
		PATH("$.devices[%zu]", i);
		char *p;
		p = xasprintf("%s.system", path), expect(C, dv->system, ID_SYSTEM, p), free(p);
		p = xasprintf("%s.maintainer", path), expect(C, dv->maintainer, ID_VENDOR, p), free(p);
		free(path);
	}
	for (size_t i = 0; i < inv->n_contracts; i++) {
		const struct contract *c = &inv->contracts[i];
		PATH("$.contracts[%zu]", i);
		char *p = xasprintf("%s.vendor", path);
		expect(C, c->vendor, ID_VENDOR, p);
		free(p);
		expect_list(C, &c->systems, ID_SYSTEM, path, "systems");
		free(path);
	}
	for (size_t i = 0; i < inv->n_subcontracts; i++) {
		const struct subcontract *s = &inv->subcontracts[i];
		PATH("$.subcontracts[%zu]", i);
		char *p;
		p = xasprintf("%s.prime", path), expect(C, s->prime, ID_VENDOR, p), free(p);
		p = xasprintf("%s.sub", path), expect(C, s->sub, ID_VENDOR, p), free(p);
		if (s->prime && s->sub && !strcmp(s->prime, s->sub)) {
			p = xasprintf("%s.sub", path);
			problem(C, p, "a vendor cannot subcontract to itself (\"%s\")", s->sub);
			free(p);
		}
		expect_list(C, &s->systems, ID_SYSTEM, path, "systems");
		free(path);
	}
	for (size_t i = 0; i < inv->n_assignments; i++) {
		const struct assignment *a = &inv->assignments[i];
		PATH("$.assignments[%zu]", i);
		char *p = xasprintf("%s.party", path);
		const struct idref *r = a->party ? idmap_get(&C->ids, a->party) : NULL;
		if (!a->party)
			; /* missing: already reported by the loader */
		else if (!r)
			problem(C, p, "unknown party \"%s\" (the organization or a vendor)", a->party);
		else if (r->kind != ID_VENDOR && r->kind != ID_ORGANIZATION)
			problem(C, p, "\"%s\" is a %s, not a party (the organization or a vendor)", a->party,
				id_kind_names[r->kind]);
		free(p);
		if (a->system && strcmp(a->system, "*")) {
			p = xasprintf("%s.system", path);
			expect(C, a->system, ID_SYSTEM, p);
			free(p);
		}
		free(path);
	}
	for (size_t i = 0; i < inv->n_remotes; i++) {
		PATH("$.remote_access[%zu].vendor", i);
		expect(C, inv->remotes[i].vendor, ID_VENDOR, path);
		free(path);
	}
	for (size_t i = 0; i < inv->n_interfaces; i++) {
		PATH("$.interfaces[%zu]", i);
		expect_list(C, &inv->interfaces[i].parties, ID_VENDOR, path, "parties");
		expect_list(C, &inv->interfaces[i].systems, ID_SYSTEM, path, "systems");
		free(path);
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
			PATH("$.subcontracts[%zu]", e);
			problem(S->C, path, "subcontract cycle %s", strbuf_str(&sb));
			free(path);
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
