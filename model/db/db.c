#include "db.h"
#include "derive.h"
#include "feed.h"
#include "model_image.h"
#include "sqlite_memory.h"
#include "statements.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/entities.h"
#include "model/util/embedded.h"
#include "model/util/exit_codes.h"
#include "model/util/output.h"
#include "model/util/pool.h"
#include "model/util/progress.h"
#include "model/util/strbuf.h"
#include "model/util/xalloc.h"
#include "model/util/i18n.h"

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

sqlite3_stmt *db_prepare(sqlite3 *db, const char *sql, const char *what)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		die(EXIT_FAILURE_IO, _("internal error: %s: %s"), what, sqlite3_errmsg(db));
	return st;
}

static int exec_embedded(sqlite3 *db, const char *name)
{
	const struct embedded_file *f = embedded_find(name);
	if (!f)
		return error(_("internal error: %s is not built in"), name);
	return db_exec_kept(db, f->data, name);
}

const char *const model_scripts[] = {
	"model/db/indexes.sql", "model/db/derive.sql",		"model/db/derive_after.sql",
	"model/db/accept.sql",	"model/db/finding_indexes.sql", NULL,
};

int db_run_script(sqlite3 *db, const char *name, const char *what)
{
	size_t i = 0;
	while (model_scripts[i] && strcmp(model_scripts[i], name))
		i++;
	unsigned bit = model_scripts[i] ? 1u << i : 0;
	if (bit && (db_scripts_run(db) & bit) && model_image_dml[i])
		return db_exec_kept(db, model_image_dml[i], what);
	const struct embedded_file *f = embedded_find(name);
	if (!f)
		return error(_("internal error: %s is not built in"), name);
	int rc = db_exec_kept(db, f->data, what);
	if (rc == 0 && bit)
		db_mark_scripts(db, bit);
	return rc;
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

/*
** The tables of the inventory, from the descriptions in entities.h: one per
** entity (its scalar fields, seq, and what derive.sql adds), one per list
** field ("contract_systems": owner, value), one per item set ("contract_items":
** owner, item, role). SELECT sql FROM sqlite_schema shows them.
*/
static int create_entity_tables(sqlite3 *db)
{
	struct strbuf sql = STRBUF_INIT;
	for (const struct entity *e = entities; e->fields; e++) {
		int seen = 0;
		for (const struct entity *p = entities; p < e; p++)
			seen |= !strcmp(p->table, e->table);
		if (!seen) {
			strbuf_addf(&sql, "CREATE TABLE %s (", e->table);
			for (size_t k = 0; k < e->n_fields; k++) {
				const struct field *f = &e->fields[k];
				const char *col = field_column(f);
				if (f->given_column)
					strbuf_addf(&sql, "%s INTEGER NOT NULL, ", f->given_column);
				if (!col || field_is_list(f))
					continue;
				int not_null = (f->flags & F_REQUIRED) || f->type == FT_BOOL || (f->type == FT_ENUM && f->dflt >= 0);
				int integer = f->type == FT_BOOL || f->type == FT_TRIBOOL;
				strbuf_addf(&sql, "%s %s%s%s, ", col, integer ? "INTEGER" : "TEXT",
					    f->type == FT_ID ? " PRIMARY KEY" : "", not_null ? " NOT NULL" : "");
			}
			strbuf_addf(&sql, "seq INTEGER %s%s%s);\n", e->kind == ID_NONE ? "PRIMARY KEY" : "NOT NULL",
				    e->extra ? ", " : "", e->extra ? e->extra : "");
		}
		for (size_t k = 0; k < e->n_fields; k++) {
			const struct field *f = &e->fields[k];
			if (f->type == FT_REFS || f->type == FT_TEXTS)
				strbuf_addf(&sql, "CREATE TABLE %s (%s TEXT NOT NULL, %s%s TEXT NOT NULL);\n", f->column, e->owner,
					    (f->flags & F_ORDERED) ? "pos INTEGER NOT NULL, " : "", f->value_column);
			else if (f->type == FT_ITEMS && !strcmp(f->key, "lead")) /* lead and support share it */
				strbuf_addf(&sql, "CREATE TABLE %s (%s TEXT NOT NULL, item TEXT NOT NULL, role TEXT NOT NULL);\n",
					    f->column, e->owner);
		}
	}
	int rc = db_exec(db, strbuf_str(&sql), "schema");
	strbuf_release(&sql);
	return rc;
}

/*
** How a model is made, by the rows of its inventory (measured,
** docs/performance.md):
** - a hospital's, fewer than IMAGE_ROWS: a copy of the empty model compiled
**   into the binary (model_image.h) — every table and index already there,
**   nothing to compile (about 0.5 ms of an 11 ms analysis); its rows go
**   into indexed tables, which costs more than that from a few thousand
**   rows on;
** - a larger one: built statement by statement, its indexes after its rows
**   (db_load), with SQLite's 4 KiB pages;
** - from LARGE_ROWS: the same with 64 KiB pages (a large model's B-trees are
**   shallower and the 100,000-device analysis about 10 % faster; a small
**   one with 64 KiB pages touches three times the memory and is 50 %
**   slower, each empty table and index taking a page).
** BUNKAI_NO_IMAGE set builds a hospital's model too: the tests compare both.
*/
enum model_kind { MODEL_COPIED, MODEL_BUILT, MODEL_LARGE };
enum { IMAGE_ROWS = 3000, LARGE_ROWS = 100000 };

static enum model_kind model_kind(const struct inventory *inv)
{
	size_t rows = 0;
	for (const struct entity *e = entities; e->fields; e++)
		rows += entity_count(inv, e);
	if (rows >= LARGE_ROWS)
		return MODEL_LARGE;
	return rows < IMAGE_ROWS && model_image_size && !getenv("BUNKAI_NO_IMAGE") ? MODEL_COPIED : MODEL_BUILT;
}

/* No journal, no sync: the model lives in memory for one run. Debian's
   SQLite zeroes deleted rows (secure_delete) by default: no need here. */
static const char connection_pragmas[] = "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
					 " PRAGMA temp_store = MEMORY; PRAGMA cache_size = -262144;"
					 " PRAGMA secure_delete = OFF;";

static sqlite3 *open_memory(void)
{
	sqlite3 *db = NULL;
	/* One thread, no count of the memory in use kept under a lock, small
	   blocks from free lists (before SQLite's first use; later calls
	   change nothing). */
	static int configured;
	if (!configured) {
		configured = 1;
		sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
		sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
		sqlite_memory_install();
	}
	/* One thread, no journal: the model is rebuilt on every run. */
	if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) !=
	    SQLITE_OK) {
		error(_("cannot open an in-memory database: %s"), db ? sqlite3_errmsg(db) : "out of memory");
		sqlite3_close(db);
		return NULL;
	}
	if (feed_register(db) < 0) {
		error(_("internal error: %s: %s"), "feed", sqlite3_errmsg(db));
		sqlite3_close(db);
		return NULL;
	}
	const char *prof = getenv("BUNKAI_PROFILE");
	if (prof && !strcmp(prof, "sql"))
		sqlite3_trace_v2(db, SQLITE_TRACE_PROFILE, profile, NULL);
	return db;
}

