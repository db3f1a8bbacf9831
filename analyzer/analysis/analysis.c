#include "analysis.h"

#include <stdlib.h>
#include <string.h>

#include "model/db/db.h"
#include "model/util/exit_codes.h"
#include "model/util/idmap.h"
#include "model/util/xalloc.h"
#include "model/util/i18n.h"
#include "model/util/progress.h"

static int one_row(sqlite3 *db, const char *sql, const char *arg)
{
	sqlite3_stmt *st = NULL;
	int found = 0;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
		found = sqlite3_step(st) == SQLITE_ROW;
	}
	sqlite3_finalize(st);
	return found;
}

static int view_check(sqlite3 *db, const struct view *v)
{
	int rc = 0;
	for (size_t i = 0; i < v->n_systems; i++)
		if (!one_row(db, "SELECT 1 FROM systems WHERE id = ?", v->systems[i]))
			rc = error(_("--system: unknown system \"%s\""), v->systems[i]);
	if (v->vendor && !one_row(db, "SELECT 1 FROM parties WHERE kind = 'vendor' AND id = ?", v->vendor))
		rc = error(_("--vendor: unknown vendor \"%s\""), v->vendor);
	return rc;
}

/*
** The view in the model's tables (model/db/schema.sql): the systems it
** covers (view_systems; those asked for in view_asked), the paths into them
** (view_remotes) and the vendors it is about (view_vendors: the vendor and
** its subcontractors, any depth). A finding is in the view when it concerns
** one of those systems (directly, through its device or its remote target),
** or, having no system, a party working on them; with --vendor alone, also
** any finding that names one of the vendors. In the schema, not made here:
** creating a table, even a temporary one, would make SQLite compile every
** kept statement again (the plan analyzes on one connection again and
** again), and a hospital's model has them from its image already.
*/
static const char view_tables[] =
	"DELETE FROM view_systems; DELETE FROM view_vendors; DELETE FROM view_asked; DELETE FROM view_remotes;";

static int apply_view(sqlite3 *db, const struct view *v)
{
	if (db_exec_kept(db, view_tables, "view") < 0)
		return -1;
	if (!v->n_systems && !v->vendor)
		return db_exec_kept(db, "INSERT INTO view_systems SELECT id FROM systems;", "view");
	sqlite3_stmt *st = db_statement(db, "INSERT OR IGNORE INTO view_asked VALUES (?)", "view");
	for (size_t i = 0; i < v->n_systems; i++) {
		sqlite3_bind_text(st, 1, v->systems[i], -1, SQLITE_STATIC);
		sqlite3_step(st);
		sqlite3_reset(st);
	}
	db_done(st);
	if (v->vendor) {
		st = db_statement(db,
				  "INSERT INTO view_vendors WITH RECURSIVE t(id) AS (SELECT ?1 UNION"
				  " SELECT s.sub FROM t JOIN subcontracts s ON s.prime = t.id) SELECT id FROM t",
				  "view");
		sqlite3_bind_text(st, 1, v->vendor, -1, SQLITE_STATIC);
		sqlite3_step(st);
		db_done(st);
	}
	const char *systems_sql =
		v->vendor && v->n_systems
			? "INSERT INTO view_systems SELECT DISTINCT b.system FROM bound b JOIN view_vendors w ON w.id = b.vendor"
			  " WHERE b.system IN (SELECT id FROM view_asked)"
		: v->vendor ? "INSERT INTO view_systems SELECT DISTINCT b.system FROM bound b JOIN view_vendors w ON w.id = b.vendor"
			    : "INSERT INTO view_systems SELECT id FROM view_asked";
	if (db_exec_kept(db, systems_sql, "view") < 0)
		return -1;
	const char *mark =
		"UPDATE findings SET in_view = CASE WHEN ("
		"  system IN (SELECT id FROM view_systems)"
		"  OR device IN (SELECT d.id FROM devices d WHERE d.system IN (SELECT id FROM view_systems))"
		"  OR remote IN (SELECT r.id FROM remote_access r LEFT JOIN devices d ON d.id = r.target"
		"                WHERE coalesce(d.system, r.target) IN (SELECT id FROM view_systems))"
		"  OR (system IS NULL AND device IS NULL AND remote IS NULL AND EXISTS ("
		"        SELECT 1 FROM finding_parties fp JOIN bound b ON b.vendor = fp.party"
		"         WHERE fp.finding = findings.id AND b.system IN (SELECT id FROM view_systems)))";
	char *sql = xasprintf("%s%s) THEN 1 ELSE 0 END;", mark,
			      v->vendor && !v->n_systems
				      ? " OR EXISTS (SELECT 1 FROM finding_parties fp JOIN view_vendors w ON w.id = fp.party"
					"             WHERE fp.finding = findings.id)"
				      : "");
	int rc = db_exec_kept(db, sql, "view");
	free(sql);
	return rc;
}

