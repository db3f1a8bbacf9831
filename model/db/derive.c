#include "derive.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/db/db.h"
#include "model/db/feed.h"
#include "model/util/idmap.h"
#include "model/util/pool.h"
#include "model/util/strbuf.h"
#include "model/util/xalloc.h"

/*
** The derived tables with one row per claim, lead, reached device or
** responsible maintainer: claims, leads, path_reach (and path_systems, its
** count by system), responsible
** (model/db/derive.sql defines them and says what they hold). The small
** tables they depend on — states, binding, bound, subcontract_scope,
** path_doors — were made by derive.sql and are read back here; what the
** inventory already holds in C (items, systems, devices, networks) is read
** from it.
*/

/* A set of string tuples, as "a\x1fb\x1fc" keys in an idmap; the index is
   the caller's. */
struct keyset {
	struct idmap map;
	struct pool pool;
	struct strbuf key;
};

static void keyset_init(struct keyset *s, size_t expected)
{
	idmap_init(&s->map, expected);
	s->pool = (struct pool)POOL_INIT;
	s->key = (struct strbuf)STRBUF_INIT;
}

static void keyset_release(struct keyset *s)
{
	idmap_release(&s->map);
	pool_release(&s->pool);
	strbuf_release(&s->key);
}

/* The key of (a, b, c); NULL parts are written as \x1e (no id has one). */
static const char *key3(struct keyset *s, const char *a, const char *b, const char *c)
{
	strbuf_reset(&s->key);
	strbuf_addstr(&s->key, a ? a : "\x1e");
	strbuf_addch(&s->key, '\x1f');
	strbuf_addstr(&s->key, b ? b : "\x1e");
	if (c) {
		strbuf_addch(&s->key, '\x1f');
		strbuf_addstr(&s->key, c);
	}
	return strbuf_str(&s->key);
}

static const struct idref *keyset_get(struct keyset *s, const char *a, const char *b, const char *c)
{
	return idmap_get(&s->map, key3(s, a, b, c));
}

/* Adds the tuple with `index` unless it is there; returns the entry it had,
   or NULL when it was added. */
static const struct idref *keyset_put(struct keyset *s, const char *a, const char *b, const char *c, size_t index)
{
	const char *k = key3(s, a, b, c);
	const struct idref *r = idmap_get(&s->map, k);
	if (r)
		return r;
	idmap_put(&s->map, pool_strdup(&s->pool, k), ID_NONE, index);
	return NULL;
}

/* What the claims need from derive.sql's tables. */
struct bindings {
	struct keyset bound;       /* (vendor, system) */
	struct keyset bound_any;   /* (vendor) bound to some system */
	struct keyset by_sub;      /* (vendor, system, subcontract): bound there by that subcontract */
	const char **contract_state, **subcontract_state; /* by index; in `strings` */
	const char **scope;        /* subcontract_scope: systems, `scope_at[i]`..`scope_at[i+1]` for subcontract i */
	size_t *scope_at;
	struct pool strings;
};

/* A table's `state` column, in inventory order. */
static const char **read_states(sqlite3 *db, const char *table, size_t n, struct pool *p)
{
	char *sql = xasprintf("SELECT state FROM %s ORDER BY seq", table);
	sqlite3_stmt *st = db_statement(db, sql, "derived tables");
	free(sql);
	const char **out = xcalloc(n + 1, sizeof(*out));
	for (size_t i = 0; i < n && sqlite3_step(st) == SQLITE_ROW; i++)
		out[i] = db_column_pooled(st, 0, p);
	db_done(st);
	return out;
}