/* The tables of schema.sql and of the entities, pages of `page_pragma`. */
static int create_schema(sqlite3 *db, const char *page_pragma)
{
	if (db_exec(db, page_pragma, "model") < 0 || db_exec(db, connection_pragmas, "model") < 0 ||
	    exec_embedded(db, "model/db/schema.sql") < 0)
		return -1;
	return create_entity_tables(db);
}

static int copy_image(sqlite3 *db)
{
	/* Room to grow: SQLite enlarges a full buffer by copying it into one
	   twice the size it needs. A hospital's rows fit in this one (the part
	   past the image is written before it is read: SQLite zeroes any gap). */
	size_t room = 2 * model_image_size;
	unsigned char *copy = sqlite3_malloc64(room);
	if (!copy)
		return error(_("internal error: %s: %s"), "model", "out of memory");
	memset(copy, 0, model_image_size);
	const unsigned char *from = model_image_bytes;
	for (size_t i = 0; i < model_image_n_spans; i++) {
		memcpy(copy + model_image_spans[i].offset, from, model_image_spans[i].length);
		from += model_image_spans[i].length;
	}
	/* SQLite owns the copy (frees it, also when this fails) and grows it. */
	if (sqlite3_deserialize(db, "main", copy, (sqlite3_int64)model_image_size, (sqlite3_int64)room,
				SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE) != SQLITE_OK)
		return error(_("internal error: %s: %s"), "model", sqlite3_errmsg(db));
	db_mark_scripts(db, ~0u); /* the image holds what every script creates */
	return db_exec(db, connection_pragmas, "model");
}