/* "NAME (ID)" where people read an id (SPEC 9.4), ID when it has no other name. */
#define LABEL(name, id) "CASE WHEN " name " IS NOT NULL AND " name " <> " id " THEN " name " || ' (' || " id " || ')' ELSE " id " END"

/* The columns of one row into n counts (zero when there is none). */
static void counts(sqlite3 *db, const char *sql, long *const *out, int n)
{
	sqlite3_stmt *st = NULL;
	int row = sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW;
	for (int i = 0; i < n; i++)
		*out[i] = row ? (long)sqlite3_column_int64(st, i) : 0;
	sqlite3_finalize(st);
}

/* Texts many findings share, read once and sorted by key: an item's title
   and recommendation (and its checklist order), a rule's fix. */
struct shared {
	const char *key, *text, *more;
	long seq;
};

static struct shared *read_shared(sqlite3 *db, const char *sql, struct pool *p, size_t *n)
{
	struct shared *v = NULL;
	size_t cap = 0;
	*n = 0;
	sqlite3_stmt *st = db_prepare(db, sql, "findings");
	while (sqlite3_step(st) == SQLITE_ROW) {
		v = xgrow(v, &cap, *n + 1, sizeof(*v));
		v[(*n)++] = (struct shared){ db_column_pooled(st, 0, p), db_column_pooled(st, 1, p),
					     db_column_pooled(st, 2, p), (long)sqlite3_column_int64(st, 3) };
	}
	sqlite3_finalize(st);
	return v;
}

static int by_key(const void *key, const void *elem)
{
	return strcmp(key, ((const struct shared *)elem)->key);
}

static const struct shared *find_shared(const char *key, const struct shared *v, size_t n)
{
	return key && n ? bsearch(key, v, n, sizeof(*v), by_key) : NULL;
}

/* A finding with what the reports are sorted by (SPEC 9.2): open before
   accepted, by severity, code, system and item in inventory and checklist
   order (without one: first), then id. */
struct sorted_finding {
	struct finding f;
	long system_seq, item_seq; /* -1: none */
};

static int report_order(const void *pa, const void *pb)
{
	const struct sorted_finding *a = pa, *b = pb;
	int c = (a->f.accepted != NULL) - (b->f.accepted != NULL);
	if (!c)
		c = (a->f.rank > b->f.rank) - (a->f.rank < b->f.rank);
	if (!c)
		c = strcmp(a->f.code, b->f.code);
	if (!c)
		c = (a->system_seq > b->system_seq) - (a->system_seq < b->system_seq);
	if (!c)
		c = (a->item_seq > b->item_seq) - (a->item_seq < b->item_seq);
	return c ? c : db_text_cmp(a->f.id, b->f.id);
}

/* finding_parties in their order, as the rule stored them: joined by commas
   in f.parties (ids have no comma). */
static void split_parties(struct finding *f, const char *joined, struct pool *p)
{
	if (!joined || !*joined)
		return;
	size_t n = 1;
	for (const char *c = joined; (c = strchr(c, ',')); c++)
		n++;
	f->parties = pool_alloc(p, n * sizeof(*f->parties));
	for (const char *c = joined; *c;) {
		size_t len = strcspn(c, ",");
		f->parties[f->n_parties++] = pool_strndup(p, c, len);
		c += len + (c[len] == ',');
	}
}

/* The findings in view, sorted here rather than by SQLite: its sorter would
   carry every finding's whole row, messages and all. */