static void read_bindings(sqlite3 *db, const struct inventory *inv, struct bindings *b)
{
	memset(b, 0, sizeof(*b));
	keyset_init(&b->bound, 64);
	keyset_init(&b->bound_any, 64);
	keyset_init(&b->by_sub, 64);
	b->contract_state = read_states(db, "contracts", inv->n_contracts, &b->strings);
	b->subcontract_state = read_states(db, "subcontracts", inv->n_subcontracts, &b->strings);
	sqlite3_stmt *st = db_statement(db, "SELECT vendor, system FROM bound", "derived tables");
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(st, 0), *s = (const char *)sqlite3_column_text(st, 1);
		keyset_put(&b->bound, v, s, NULL, 0);
		keyset_put(&b->bound_any, v, NULL, NULL, 0);
	}
	db_done(st);
	st = db_statement(db, "SELECT vendor, system, source FROM binding WHERE kind = 'subcontract'", "derived tables");
	while (sqlite3_step(st) == SQLITE_ROW)
		keyset_put(&b->by_sub, (const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1),
			   (const char *)sqlite3_column_text(st, 2), 0);
	db_done(st);
	/* subcontract_scope grouped by subcontract, in inventory order. */
	st = db_statement(db,
			"SELECT s.seq, sc.system FROM subcontract_scope sc JOIN subcontracts s ON s.id = sc.subcontract"
			" ORDER BY s.seq, sc.system",
			"derived tables");
	size_t n = 0, cap = 0;
	b->scope_at = xcalloc(inv->n_subcontracts + 1, sizeof(*b->scope_at));
	while (sqlite3_step(st) == SQLITE_ROW) {
		size_t seq = (size_t)sqlite3_column_int64(st, 0);
		b->scope = xgrow(b->scope, &cap, n + 1, sizeof(*b->scope));
		b->scope[n++] = db_column_pooled(st, 1, &b->strings);
		if (seq < inv->n_subcontracts)
			b->scope_at[seq + 1] = n;
	}
	db_done(st);
	for (size_t i = 1; i <= inv->n_subcontracts; i++)
		if (b->scope_at[i] < b->scope_at[i - 1])
			b->scope_at[i] = b->scope_at[i - 1];
}

static void bindings_release(struct bindings *b)
{
	keyset_release(&b->bound);
	keyset_release(&b->bound_any);
	keyset_release(&b->by_sub);
	free(b->contract_state);
	free(b->subcontract_state);
	free(b->scope);
	free(b->scope_at);
	pool_release(&b->strings);
}

/* A record's first check (SPEC 9.3): its first_check, else `confirmed` (a
   subcontract: `approved`) as a yes on that date. */
struct first_check {
	const char *answer, *day, *completed;
};

static struct first_check first_check(int answer, const char *date, const char *confirmed, const char *completed)
{
	struct first_check c = { answer >= 0 ? answer_names[answer] : confirmed ? "yes" : NULL,
				 date ? date : confirmed, completed };
	return c;
}

/* One claim on its way into the table, and into the leads. */
struct claim {
	int item;
	const char *system, *party, *kind, *source, *state;
	int role;
	struct first_check check;
};

struct lead {
	int item;
	const char *system, *party, *confirmed;
	int checked;
};

/* A claim as its row of claims. */
struct claim_row {
	struct claim c;
	const char *confirmed;
	int valid, checked;
};

struct deriver {
	sqlite3 *db;
	const struct catalog *cat;
	const struct inventory *inv;
	struct bindings b;
	struct claim_row *claims; /* until they are stored */
	size_t n_claims, cap_claims;
	struct keyset lead_keys; /* (item, system, party) -> index in leads */
	struct lead *leads;
	size_t n_leads, cap_leads;
	int ok;
	int every_table; /* path_reach's every row (derive_rows) */
};

static int valid(struct deriver *D, const struct claim *c)
{
	if (strcmp(c->state, "active"))
		return 0;
	if (D->inv->org_id && !strcmp(c->party, D->inv->org_id))
		return 1;
	if (!c->system)
		return keyset_get(&D->b.bound_any, c->party, NULL, NULL) != NULL;
	if (strcmp(c->kind, "subcontract"))
		return keyset_get(&D->b.bound, c->party, c->system, NULL) != NULL;
	return keyset_get(&D->b.by_sub, c->party, c->system, c->source) != NULL;
}