sqlite3 *db_open(const struct inventory *inv)
{
	enum model_kind kind = model_kind(inv);
	sqlite3 *db = open_memory();
	if (db && (kind == MODEL_COPIED ? copy_image(db)
					: create_schema(db, kind == MODEL_LARGE ? "PRAGMA page_size = 65536;" : "")) < 0) {
		db_close(db);
		return NULL;
	}
	progress_mark("schema");
	return db;
}

sqlite3 *db_build_empty(void)
{
	/* What an analysis creates as it goes: db_load's scripts, then the
	   rules' (rules.c). Run on no rows, they create and fill nothing. */
	sqlite3 *db = open_memory();
	int rc = db ? create_schema(db, "") : -1;
	for (size_t i = 0; rc == 0 && model_scripts[i]; i++)
		rc = exec_embedded(db, model_scripts[i]);
	if (rc == 0 && db_clear(db) == 0 && db_exec(db, "VACUUM", "model") == 0)
		return db;
	db_close(db);
	return NULL;
}

int db_clear(sqlite3 *db)
{
	/* Every table's rows, temporary ones' too (a user's rule may make
	   some): DELETE changes no schema, so the kept statements stay compiled. */
	sqlite3_stmt *st = db_statement(db,
					"SELECT group_concat('DELETE FROM ' || s || '.\"' || name || '\";', '') FROM ("
					" SELECT 'main' AS s, name FROM main.sqlite_schema WHERE type = 'table'"
					"  AND name NOT LIKE 'sqlite%'"
					" UNION ALL SELECT 'temp', name FROM temp.sqlite_schema WHERE type = 'table')",
					"model");
	char *script = sqlite3_step(st) == SQLITE_ROW ? db_column_dup(st, 0) : NULL;
	db_done(st);
	int rc = script ? db_exec_kept(db, script, "model") : error(_("internal error: %s: %s"), "model", sqlite3_errmsg(db));
	free(script);
	return rc;
}

sqlite3 *db_reopen(sqlite3 *db, const struct inventory *inv)
{
	/* Only a hospital's model keeps its statements (below), and it is
	   reused only for a hospital: a large model is built with its indexes
	   after its rows. */
	int large = model_kind(inv) == MODEL_LARGE;
	if (db_keeps(db) && !large && db_clear(db) == 0)
		return db;
	db_close(db);
	db = db_open(inv);
	if (db && !large)
		db_keep_statements(db);
	return db;
}

/*
** Prepared-statement helpers: one statement per table, bound and stepped
** per row. `ok` turns false at the first failure and stays so.
*/
struct loader {
	sqlite3 *db;
	int ok;
	int every_table; /* the F_UNREAD lists' tables too */
};

static sqlite3_stmt *prep(struct loader *L, const char *sql)
{
	return db_statement(L->db, sql, "model");
}