static int read_findings(sqlite3 *db, struct analysis *a)
{
	struct pool *p = &a->text;
	size_t n_items, n_rules, n = 0, cap = 0;
	struct shared *items = read_shared(db, "SELECT id, title, recommendation, seq FROM items ORDER BY id", p, &n_items);
	struct shared *rules = read_shared(db, "SELECT code, fix, NULL, seq FROM rules ORDER BY code", p, &n_rules);
	struct sorted_finding *v = NULL;
	sqlite3_stmt *st = db_prepare(db,
				      "SELECT f.id, f.code, f.severity, f.item, f.system, f.device, f.remote, f.contract,"
				      "       f.ref, f.message, f.rank, a.finding, a.reason, a.accepted_by, a.until_date,"
				      "       a.ticket, " LABEL("s.name", "f.system") ", f.parties, s.seq"
				      "  FROM findings f LEFT JOIN systems s ON s.id = f.system"
				      "  LEFT JOIN accepted a ON a.seq = f.accepted"
				      " WHERE f.in_view",
				      "findings");
	while (sqlite3_step(st) == SQLITE_ROW) {
		v = xgrow(v, &cap, n + 1, sizeof(*v));
		struct sorted_finding *sf = &v[n++];
		struct finding *f = &sf->f;
		memset(sf, 0, sizeof(*sf));
		f->cause_step = -1;
		const char **text[] = { &f->id, &f->code, &f->severity, &f->item, &f->system,
					&f->device, &f->remote, &f->contract, &f->ref, &f->message };
		for (int i = 0; i < 10; i++)
			*text[i] = db_column_pooled(st, i, p);
		f->rank = (enum severity)sqlite3_column_int(st, 10);
		if (sqlite3_column_type(st, 11) != SQLITE_NULL) {
			struct acceptance_info *acc = pool_alloc(p, sizeof(*acc));
			const char **field[] = { &acc->pattern, &acc->reason, &acc->by, &acc->until, &acc->ticket };
			for (int i = 0; i < 5; i++)
				*field[i] = db_column_pooled(st, 11 + i, p);
			f->accepted = acc;
		}
		f->system_label = db_column_pooled(st, 16, p);
		split_parties(f, (const char *)sqlite3_column_text(st, 17), p);
		sf->system_seq = sqlite3_column_type(st, 18) == SQLITE_NULL ? -1 : (long)sqlite3_column_int64(st, 18);
		const struct shared *item = find_shared(f->item, items, n_items), *rule = find_shared(f->code, rules, n_rules);
		sf->item_seq = item ? item->seq : -1;
		if (item) {
			f->item_title = item->text;
			f->item_recommendation = item->more;
		}
		f->fix = rule ? rule->text : NULL;
	}
	sqlite3_finalize(st);
	free(items);
	free(rules);
	if (n)
		qsort(v, n, sizeof(*v), report_order);
	a->findings = xcalloc(n + 1, sizeof(*a->findings));
	for (size_t i = 0; i < n; i++)
		a->findings[i] = v[i].f;
	a->n_findings = n;
	free(v);
	return 0;
}

/* Every party's "name (id)", by id, for the writers' party_label(). */
static void read_party_names(sqlite3 *db, struct analysis *a)
{
	size_t cap = 0;
	sqlite3_stmt *st = db_prepare(db, "SELECT id, " LABEL("name", "id") " FROM parties ORDER BY id", "parties");
	while (sqlite3_step(st) == SQLITE_ROW) {
		a->party_labels = xgrow(a->party_labels, &cap, a->n_party_labels + 1, sizeof(*a->party_labels));
		struct party_label *p = &a->party_labels[a->n_party_labels++];
		p->id = db_column_dup(st, 0);
		p->label = db_column_dup(st, 1);
	}
	sqlite3_finalize(st);
}

static int by_party_id(const void *key, const void *elem)
{
	return strcmp(key, ((const struct party_label *)elem)->id);
}

const char *party_label(const struct analysis *a, const char *id)
{
	const struct party_label *p = a->n_party_labels ? bsearch(id, a->party_labels, a->n_party_labels,
								  sizeof(*a->party_labels), by_party_id)
							: NULL;
	return p ? p->label : id;
}