static void add_claim(struct deriver *D, const struct claim *c)
{
	const char *item = D->cat->items[c->item].id;
	const char *confirmed = c->check.answer && !strcmp(c->check.answer, "yes") ? c->check.day : NULL;
	int ok = valid(D, c), checked = c->check.answer != NULL;
	D->claims = xgrow(D->claims, &D->cap_claims, D->n_claims + 1, sizeof(*D->claims));
	D->claims[D->n_claims++] = (struct claim_row){ *c, confirmed, ok, checked };
	if (!ok || c->role != ROLE_LEAD)
		return;
	/* leads: one row per (item, system, party), the latest confirmed date
	   and whether any source was checked. */
	const struct idref *r = keyset_put(&D->lead_keys, item, c->system, c->party, D->n_leads);
	if (!r) {
		D->leads = xgrow(D->leads, &D->cap_leads, D->n_leads + 1, sizeof(*D->leads));
		D->leads[D->n_leads++] = (struct lead){ c->item, c->system, c->party, confirmed, checked };
		return;
	}
	struct lead *l = &D->leads[r->index];
	if (confirmed && (!l->confirmed || strcmp(confirmed, l->confirmed) > 0))
		l->confirmed = confirmed;
	l->checked |= checked;
}

/* A contract's or subcontract's lead and support items, on `systems` for the
   system items and once (system NULL) for the organization's. */
static void claim_items(struct deriver *D, struct claim *c, const itemset sets[2], const char *const *systems,
			size_t n_systems)
{
	for (size_t i = 0; i < D->cat->n; i++)
		for (int role = ROLE_LEAD; role <= ROLE_SUPPORT; role++) {
			if (!(sets[role] & ((itemset)1 << i)))
				continue;
			c->item = (int)i;
			c->role = role;
			if (D->cat->items[i].scope == SCOPE_ORGANIZATION) {
				c->system = NULL;
				add_claim(D, c);
				continue;
			}
			for (size_t k = 0; k < n_systems; k++) {
				c->system = systems[k];
				add_claim(D, c);
			}
		}
}

/* The rows of claims and of leads, for feed_into. */
struct deriver_feed {
	struct feed base;
	const struct deriver *D;
};

static int claim_cells(const struct feed *fd, struct feed_pos *pos, struct cell cells[FEED_COLS])
{
	const struct deriver *D = ((const struct deriver_feed *)fd)->D;
	if (pos->row >= D->n_claims)
		return 0;
	const struct claim_row *r = &D->claims[pos->row++];
	const struct claim *c = &r->c;
	const char *const texts[] = { D->cat->items[c->item].id, c->system, c->party, role_names[c->role], c->kind,
				      c->source, r->confirmed, c->state };
	for (int i = 0; i < 8; i++)
		cells[i] = cell_text(texts[i]);
	cells[8] = cell_int(r->valid);
	cells[9] = cell_int(r->checked);
	cells[10] = cell_text(c->check.answer);
	cells[11] = cell_text(c->check.day);
	cells[12] = cell_text(c->check.completed);
	return 1;
}

static int lead_cells(const struct feed *fd, struct feed_pos *pos, struct cell cells[FEED_COLS])
{
	const struct deriver *D = ((const struct deriver_feed *)fd)->D;
	if (pos->row >= D->n_leads)
		return 0;
	const struct lead *l = &D->leads[pos->row++];
	cells[0] = cell_text(D->cat->items[l->item].id);
	cells[1] = cell_text(l->system);
	cells[2] = cell_text(l->party);
	cells[3] = cell_text(l->confirmed);
	cells[4] = cell_int(l->checked);
	return 1;
}