void db_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

void db_insert(sqlite3 *db, sqlite3_stmt *st, int *ok)
{
	if (*ok && sqlite3_step(st) != SQLITE_DONE) {
		error(_("internal error: cannot store the model: %s"), sqlite3_errmsg(db));
		*ok = 0;
	}
	sqlite3_reset(st);
}

/* Bind the given columns (text or NULL) and step. */
static void row(struct loader *L, sqlite3_stmt *st, int n, const char *const *vals)
{
	if (!L->ok || !st)
		return;
	for (int i = 0; i < n; i++)
		db_bind_text(st, i + 1, vals[i]);
	db_insert(L->db, st, &L->ok);
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
	db_done(st);
}

/* An entity's rows from the inventory (feed.h): one per element, or, with
   `lists`, one per element of those list fields (the fields stored in one
   table: lead and support items), each with its element's id. */
struct entity_feed {
	struct feed base;
	const struct entity *e;
	const struct field *const *lists;
	size_t n_lists;
	const struct inventory *inv;
	const struct catalog *cat;
};

static const char *element_id(const struct entity *e, const void *obj)
{
	for (size_t k = 0; k < e->n_fields; k++)
		if (e->fields[k].type == FT_ID)
			return *(const char *const *)((const char *)obj + e->fields[k].offset);
	return NULL;
}

/* A field's cells in its element's row, in order: whether its list was
   given (F_GIVEN), then its value unless it is a list (a side table's rows)
   or not stored. element_row fills them, entity_insert names them. */
static const char *row_column(const struct field *f)
{
	return field_is_list(f) ? NULL : field_column(f);
}

/* The element's cells (row_column's order), then its seq. */
static int element_row(const struct feed *fd, struct feed_pos *pos, struct cell cells[FEED_COLS])
{
	const struct entity_feed *ef = (const struct entity_feed *)fd;
	const struct entity *e = ef->e;
	if (pos->row >= entity_count(ef->inv, e))
		return 0;
	const void *obj = entity_at(ef->inv, e, pos->row);
	int col = 0;
	for (size_t k = 0; k < e->n_fields; k++) {
		const struct field *f = &e->fields[k];
		const void *m = (const char *)obj + f->offset;
		if (f->given_column)
			cells[col++] = cell_int(((const struct strlist *)m)->given);
		if (!row_column(f))
			continue;
		switch (f->type) {
		case FT_BOOL: cells[col++] = cell_int(*(const bool *)m); break;
		case FT_TRIBOOL:
			cells[col++] = *(const int *)m < 0 ? cell_text(NULL) : cell_int(*(const int *)m);
			break;
		case FT_ENUM: cells[col++] = cell_text(*(const int *)m < 0 ? NULL : f->names[*(const int *)m]); break;
		case FT_ITEM: cells[col++] = cell_text(ef->cat->items[*(const int *)m].id); break;
		default: cells[col++] = cell_text(*(const char *const *)m);
		}
	}
	cells[col] = cell_int((sqlite3_int64)(e->seq_base + pos->row));
	pos->row++;
	return 1;
}

/* The element *sub of one list of obj, or the next one there is: 0 when none
   is left. */
static int list_cells(const struct entity_feed *ef, const void *obj, const struct field *f, size_t *sub,
		      struct cell cells[FEED_COLS])
{
	const void *m = (const char *)obj + f->offset;
	if (f->type == FT_ITEMS) {
		itemset set = *(const itemset *)m;
		while (*sub < ef->cat->n && !(set & ((itemset)1 << *sub)))
			++*sub;
		if (*sub == ef->cat->n)
			return 0;
		cells[0] = cell_text(element_id(ef->e, obj));
		cells[1] = cell_text(ef->cat->items[*sub].id);
		cells[2] = cell_text(f->key); /* the role: lead or support */
		++*sub;
		return 1;
	}
	const struct strlist *l = m;
	if (*sub == l->n)
		return 0;
	int c = 0;
	cells[c++] = cell_text(element_id(ef->e, obj));
	if (f->flags & F_ORDERED)
		cells[c++] = cell_int((sqlite3_int64)*sub);
	cells[c] = cell_text(l->v[*sub]);
	++*sub;
	return 1;
}