static int read_coverage(sqlite3 *db, struct analysis *a)
{
	size_t cap = 0;
	sqlite3_stmt *st = db_prepare(db,
				      "SELECT s.id, s.name, s.medical_info,"
				      "  (SELECT count(*) FROM applicable a WHERE a.system = s.id),"
				      "  (SELECT count(*) FROM applicable a WHERE a.system = s.id AND a.leads = 1),"
				      "  (SELECT count(*) FROM applicable a WHERE a.system = s.id AND a.leads = 0),"
				      "  (SELECT count(*) FROM applicable a WHERE a.system = s.id AND a.leads > 1),"
				      "  (SELECT count(*) FROM findings f WHERE f.system = s.id AND f.in_view AND f.accepted IS NULL)"
				      " FROM systems s WHERE s.id IN (SELECT id FROM view_systems) ORDER BY s.seq",
				      "coverage");
	while (sqlite3_step(st) == SQLITE_ROW) {
		a->systems = xgrow(a->systems, &cap, a->n_systems + 1, sizeof(*a->systems));
		struct coverage *c = &a->systems[a->n_systems++];
		c->system = db_column_dup(st, 0);
		c->name = db_column_dup(st, 1);
		c->in_scope = sqlite3_column_int(st, 2);
		c->applicable = (long)sqlite3_column_int64(st, 3);
		c->led = (long)sqlite3_column_int64(st, 4);
		c->unowned = (long)sqlite3_column_int64(st, 5);
		c->conflicts = (long)sqlite3_column_int64(st, 6);
		c->findings = (long)sqlite3_column_int64(st, 7);
	}
	sqlite3_finalize(st);
	return 0;
}

int leads_read(sqlite3 *db, const struct view *v, struct analysis *a)
{
	size_t cap = 0;
	/* applicable holds the system's and the item's seq: no join for the order */
	char *sql = xasprintf("SELECT p.system, p.item, l.party FROM applicable p"
			      "  JOIN leads l ON l.item = p.item AND l.system IS p.system"
			      " WHERE %s ORDER BY p.system_seq NULLS FIRST, p.item_seq, l.party",
			      v->n_systems || v->vendor ? "p.system IN (SELECT id FROM view_systems)" : "1");
	sqlite3_stmt *st = db_prepare(db, sql, "leads");
	free(sql);
	while (sqlite3_step(st) == SQLITE_ROW) {
		a->leads = xgrow(a->leads, &cap, a->n_leads + 1, sizeof(*a->leads));
		struct lead *l = &a->leads[a->n_leads++];
		l->system = db_column_pooled(st, 0, &a->text);
		l->item = db_column_pooled(st, 1, &a->text);
		l->party = db_column_pooled(st, 2, &a->text);
	}
	sqlite3_finalize(st);
	return 0;
}

static int tribool(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? -1 : sqlite3_column_int(st, i);
}

/* Append s to a ", "-separated list (*list NULL: empty). */
static void add_to_list(char **list, const char *s)
{
	char *old = *list;
	*list = old ? xasprintf("%s, %s", old, s) : xstrdup(s);
	free(old);
}

/* What each path reaches (path_systems): how many devices, its systems by
   id, and their labels. */
static void read_reach(sqlite3 *db, struct remote_path *v, const struct idmap *by_id)
{
	sqlite3_stmt *st = db_prepare(db,
				      "SELECT ps.remote, ps.system, ps.devices, " LABEL("s.name", "s.id") " FROM path_systems ps"
				      "  LEFT JOIN systems s ON s.id = ps.system ORDER BY ps.remote, ps.system",
				      "paths");
	while (sqlite3_step(st) == SQLITE_ROW) {
		const struct idref *r = idmap_get(by_id, db_column_text(st, 0));
		if (!r)
			continue; /* a path out of view */
		struct remote_path *p = &v[r->index];
		p->reached += (long)sqlite3_column_int64(st, 2);
		if (db_column_text(st, 1))
			add_to_list(&p->reached_systems, db_column_text(st, 1));
		if (db_column_text(st, 3)) /* NULL: not a system of the inventory */
			add_to_list(&p->reached_labels, db_column_text(st, 3));
	}
	sqlite3_finalize(st);
}

/* The codes of the findings open on each path: its own (remote), and
   door-unchecked on its door; each code once, by severity then code. */