static void derive_claims(struct deriver *D)
{
	const struct inventory *inv = D->inv;
	for (size_t i = 0; i < inv->n_contracts; i++) {
		const struct contract *k = &inv->contracts[i];
		struct claim c = { .party = k->vendor, .kind = "contract", .source = k->id,
				   .state = D->b.contract_state[i] ? D->b.contract_state[i] : "",
				   .check = first_check(k->first_check, k->first_check_date, k->confirmed, k->completed) };
		const itemset sets[2] = { k->lead, k->support };
		claim_items(D, &c, sets, k->systems.v, k->systems.n);
	}
	for (size_t i = 0; i < inv->n_subcontracts; i++) {
		const struct subcontract *s = &inv->subcontracts[i];
		struct claim c = { .party = s->sub, .kind = "subcontract", .source = s->id,
				   .state = D->b.subcontract_state[i] ? D->b.subcontract_state[i] : "",
				   .check = first_check(s->first_check, s->first_check_date, s->approved, s->completed) };
		const itemset sets[2] = { s->lead, s->support };
		size_t from = D->b.scope_at[i], n = D->b.scope_at[i + 1] - from;
		claim_items(D, &c, sets, n ? D->b.scope + from : NULL, n); /* no scope at all: no array */
	}
	struct pool sources = POOL_INIT;
	char buf[48];
	for (size_t i = 0; i < inv->n_assignments; i++) {
		const struct assignment *a = &inv->assignments[i];
		snprintf(buf, sizeof(buf), "$.assignments[%zu]", i);
		struct claim c = { .item = a->item, .system = a->system, .party = a->party, .kind = "assignment",
				   .source = pool_strdup(&sources, buf), .state = "active", .role = a->role,
				   .check = first_check(a->first_check, a->first_check_date, a->confirmed, a->completed) };
		if (!a->system || strcmp(a->system, "*")) {
			add_claim(D, &c);
			continue;
		}
		for (size_t s = 0; s < inv->n_systems; s++)
			if (inv->systems[s].medical_info) {
				c.system = inv->systems[s].id;
				add_claim(D, &c);
			}
	}
	/* Stored while `sources` holds their texts. */
	const struct deriver_feed claims = { { claim_cells }, D }, leads = { { lead_cells }, D };
	if (feed_into(D->db, "claims",
		      "(item, system, party, role, kind, source, confirmed, state, valid, checked, check_answer,"
		      " check_date, completed)",
		      13, "", &claims.base) < 0 ||
	    feed_into(D->db, "leads", "", 5, "", &leads.base) < 0)
		D->ok = 0;
	free(D->claims);
	D->claims = NULL;
	D->n_claims = D->cap_claims = 0;
	pool_release(&sources);
}

/* Devices by id, and the devices on each network id their lists name (CSR
   arrays: network i's devices are members[member_at[i] .. member_at[i+1])). */
struct topology {
	struct idmap devices, networks;
	size_t *members, *member_at;
};

static void topology_build(struct topology *t, const struct inventory *inv)
{
	idmap_init(&t->devices, inv->n_devices);
	for (size_t i = 0; i < inv->n_devices; i++)
		idmap_put(&t->devices, inv->devices[i].id, ID_DEVICE, i);
	idmap_init(&t->networks, inv->n_networks);
	size_t n_networks = 0, total = 0, cap = 0;
	size_t *count = NULL; /* devices per network, then where each one's list starts */
	for (size_t d = 0; d < inv->n_devices; d++)
		for (size_t k = 0; k < inv->devices[d].networks.n; k++) {
			const char *id = inv->devices[d].networks.v[k];
			const struct idref *n = idmap_get(&t->networks, id);
			if (!n) {
				idmap_put(&t->networks, id, ID_NETWORK, n_networks);
				count = xgrow(count, &cap, n_networks + 1, sizeof(*count));
				count[n_networks++] = 0;
				n = idmap_get(&t->networks, id);
			}
			count[n->index]++;
			total++;
		}
	t->member_at = xcalloc(n_networks + 1, sizeof(*t->member_at));
	for (size_t i = 0; i < n_networks; i++)
		t->member_at[i + 1] = t->member_at[i] + count[i];
	t->members = xcalloc(total + 1, sizeof(*t->members));
	for (size_t i = 0; i < n_networks; i++)
		count[i] = t->member_at[i];
	for (size_t d = 0; d < inv->n_devices; d++)
		for (size_t k = 0; k < inv->devices[d].networks.n; k++)
			t->members[count[idmap_get(&t->networks, inv->devices[d].networks.v[k])->index]++] = d;
	free(count);
}