/* A list's elements: (id, item, role) for a set of items, else (id[, pos],
   value); an element's lists in field order. */
static int list_row(const struct feed *fd, struct feed_pos *pos, struct cell cells[FEED_COLS])
{
	const struct entity_feed *ef = (const struct entity_feed *)fd;
	for (size_t n = entity_count(ef->inv, ef->e); pos->row < n; pos->row++, pos->part = 0)
		for (; pos->part < ef->n_lists; pos->part++, pos->sub = 0)
			if (list_cells(ef, entity_at(ef->inv, ef->e, pos->row), ef->lists[pos->part], &pos->sub, cells))
				return 1;
	return 0;
}

/* A feed's rows into a table (feed_into), unless the load has failed. */
static void feed_rows(struct loader *L, const char *table, const char *columns, int cells, const char *extra,
		      const struct feed *f)
{
	if (L->ok && feed_into(L->db, table, columns, cells, extra, f) < 0)
		L->ok = 0;
}

/* One entity: a statement for its rows, one for each list it stores. */
static void entity_insert(struct loader *L, const struct catalog *cat, const struct inventory *inv,
			  const struct entity *e)
{
	struct strbuf cols = STRBUF_INIT;
	int cells = 0;
	for (size_t k = 0; k < e->n_fields; k++) {
		const struct field *f = &e->fields[k];
		const char *named[] = { f->given_column, row_column(f) };
		for (int j = 0; j < 2; j++)
			if (named[j]) {
				strbuf_addstr(&cols, named[j]);
				strbuf_addstr(&cols, ", ");
				cells++;
			}
	}
	/* seq: the cell after the others; the constant, a literal after it */
	strbuf_addstr(&cols, "seq");
	char *extra = NULL;
	if (e->constant) {
		strbuf_addf(&cols, ", %s", e->constant_column);
		extra = xasprintf(", '%s'", e->constant);
	}
	char *columns = xasprintf("(%s)", strbuf_str(&cols));
	struct entity_feed rows = { { element_row }, e, NULL, 0, inv, cat };
	feed_rows(L, e->table, columns, cells + 1, extra ? extra : "", &rows.base);
	free(columns);
	free(extra);
	strbuf_release(&cols);
	/* The lists stored, a statement per table; fields that share one
	   (a contract's lead and support items) together, in element order. */
	const struct field **lists = xcalloc(e->n_fields, sizeof(*lists));
	unsigned char *done = xcalloc(e->n_fields, 1);
	for (size_t k = 0; k < e->n_fields; k++) {
		const struct field *f = &e->fields[k];
		const char *col = field_column(f);
		if (done[k] || !col || !field_is_list(f) || ((f->flags & F_UNREAD) && !L->every_table))
			continue;
		size_t n = 0;
		for (size_t j = k; j < e->n_fields; j++)
			if (field_column(&e->fields[j]) && field_is_list(&e->fields[j]) &&
			    !strcmp(field_column(&e->fields[j]), col)) {
				lists[n++] = &e->fields[j];
				done[j] = 1;
			}
		struct entity_feed elems = { { list_row }, e, lists, n, inv, cat };
		feed_rows(L, col, "", f->type == FT_ITEMS || (f->flags & F_ORDERED) ? 3 : 2, "", &elems.base);
	}
	free(lists);
	free(done);
}

static void load_inventory(struct loader *L, const struct catalog *cat, const struct inventory *inv)
{
	for (const struct entity *e = entities; e->fields; e++)
		entity_insert(L, cat, inv, e);
}