static void read_open(sqlite3 *db, struct remote_path *v, size_t n, const struct idmap *by_id)
{
	/* The paths through each door: by_door gives the first, next_door the
	   following ones (index + 1, 0 ends). */
	struct idmap by_door;
	idmap_init(&by_door, n);
	size_t *next_door = xcalloc(n + 1, sizeof(*next_door));
	for (size_t i = n; i-- > 0;)
		if (v[i].door) {
			const struct idref *first = idmap_get(&by_door, v[i].door);
			next_door[i] = first ? first->index + 1 : 0;
			idmap_set(&by_door, v[i].door, ID_DEVICE, i);
		}
	size_t *last = xcalloc(n + 1, sizeof(*last)); /* each path's last code: its run, 0 for none */
	sqlite3_stmt *st = db_prepare(db,
				      "SELECT f.code, f.remote, f.device FROM findings f"
				      " WHERE f.in_view AND f.accepted IS NULL"
				      "   AND (f.remote IS NOT NULL OR f.code = 'door-unchecked') ORDER BY f.rank, f.code",
				      "paths");
	char *code = NULL;
	size_t run = 0; /* codes come in runs, one run per code */
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (!code || strcmp(code, db_column_text(st, 0))) {
			free(code);
			code = xstrdup(db_column_text(st, 0));
			run++;
		}
		const struct idref *r = db_column_text(st, 1) ? idmap_get(by_id, db_column_text(st, 1)) : NULL;
		if (r && last[r->index] != run) {
			add_to_list(&v[r->index].open, code);
			last[r->index] = run;
		}
		const struct idref *d = !strcmp(code, "door-unchecked") && db_column_text(st, 2)
						? idmap_get(&by_door, db_column_text(st, 2))
						: NULL;
		for (size_t i = d ? d->index + 1 : 0; i; i = next_door[i - 1])
			if (last[i - 1] != run) {
				add_to_list(&v[i - 1].open, code);
				last[i - 1] = run;
			}
	}
	sqlite3_finalize(st);
	free(code);
	free(last);
	free(next_door);
	idmap_release(&by_door);
}

void paths_read(sqlite3 *db, struct remote_path **out, size_t *n)
{
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	/* The paths in view, in order; what they reach and the findings open on
	   them from two plain statements more, their lists put together here
	   (one statement with a correlated subquery for each was a fifth of
	   reading the analysis back, SQLite compiling it most of that). */
	sqlite3_stmt *st = db_prepare(db,
		"SELECT r.id, r.vendor, p.name, r.target, pd.door, r.approved, r.auth, c.check_date, c.answer,"
		"       c.checked_by, " LABEL("coalesce(td.name, ts.name)", "r.target") ", " LABEL("dd.name", "pd.door") ","
		"       " LABEL("cp.name", "c.checked_by") ", r.source_restricted, r.on_demand"
		"  FROM remote_access r JOIN parties p ON p.id = r.vendor JOIN path_doors pd ON pd.remote = r.id"
		"  LEFT JOIN devices td ON td.id = r.target LEFT JOIN systems ts ON ts.id = r.target"
		"  LEFT JOIN devices dd ON dd.id = pd.door"
		"  LEFT JOIN device_checks c ON c.seq = (SELECT x.seq FROM device_checks x"
		"        WHERE x.device = pd.door AND x.check_kind = 'patch'"
		"          AND x.check_date <= (SELECT value FROM meta WHERE key = 'as_of')"
		"        ORDER BY x.check_date DESC, x.answer = 'no' DESC LIMIT 1)"
		"  LEFT JOIN parties cp ON cp.id = c.checked_by"
		" WHERE r.id IN (SELECT id FROM view_remotes) ORDER BY r.seq",
		"paths");
	while (sqlite3_step(st) == SQLITE_ROW) {
		*out = xgrow(*out, &cap, *n + 1, sizeof(**out));
		struct remote_path *p = &(*out)[(*n)++];
		memset(p, 0, sizeof(*p));
		/* the texts in the statement's order, then its two tri-state columns */
		char **text[] = { &p->id, &p->vendor, &p->vendor_name, &p->target, &p->door,
				  &p->approved, &p->auth, &p->check_date, &p->check_answer, &p->check_by,
				  &p->target_label, &p->door_label, &p->check_by_label };
		int n_text = (int)(sizeof(text) / sizeof(*text));
		for (int i = 0; i < n_text; i++)
			*text[i] = db_column_dup(st, i);
		p->source_restricted = tribool(st, n_text);
		p->on_demand = tribool(st, n_text + 1);
	}
	sqlite3_finalize(st);
	struct idmap by_id;
	idmap_init(&by_id, *n);
	for (size_t i = 0; i < *n; i++)
		idmap_put(&by_id, (*out)[i].id, ID_REMOTE, i);
	read_reach(db, *out, &by_id);
	read_open(db, *out, *n, &by_id);
	idmap_release(&by_id);
}

void view_reset(sqlite3 *db)
{
	if (db_exec_kept(db, view_tables, "view") == 0)
		db_exec(db, "UPDATE findings SET in_view = 1;", "view");
}