static void topology_release(struct topology *t)
{
	idmap_release(&t->devices);
	idmap_release(&t->networks);
	free(t->members);
	free(t->member_at);
}

/* The devices one path reaches, each once: `seen` holds the path's stamp. */
struct reached {
	size_t *seen, stamp;
	struct reached_device {
		const char *system, *id; /* system NULL: none */
	} *v;
	size_t n, cap;
};

/* One row of path_reach, once per path and device. Only a device of no
   system unless every table is asked for: built-in statements read the
   others through path_systems (102,000 rows fewer at the benchmark's size). */
static void reach(struct deriver *D, sqlite3_stmt *ins, const char *remote, size_t device, struct reached *r)
{
	if (r->seen[device] == r->stamp)
		return;
	r->seen[device] = r->stamp;
	const struct device *d = &D->inv->devices[device];
	if (D->every_table || !d->system) {
		db_bind_text(ins, 1, remote);
		db_bind_text(ins, 2, d->id);
		db_bind_text(ins, 3, d->system);
		db_insert(D->db, ins, &D->ok);
	}
	r->v = xgrow(r->v, &r->cap, r->n + 1, sizeof(*r->v));
	r->v[r->n++] = (struct reached_device){ d->system, d->id };
}

static int by_system_then_id(const void *pa, const void *pb)
{
	const struct reached_device *a = pa, *b = pb;
	int c = db_text_cmp(a->system, b->system);
	return c ? c : strcmp(a->id, b->id);
}

/* path_systems: the path's reached devices counted by system, with the
   first of them by id. */
static void count_systems(struct deriver *D, sqlite3_stmt *ins, const char *remote, struct reached *r)
{
	if (r->n > 1) /* r->v is NULL until a device is reached, and qsort may not get NULL */
		qsort(r->v, r->n, sizeof(*r->v), by_system_then_id);
	for (size_t i = 0, j; i < r->n; i = j) {
		for (j = i + 1; j < r->n && !db_text_cmp(r->v[i].system, r->v[j].system); j++)
			;
		db_bind_text(ins, 1, remote);
		db_bind_text(ins, 2, r->v[i].system);
		sqlite3_bind_int64(ins, 3, (sqlite3_int64)(j - i));
		db_bind_text(ins, 4, r->v[i].id);
		db_insert(D->db, ins, &D->ok);
	}
	r->n = 0;
}

/* path_reach: the devices sharing a network with each path's door, and its
   target device; path_systems: the same by system. */
static void derive_reach(struct deriver *D, const struct topology *t)
{
	const struct inventory *inv = D->inv;
	sqlite3_stmt *doors = db_statement(D->db, "SELECT r.seq, p.door FROM path_doors p JOIN remote_access r ON r.id = p.remote",
					 "derived tables");
	sqlite3_stmt *ins = db_statement(D->db, "INSERT OR IGNORE INTO path_reach VALUES (?,?,?)", "derived tables");
	sqlite3_stmt *by = db_statement(D->db, "INSERT INTO path_systems VALUES (?,?,?,?)", "derived tables");
	struct reached r = { .seen = xcalloc(inv->n_devices + 1, sizeof(*r.seen)) };
	while (D->ok && sqlite3_step(doors) == SQLITE_ROW) {
		size_t path = (size_t)sqlite3_column_int64(doors, 0);
		const char *door = (const char *)sqlite3_column_text(doors, 1);
		if (path >= inv->n_remotes)
			continue;
		const struct remote_access *p = &inv->remotes[path];
		const struct idref *dr = door ? idmap_get(&t->devices, door) : NULL;
		const struct strlist *nets = dr ? &inv->devices[dr->index].networks : NULL;
		r.stamp++;
		for (size_t k = 0; nets && k < nets->n; k++) {
			const struct idref *n = idmap_get(&t->networks, nets->v[k]);
			for (size_t m = n ? t->member_at[n->index] : 0; n && m < t->member_at[n->index + 1]; m++)
				reach(D, ins, p->id, t->members[m], &r);
		}
		const struct idref *target = idmap_get(&t->devices, p->target);
		if (target)
			reach(D, ins, p->id, target->index, &r);
		count_systems(D, by, p->id, &r);
	}
	db_done(doors);
	db_done(ins);
	db_done(by);
	free(r.seen);
	free(r.v);
}