int db_load(sqlite3 *db, const struct catalog *cat, const struct inventory *inv, const char *as_of, int every_table)
{
	struct loader L = { db, 1, every_table };
	if (db_exec(db, "BEGIN", "model") < 0)
		return -1;
	load_catalog(&L, cat);
	load_inventory(&L, cat, inv);
	sqlite3_stmt *meta = prep(&L, "INSERT INTO meta VALUES (?,?)");
	ROW(&L, meta, "as_of", as_of);
	ROW(&L, meta, "organization", inv->org_id);
	ROW(&L, meta, "organization_name", inv->org_name);
	ROW(&L, meta, "max_check_age", "365"); /* days a door's patch check stays good; --max-check-age */
	db_done(meta);
	progress_mark("model rows");
	int failed = !L.ok || db_run_script(db, "model/db/indexes.sql", "model/db/indexes.sql") < 0;
	progress_mark("model indexes");
	failed = failed || db_run_script(db, "model/db/derive.sql", "model/db/derive.sql") < 0;
	progress_mark("derived tables (SQL)");
	failed = failed || derive_rows(db, cat, inv, every_table) < 0;
	progress_mark("derived rows (C)");
	failed = failed || db_run_script(db, "model/db/derive_after.sql", "model/db/derive_after.sql") < 0;
	progress_mark("derived indexes");
	if (failed) {
		db_exec(db, "ROLLBACK", "model");
		return -1;
	}
	return db_exec(db, "COMMIT", "model");
}

int db_set_meta(sqlite3 *db, const char *key, const char *value)
{
	sqlite3_stmt *st = db_statement(db, "INSERT OR REPLACE INTO meta VALUES (?, ?)", "meta");
	db_bind_text(st, 1, key);
	db_bind_text(st, 2, value);
	int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : error("internal error: meta: %s", sqlite3_errmsg(db));
	db_done(st);
	return rc;
}

char *db_column_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return s ? xstrdup((const char *)s) : NULL;
}

const char *db_column_pooled(sqlite3_stmt *st, int i, struct pool *p)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return s ? pool_strndup(p, (const char *)s, (size_t)sqlite3_column_bytes(st, i)) : NULL;
}

int db_text_cmp(const char *a, const char *b)
{
	return !a || !b ? (a != NULL) - (b != NULL) : strcmp(a, b);
}

int db_save(sqlite3 *db, const char *file)
{
	char *tmp = xasprintf("%s.tmp.XXXXXX", file);
	sqlite3 *out = NULL;
	int rc = -1;
	/* A fresh name of our own (no planted link can take it), SQLite fills it. */
	int fd = mkstemp(tmp);
	if (fd < 0) {
		error(_("%s: cannot create: %s"), file, strerror(errno));
		free(tmp);
		return -1;
	}
	output_take_attributes(fd, file); /* the old database's permissions and owner */
	close(fd);
	if (sqlite3_open(tmp, &out) != SQLITE_OK) {
		error(_("%s: cannot create: %s"), file, out ? sqlite3_errmsg(out) : "out of memory");
		goto out;
	}
	sqlite3_backup *b = sqlite3_backup_init(out, "main", db, "main");
	if (!b || sqlite3_backup_step(b, -1) != SQLITE_DONE) {
		error(_("%s: cannot write: %s"), file, sqlite3_errmsg(out));
		sqlite3_backup_finish(b);
		goto out;
	}
	if (sqlite3_backup_finish(b) != SQLITE_OK) {
		error(_("%s: cannot write: %s"), file, sqlite3_errmsg(out));
		goto out;
	}
	if (sqlite3_close(out) != SQLITE_OK) {
		error(_("%s: cannot close: %s"), file, sqlite3_errmsg(out));
		goto out;
	}
	out = NULL;
	if (rename(tmp, file) < 0) {
		error(_("%s: cannot rename from %s: %s"), file, tmp, strerror(errno));
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
