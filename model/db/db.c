#include "db.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/util/embedded.h"
#include "model/util/xalloc.h"

int db_exec(sqlite3 *db, const char *sql, const char *name)
{
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		error("%s: %s", name, msg ? msg : sqlite3_errmsg(db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

static int exec_embedded(sqlite3 *db, const char *name)
{
	const struct embedded_file *f = embedded_find(name);
	if (!f)
		return error("internal error: %s is not built in", name);
	return db_exec(db, f->data, name);
}

/* BUNKAI_PROFILE=sql prints each statement's time: how slow rules are found. */
static int profile(unsigned type, void *ctx, void *stmt, void *ns)
{
	(void)ctx;
	if (type == SQLITE_TRACE_PROFILE) {
		char *sql = sqlite3_expanded_sql(stmt);
		fprintf(stderr, "bunkai: profile: %8.3f ms  %.100s\n", (double)*(sqlite3_int64 *)ns / 1e6,
			sql ? sql : "");
		sqlite3_free(sql);
	}
	return 0;
}

sqlite3 *db_open(void)
{
	sqlite3 *db = NULL;
	/* One thread, no journal: the model is rebuilt on every run. */
	if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) !=
	    SQLITE_OK) {
		error("cannot open an in-memory database: %s", db ? sqlite3_errmsg(db) : "out of memory");
		sqlite3_close(db);
		return NULL;
	}
	const char *prof = getenv("BUNKAI_PROFILE");
	if (prof && !strcmp(prof, "sql"))
		sqlite3_trace_v2(db, SQLITE_TRACE_PROFILE, profile, NULL);
	if (db_exec(db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA temp_store = MEMORY;"
			"PRAGMA cache_size = -262144;", "model") < 0 ||
	    exec_embedded(db, "model/db/schema.sql") < 0) {
		sqlite3_close(db);
		return NULL;
	}
	return db;
}

/*
** Prepared-statement helpers: one statement per table, bound and stepped
** per row. `ok` turns false at the first failure and stays so.
*/
struct loader {
	sqlite3 *db;
	int ok;
};

static sqlite3_stmt *prep(struct loader *L, const char *sql)
{
	sqlite3_stmt *st = NULL;
	if (L->ok && sqlite3_prepare_v2(L->db, sql, -1, &st, NULL) != SQLITE_OK) {
		error("internal error: %s: %s", sqlite3_errmsg(L->db), sql);
		L->ok = 0;
	}
	return st;
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

/* Bind the given columns (text or NULL) and step. */
static void row(struct loader *L, sqlite3_stmt *st, int n, const char *const *vals)
{
	if (!L->ok || !st)
		return;
	for (int i = 0; i < n; i++)
		bind_text(st, i + 1, vals[i]);
	if (sqlite3_step(st) != SQLITE_DONE) {
		error("internal error: cannot store the model: %s", sqlite3_errmsg(L->db));
		L->ok = 0;
	}
	sqlite3_reset(st);
}

#define ROW(L, st, ...)                                                      \
	do {                                                                  \
		const char *const vals_[] = { __VA_ARGS__ };                  \
		row(L, st, (int)(sizeof(vals_) / sizeof(*vals_)), vals_);     \
	} while (0)

static const char *num(char *buf, size_t n)
{
	snprintf(buf, 24, "%zu", n);
	return buf;
}

static void load_catalog(struct loader *L, const struct catalog *cat)
{
	sqlite3_stmt *st = prep(L, "INSERT INTO items VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
	char seq[24];
	for (size_t i = 0; i < cat->n; i++) {
		const struct catalog_item *it = &cat->items[i];
		ROW(L, st, it->id, num(seq, i), it->section, it->category, it->title, it->content, it->risk,
		    it->recommendation, it->references, it->scope_name, it->applies_name, it->each_vendor ? "1" : "0");
	}
	sqlite3_finalize(st);
}

/* Expand an item set into (owner, item, role) rows. */
static void load_itemset(struct loader *L, sqlite3_stmt *st, const struct catalog *cat, const char *owner,
			 itemset set, const char *role)
{
	for (size_t i = 0; i < cat->n; i++)
		if (set & ((itemset)1 << i))
			ROW(L, st, owner, cat->items[i].id, role);
}

static void load_inventory(struct loader *L, const struct catalog *cat, const struct inventory *inv)
{
	char seq[24], pos[24];
	sqlite3_stmt *party = prep(L, "INSERT INTO parties VALUES (?,?,?,?)");
	ROW(L, party, inv->org_id, "organization", inv->org_name, "0");
	sqlite3_stmt *disc = prep(L, "INSERT INTO vendor_disclosures VALUES (?,?)");
	sqlite3_stmt *cert = prep(L, "INSERT INTO vendor_certifications VALUES (?,?)");
	for (size_t i = 0; i < inv->n_vendors; i++) {
		const struct vendor *v = &inv->vendors[i];
		ROW(L, party, v->id, "vendor", v->name, num(seq, i + 1));
		for (size_t k = 0; k < v->disclosures.n; k++)
			ROW(L, disc, v->id, v->disclosures.v[k]);
		for (size_t k = 0; k < v->certifications.n; k++)
			ROW(L, cert, v->id, v->certifications.v[k]);
	}
	sqlite3_finalize(party);
	sqlite3_finalize(disc);
	sqlite3_finalize(cert);

	sqlite3_stmt *sys = prep(L, "INSERT INTO systems VALUES (?,?,?,?,?,?)");
	for (size_t i = 0; i < inv->n_systems; i++) {
		const struct system *s = &inv->systems[i];
		ROW(L, sys, s->id, s->name, num(seq, i), s->medical_info ? "1" : "0",
		    s->external_storage ? "1" : "0", s->external_access ? "1" : "0");
	}
	sqlite3_finalize(sys);

	sqlite3_stmt *dev = prep(L, "INSERT INTO devices VALUES (?,?,?,?,?,?)");
	for (size_t i = 0; i < inv->n_devices; i++) {
		const struct device *d = &inv->devices[i];
		ROW(L, dev, d->id, d->name, device_type_names[d->type], d->system, d->maintainer, num(seq, i));
	}
	sqlite3_finalize(dev);

	sqlite3_stmt *con = prep(L, "INSERT INTO contracts VALUES (?,?,?,?,?,?,?,?,NULL)");
	sqlite3_stmt *csys = prep(L, "INSERT INTO contract_systems VALUES (?,?)");
	sqlite3_stmt *citem = prep(L, "INSERT INTO contract_items VALUES (?,?,?)");
	for (size_t i = 0; i < inv->n_contracts; i++) {
		const struct contract *c = &inv->contracts[i];
		ROW(L, con, c->id, c->vendor, contract_kind_names[c->kind], c->prime ? "1" : "0", c->start, c->end,
		    c->confirmed, num(seq, i));
		for (size_t k = 0; k < c->systems.n; k++)
			ROW(L, csys, c->id, c->systems.v[k]);
		load_itemset(L, citem, cat, c->id, c->lead, "lead");
		load_itemset(L, citem, cat, c->id, c->support & ~c->lead, "support");
	}
	sqlite3_finalize(con);
	sqlite3_finalize(csys);
	sqlite3_finalize(citem);

	sqlite3_stmt *sub = prep(L, "INSERT INTO subcontracts VALUES (?,?,?,?,?,?,?,?,NULL)");
	sqlite3_stmt *ssys = prep(L, "INSERT INTO subcontract_systems VALUES (?,?)");
	sqlite3_stmt *sitem = prep(L, "INSERT INTO subcontract_items VALUES (?,?,?)");
	for (size_t i = 0; i < inv->n_subcontracts; i++) {
		const struct subcontract *s = &inv->subcontracts[i];
		ROW(L, sub, s->id, s->prime, s->sub, s->has_systems ? "1" : "0", s->approved, s->start, s->end,
		    num(seq, i));
		for (size_t k = 0; k < s->systems.n; k++)
			ROW(L, ssys, s->id, s->systems.v[k]);
		load_itemset(L, sitem, cat, s->id, s->lead, "lead");
		load_itemset(L, sitem, cat, s->id, s->support & ~s->lead, "support");
	}
	sqlite3_finalize(sub);
	sqlite3_finalize(ssys);
	sqlite3_finalize(sitem);

	sqlite3_stmt *asg = prep(L, "INSERT INTO assignments VALUES (?,?,?,?,?,?)");
	for (size_t i = 0; i < inv->n_assignments; i++) {
		const struct assignment *a = &inv->assignments[i];
		ROW(L, asg, num(seq, i), cat->items[a->item].id, a->system, a->party, role_names[a->role], a->confirmed);
	}
	sqlite3_finalize(asg);

	sqlite3_stmt *rem = prep(L, "INSERT INTO remote_access VALUES (?,?,?,?,?)");
	sqlite3_stmt *via = prep(L, "INSERT INTO remote_via VALUES (?,?,?)");
	for (size_t i = 0; i < inv->n_remotes; i++) {
		const struct remote_access *r = &inv->remotes[i];
		ROW(L, rem, r->id, r->vendor, r->target, remote_method_names[r->method], num(seq, i));
		for (size_t k = 0; k < r->via.n; k++)
			ROW(L, via, r->id, num(pos, k), r->via.v[k]);
	}
	sqlite3_finalize(rem);
	sqlite3_finalize(via);

	sqlite3_stmt *itf = prep(L, "INSERT INTO interfaces VALUES (?,?,?)");
	sqlite3_stmt *ipar = prep(L, "INSERT INTO interface_parties VALUES (?,?)");
	sqlite3_stmt *isys = prep(L, "INSERT INTO interface_systems VALUES (?,?)");
	for (size_t i = 0; i < inv->n_interfaces; i++) {
		const struct interface *f = &inv->interfaces[i];
		ROW(L, itf, f->id, f->confirmed, num(seq, i));
		for (size_t k = 0; k < f->parties.n; k++)
			ROW(L, ipar, f->id, f->parties.v[k]);
		for (size_t k = 0; k < f->systems.n; k++)
			ROW(L, isys, f->id, f->systems.v[k]);
	}
	sqlite3_finalize(itf);
	sqlite3_finalize(ipar);
	sqlite3_finalize(isys);
}

int db_load(sqlite3 *db, const struct catalog *cat, const struct inventory *inv, const char *as_of)
{
	struct loader L = { db, 1 };
	if (db_exec(db, "BEGIN", "model") < 0)
		return -1;
	load_catalog(&L, cat);
	load_inventory(&L, cat, inv);
	sqlite3_stmt *meta = prep(&L, "INSERT INTO meta VALUES (?,?)");
	ROW(&L, meta, "as_of", as_of);
	ROW(&L, meta, "organization", inv->org_id);
	ROW(&L, meta, "organization_name", inv->org_name);
	sqlite3_finalize(meta);
	if (!L.ok || exec_embedded(db, "model/db/indexes.sql") < 0 || exec_embedded(db, "model/db/derive.sql") < 0) {
		db_exec(db, "ROLLBACK", "model");
		return -1;
	}
	return db_exec(db, "COMMIT", "model");
}

char *db_column_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return s ? xstrdup((const char *)s) : NULL;
}

int db_save(sqlite3 *db, const char *file)
{
	char *tmp = xasprintf("%s.tmp.XXXXXX", file);
	sqlite3 *out = NULL;
	int rc = -1;
	/* A fresh name of our own (no planted link can take it), SQLite fills it. */
	int fd = mkstemp(tmp);
	if (fd < 0) {
		error("%s: cannot create: %s", file, strerror(errno));
		free(tmp);
		return -1;
	}
	struct stat old;
	if (lstat(file, &old) == 0 && S_ISREG(old.st_mode)) {
		/* The new database keeps the old one's permissions (and owner, as root). */
		if (geteuid() == 0 && fchown(fd, old.st_uid, old.st_gid) < 0)
			error("%s: cannot keep the owner: %s", file, strerror(errno));
		fchmod(fd, old.st_mode & 07777);
	} else {
		mode_t mask = umask(0);
		umask(mask);
		fchmod(fd, 0666 & ~mask);
	}
	close(fd);
	if (sqlite3_open(tmp, &out) != SQLITE_OK) {
		error("%s: cannot create: %s", file, out ? sqlite3_errmsg(out) : "out of memory");
		goto out;
	}
	sqlite3_backup *b = sqlite3_backup_init(out, "main", db, "main");
	if (!b || sqlite3_backup_step(b, -1) != SQLITE_DONE) {
		error("%s: cannot write: %s", file, sqlite3_errmsg(out));
		sqlite3_backup_finish(b);
		goto out;
	}
	if (sqlite3_backup_finish(b) != SQLITE_OK) {
		error("%s: cannot write: %s", file, sqlite3_errmsg(out));
		goto out;
	}
	if (sqlite3_close(out) != SQLITE_OK) {
		error("%s: cannot close: %s", file, sqlite3_errmsg(out));
		goto out;
	}
	out = NULL;
	if (rename(tmp, file) < 0) {
		error("%s: cannot rename from %s: %s", file, tmp, strerror(errno));
		goto out;
	}
	rc = 0;
out:
	if (out)
		sqlite3_close(out);
	if (rc < 0)
		unlink(tmp);
	free(tmp);
	return rc;
}
