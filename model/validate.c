/*
** Cross-entity checks of a loaded inventory: unique ids, references that
** resolve to the right kind of entity, and no cycle among subcontracts.
** Shared by every loader, so a JSON file and a CSV folder are held to the
** same rules; the references to check are the fields with .refers in
** entities.h. Messages are placed by entity and field (model/fields.h).
*/
#include "model/validate.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/fields.h"
#include "model/util/idmap.h"
#include "model/util/strbuf.h"
#include "model/util/xalloc.h"
#include "model/util/i18n.h"

struct checker {
	const struct inventory *inv;
	struct diag *d;
	struct idmap ids;
	size_t problems;
};

static void problem(struct checker *C, const struct place *p, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void problem(struct checker *C, const struct place *p, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	diag_place(C->d, p, "%s", msg);
	free(msg);
	C->problems++;
}

static void define_all(struct checker *C)
{
	for (const struct entity *e = entities; e->fields; e++) {
		if (e->kind == ID_NONE)
			continue;
		const struct field *f = entity_field(e, "id");
		for (size_t i = 0, n = entity_count(C->inv, e); i < n; i++) {
			const char *id = *(const char **)field_ptr(entity_at(C->inv, e, i), f);
			const struct idref *prev = id ? idmap_put(&C->ids, id, e->kind, i) : NULL;
			if (prev)
				problem(C, &(struct place){ e, (long)i, f, -1 }, _("duplicate id \"%s\" (already used by %s)"),
					id, _(id_kind_names[prev->kind]));
		}
	}
}

/* Check that `id` names an entity of `kind` (ID_PARTY: the organization or a vendor). */
static void expect(struct checker *C, const char *id, enum id_kind kind, const struct place *p)
{
	const struct idref *r = idmap_get(&C->ids, id);
	int party = kind == ID_PARTY;
	if (r && (r->kind == kind || (party && (r->kind == ID_VENDOR || r->kind == ID_ORGANIZATION))))
		return;
	if (!r && party)
		problem(C, p, _("unknown party \"%s\" (the organization or a vendor)"), id);
	else if (!r)
		problem(C, p, _("unknown %s \"%s\""), _(id_kind_names[kind]), id);
	else if (party)
		problem(C, p, _("\"%s\" is a %s, not a party (the organization or a vendor)"), id, _(id_kind_names[r->kind]));
	else if (r->kind == ID_ORGANIZATION)
		problem(C, p, _("\"%s\" is the organization, not a %s"), id, _(id_kind_names[kind]));
	else
		problem(C, p, _("\"%s\" is a %s, not a %s"), id, _(id_kind_names[r->kind]), _(id_kind_names[kind]));
}

static void check_references(struct checker *C)
{
	for (const struct entity *e = entities; e->fields; e++) {
		for (size_t i = 0, n = entity_count(C->inv, e); i < n; i++) {
			void *obj = entity_at(C->inv, e, i);
			for (size_t k = 0; k < e->n_fields; k++) {
				const struct field *f = &e->fields[k];
				if (f->refers == ID_NONE)
					continue;
				if (f->type == FT_REFS) {
					const struct strlist *l = field_ptr(obj, f);
					for (size_t j = 0; j < l->n; j++)
						expect(C, l->v[j], f->refers, &(struct place){ e, (long)i, f, (long)j });
				} else {
					const char *id = *(const char **)field_ptr(obj, f);
					if (id && !((f->flags & F_STAR) && !strcmp(id, "*")))
						expect(C, id, f->refers, &(struct place){ e, (long)i, f, -1 });
				}
			}
			if (e->kind == ID_SUBCONTRACT) {
				const struct subcontract *s = obj;
				if (s->prime && s->sub && !strcmp(s->prime, s->sub))
					problem(C, &(struct place){ e, (long)i, entity_field(e, "sub"), -1 },
						_("a vendor cannot subcontract to itself (\"%s\")"), s->sub);
			}
		}
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
			problem(S->C, &(struct place){ entity_by_array("subcontracts"), (long)e, NULL, -1 },
				_("subcontract cycle %s"), strbuf_str(&sb));
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

size_t inventory_validate(const struct inventory *inv, struct diag *d)
{
	struct checker C = { inv, d, { NULL, 0, 0 }, 0 };
	idmap_init(&C.ids, inv->n_vendors + inv->n_systems + inv->n_devices + inv->n_contracts +
				   inv->n_subcontracts + inv->n_remotes + inv->n_interfaces + 1);
	define_all(&C);
	check_references(&C);
	check_cycles(&C);
	idmap_release(&C.ids);
	return C.problems;
}
