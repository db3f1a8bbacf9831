#include "statements.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/db/db.h"
#include "model/util/exit_codes.h"
#include "model/util/i18n.h"
#include "model/util/xalloc.h"

/* A kept script or statement. Found by a scan: an analysis asks for about
   200 statements among about 150 kept, a few microseconds in all. */
struct kept {
	sqlite3 *db;
	int script; /* a script's statements (db_exec_kept), or one statement */
	uint64_t hash;
	char *text; /* the key, copied */
	sqlite3_stmt **st; /* a script's statements in order; a statement: one */
	size_t n;
};

static struct kept *kept;
static size_t n_kept, cap_kept;

/* What each open connection has told (a few at a time): whether it keeps
   its statements (the plan's: one per process), which scripts have run
   whole on it (db_run_script). Gone with the connection (db_close). */
static struct connection {
	sqlite3 *db;
	int keeps;
	unsigned scripts;
} *conns;
static size_t n_conns, cap_conns;

static struct connection *connection(sqlite3 *db, int add)
{
	for (size_t i = 0; i < n_conns; i++)
		if (conns[i].db == db)
			return &conns[i];
	if (!add)
		return NULL;
	conns = xgrow(conns, &cap_conns, n_conns + 1, sizeof(*conns));
	conns[n_conns] = (struct connection){ db, 0, 0 };
	return &conns[n_conns++];
}

unsigned db_scripts_run(sqlite3 *db)
{
	const struct connection *c = connection(db, 0);
	return c ? c->scripts : 0;
}

void db_mark_scripts(sqlite3 *db, unsigned bits)
{
	connection(db, 1)->scripts |= bits;
}

void db_keep_statements(sqlite3 *db)
{
	connection(db, 1)->keeps = 1;
}

int db_keeps(sqlite3 *db)
{
	const struct connection *c = db ? connection(db, 0) : NULL;
	return c && c->keeps;
}

static uint64_t fnv1a(const char *s)
{
	uint64_t h = 1469598103934665603u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

static struct kept *find(sqlite3 *db, int script, const char *text, uint64_t hash)
{
	for (size_t i = 0; i < n_kept; i++)
		if (kept[i].db == db && kept[i].script == script && kept[i].hash == hash && !strcmp(kept[i].text, text))
			return &kept[i];
	return NULL;
}

static void add(sqlite3 *db, int script, const char *text, uint64_t hash, sqlite3_stmt **st, size_t n)
{
	kept = xgrow(kept, &cap_kept, n_kept + 1, sizeof(*kept));
	kept[n_kept++] = (struct kept){ db, script, hash, xstrdup(text), st, n };
}

sqlite3_stmt *db_kept(sqlite3 *db, const char *sql)
{
	struct kept *k = db_keeps(db) ? find(db, 0, sql, fnv1a(sql)) : NULL;
	if (!k)
		return NULL;
	sqlite3_stmt *st = k->st[0];
	if (sqlite3_stmt_busy(st))
		die(EXIT_FAILURE_IO, _("internal error: %s: %s"), "statement in use", sql);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return st;
}

void db_keep(sqlite3 *db, const char *sql, sqlite3_stmt *st)
{
	if (!db_keeps(db))
		return;
	sqlite3_stmt **one = xmalloc(sizeof(*one));
	one[0] = st;
	add(db, 0, sql, fnv1a(sql), one, 1);
}

sqlite3_stmt *db_statement(sqlite3 *db, const char *sql, const char *what)
{
	sqlite3_stmt *st = db_kept(db, sql);
	if (st)
		return st;
	st = db_prepare(db, sql, what); /* dies on an error: a statement of bunkai's own */
	db_keep(db, sql, st);
	return st;
}

void db_done(sqlite3_stmt *st)
{
	if (st && db_keeps(sqlite3_db_handle(st)))
		sqlite3_reset(st);
	else
		sqlite3_finalize(st);
}

static int run(sqlite3 *db, sqlite3_stmt *st, const char *name)
{
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		;
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : error("%s: %s", name, sqlite3_errmsg(db));
}

int db_exec_kept(sqlite3 *db, const char *script, const char *name)
{
	if (!db_keeps(db))
		return db_exec(db, script, name);
	uint64_t hash = fnv1a(script);
	struct kept *k = find(db, 1, script, hash);
	if (k) {
		for (size_t i = 0; i < k->n; i++)
			if (run(db, k->st[i], name) < 0)
				return -1;
		return 0;
	}
	sqlite3_stmt **st = NULL;
	size_t n = 0, cap = 0;
	for (const char *p = script; *p;) {
		sqlite3_stmt *one = NULL;
		const char *tail = NULL;
		if (sqlite3_prepare_v2(db, p, -1, &one, &tail) != SQLITE_OK) {
			error("%s: %s", name, sqlite3_errmsg(db));
			goto fail;
		}
		if (!one) /* only blanks and comments left */
			break;
		st = xgrow(st, &cap, n + 1, sizeof(*st));
		st[n++] = one;
		if (run(db, one, name) < 0)
			goto fail;
		p = tail;
	}
	add(db, 1, script, hash, st, n);
	return 0;
fail:
	for (size_t i = 0; i < n; i++)
		sqlite3_finalize(st[i]);
	free(st);
	return -1;
}

void db_close(sqlite3 *db)
{
	if (!db)
		return;
	size_t w = 0;
	for (size_t i = 0; i < n_kept; i++) {
		if (kept[i].db != db) {
			kept[w++] = kept[i];
			continue;
		}
		for (size_t j = 0; j < kept[i].n; j++)
			sqlite3_finalize(kept[i].st[j]);
		free(kept[i].st);
		free(kept[i].text);
	}
	n_kept = w;
	if (!n_kept) {
		free(kept);
		kept = NULL;
		cap_kept = 0;
	}
	struct connection *c = connection(db, 0);
	if (c)
		*c = conns[--n_conns];
	if (!n_conns) {
		free(conns);
		conns = NULL;
		cap_conns = 0;
	}
	for (sqlite3_stmt *st; (st = sqlite3_next_stmt(db, NULL));)
		sqlite3_finalize(st);
	sqlite3_close(db);
}