int view_apply(sqlite3 *db, const struct view *v)
{
	if (view_check(db, v) < 0)
		return EXIT_USAGE;
	/* The paths in view: into a system of the view, or of a vendor of it. */
	if (apply_view(db, v) < 0 ||
	    db_exec_kept(db,
		    "INSERT INTO view_remotes SELECT r.id FROM remote_access r"
		    "  LEFT JOIN devices d ON d.id = r.target"
		    " WHERE coalesce(d.system, r.target) IN (SELECT id FROM view_systems)"
		    "    OR r.vendor IN (SELECT id FROM view_vendors)"
		    "    OR (SELECT count(*) FROM view_systems) = (SELECT count(*) FROM systems)",
		    "view") < 0)
		return EXIT_FAILURE_IO;
	return EXIT_OK;
}

int analysis_read(sqlite3 *db, const struct view *v, struct analysis *a)
{
	memset(a, 0, sizeof(*a));
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db,
			       "SELECT (SELECT value FROM meta WHERE key = 'organization'),"
			       "       (SELECT value FROM meta WHERE key = 'organization_name'),"
			       "       (SELECT value FROM meta WHERE key = 'as_of')",
			       -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW) {
		a->org_id = db_column_dup(st, 0);
		a->org_name = db_column_dup(st, 1);
		a->as_of = db_column_dup(st, 2);
	}
	sqlite3_finalize(st);

	/* Pairs in view: those of the view's systems, plus the organization
	   item when the view is not narrowed. Each table read once. */
	char *sql = xasprintf("SELECT count(*), total(leads = 1), total(leads = 0), total(leads > 1) FROM applicable"
			      " WHERE %s", v->n_systems || v->vendor ? "system IN (SELECT id FROM view_systems)" : "1");
	long *pairs[] = { &a->summary.applicable, &a->summary.led, &a->summary.unowned, &a->summary.conflicts };
	counts(db, sql, pairs, 4);
	free(sql);
	long *open[] = { &a->summary.errors, &a->summary.warnings, &a->summary.infos, &a->summary.accepted };
	counts(db,
	       "SELECT total(rank = 0 AND accepted IS NULL), total(rank = 1 AND accepted IS NULL),"
	       " total(rank = 2 AND accepted IS NULL), total(accepted IS NOT NULL) FROM findings WHERE in_view",
	       open, 4);

	long *sizes[] = { &a->counts.vendors,      &a->counts.systems,     &a->counts.devices, &a->counts.contracts,
			  &a->counts.subcontracts, &a->counts.assignments, &a->counts.remotes, &a->counts.interfaces };
	counts(db,
	       "SELECT (SELECT count(*) FROM parties WHERE kind = 'vendor'), (SELECT count(*) FROM systems),"
	       " (SELECT count(*) FROM devices), (SELECT count(*) FROM contracts), (SELECT count(*) FROM subcontracts),"
	       " (SELECT count(*) FROM assignments), (SELECT count(*) FROM remote_access), (SELECT count(*) FROM interfaces)",
	       sizes, 8);
	progress_mark("counts");

	if (read_findings(db, a) < 0)
		return -1;
	progress_mark("findings");
	if (read_coverage(db, a) < 0)
		return -1;
	read_party_names(db, a);
	progress_mark("coverage and parties");
	paths_read(db, &a->paths, &a->n_paths);
	progress_mark("paths");
	return 0;
}

void paths_release(struct remote_path *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct remote_path *p = &v[i];
		char *fields[] = { p->id, p->vendor, p->vendor_name, p->target, p->door, p->reached_systems, p->approved,
				   p->auth, p->check_date, p->check_answer, p->check_by, p->open, p->target_label,
				   p->door_label, p->reached_labels, p->check_by_label };
		for (size_t k = 0; k < sizeof(fields) / sizeof(*fields); k++)
			free(fields[k]);
	}
	free(v);
}

void analysis_release(struct analysis *a)
{
	free(a->findings);
	pool_release(&a->text);
	for (size_t i = 0; i < a->n_systems; i++) {
		free(a->systems[i].system);
		free(a->systems[i].name);
	}
	free(a->systems);
	for (size_t i = 0; i < a->n_party_labels; i++) {
		free(a->party_labels[i].id);
		free(a->party_labels[i].label);
	}
	free(a->party_labels);
	paths_release(a->paths, a->n_paths);
	free(a->leads);
	free(a->org_id);
	free(a->org_name);
	free(a->as_of);
	memset(a, 0, sizeof(*a));
}