static void responsible(struct deriver *D, sqlite3_stmt *ins, const char *device, const char *party)
{
	db_bind_text(ins, 1, device);
	db_bind_text(ins, 2, party);
	db_insert(D->db, ins, &D->ok);
}

/* responsible: for each device that carries checks, its maintainer when
   bound to the device's system, else every valid I-6 lead there. */
static void derive_responsible(struct deriver *D, const struct topology *t)
{
	const struct inventory *inv = D->inv;
	int i6 = catalog_index(D->cat, "I-6");
	/* The I-6 leads of each system as a chain: head[the system's number]
	   is its first lead + 1, next[lead] the following one + 1 (0 ends). */
	struct keyset systems;
	keyset_init(&systems, 64);
	size_t *head = xcalloc(D->n_leads + 1, sizeof(*head)), *next = xcalloc(D->n_leads + 1, sizeof(*next));
	size_t n_systems = 0;
	for (size_t i = D->n_leads; i-- > 0;) {
		const struct lead *l = &D->leads[i];
		if (l->item != i6 || !l->system)
			continue;
		const struct idref *r = keyset_put(&systems, l->system, NULL, NULL, n_systems);
		size_t k = r ? r->index : n_systems++;
		next[i] = head[k];
		head[k] = i + 1;
	}
	sqlite3_stmt *ins = db_statement(D->db, "INSERT OR IGNORE INTO responsible VALUES (?,?)", "derived tables");
	unsigned char *done = xcalloc(inv->n_devices + 1, 1);
	for (size_t i = 0; D->ok && i < inv->n_device_checks; i++) {
		const struct idref *dr = idmap_get(&t->devices, inv->device_checks[i].device);
		if (!dr || done[dr->index])
			continue;
		done[dr->index] = 1;
		const struct device *d = &inv->devices[dr->index];
		if (d->maintainer && d->system && keyset_get(&D->b.bound, d->maintainer, d->system, NULL)) {
			responsible(D, ins, d->id, d->maintainer);
			continue;
		}
		const struct idref *s = d->system ? keyset_get(&systems, d->system, NULL, NULL) : NULL;
		for (size_t l = s ? head[s->index] : 0; l; l = next[l - 1])
			responsible(D, ins, d->id, D->leads[l - 1].party);
	}
	db_done(ins);
	free(done);
	free(head);
	free(next);
	keyset_release(&systems);
}

int derive_rows(sqlite3 *db, const struct catalog *cat, const struct inventory *inv, int every_table)
{
	struct deriver D = { .db = db, .cat = cat, .inv = inv, .ok = 1, .every_table = every_table };
	keyset_init(&D.lead_keys, inv->n_assignments + 64);
	read_bindings(db, inv, &D.b);
	derive_claims(&D);
	struct topology t;
	topology_build(&t, inv);
	derive_reach(&D, &t);
	derive_responsible(&D, &t);
	topology_release(&t);
	bindings_release(&D.b);
	keyset_release(&D.lead_keys);
	free(D.leads);
	return D.ok ? 0 : -1;
}
