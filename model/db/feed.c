#include "feed.h"

#include <stdio.h>
#include <string.h>

#include "model/db/statements.h"
#include "model/util/i18n.h"
#include "model/util/strbuf.h"
#include "model/util/xalloc.h"

/* The pointer type's name: sqlite3_value_pointer gives the feed only to a
   caller that names the same type (a SQL text cannot forge one). */
static const char feed_type[] = "bunkai_feed";

struct cursor {
	sqlite3_vtab_cursor base;
	const struct feed *f;
	struct feed_pos pos;
	int eof;
	sqlite3_int64 rowid;
	struct cell cells[FEED_COLS];
};

static int feed_connect(sqlite3 *db, void *aux, int argc, const char *const *argv, sqlite3_vtab **vtab, char **err)
{
	(void)aux, (void)argc, (void)argv, (void)err;
	/* c0 … c23, then the hidden argument */
	char decl[16 * FEED_COLS + 64] = "CREATE TABLE x(";
	for (int i = 0; i < FEED_COLS; i++)
		snprintf(decl + strlen(decl), sizeof(decl) - strlen(decl), "c%d, ", i);
	snprintf(decl + strlen(decl), sizeof(decl) - strlen(decl), "feed HIDDEN)");
	int rc = sqlite3_declare_vtab(db, decl);
	if (rc != SQLITE_OK)
		return rc;
	*vtab = sqlite3_malloc(sizeof(**vtab));
	if (!*vtab)
		return SQLITE_NOMEM;
	memset(*vtab, 0, sizeof(**vtab));
	return SQLITE_OK;
}

static int feed_disconnect(sqlite3_vtab *vtab)
{
	sqlite3_free(vtab);
	return SQLITE_OK;
}

/* Only with its argument: feed(?1). */
static int feed_best_index(sqlite3_vtab *vtab, sqlite3_index_info *info)
{
	(void)vtab;
	for (int i = 0; i < info->nConstraint; i++) {
		const struct sqlite3_index_constraint *c = &info->aConstraint[i];
		if (c->iColumn == FEED_COLS && c->op == SQLITE_INDEX_CONSTRAINT_EQ && c->usable) {
			info->aConstraintUsage[i].argvIndex = 1;
			info->aConstraintUsage[i].omit = 1;
			info->estimatedCost = 1;
			return SQLITE_OK;
		}
	}
	return SQLITE_CONSTRAINT;
}

static int feed_open(sqlite3_vtab *vtab, sqlite3_vtab_cursor **cur)
{
	(void)vtab;
	struct cursor *c = sqlite3_malloc(sizeof(*c));
	if (!c)
		return SQLITE_NOMEM;
	memset(c, 0, sizeof(*c));
	*cur = &c->base;
	return SQLITE_OK;
}

static int feed_close(sqlite3_vtab_cursor *cur)
{
	sqlite3_free(cur);
	return SQLITE_OK;
}

static int feed_next(sqlite3_vtab_cursor *cur)
{
	struct cursor *c = (struct cursor *)cur;
	c->eof = !c->f || !c->f->next(c->f, &c->pos, c->cells);
	c->rowid++;
	return SQLITE_OK;
}

static int feed_filter(sqlite3_vtab_cursor *cur, int idx, const char *idx_str, int argc, sqlite3_value **argv)
{
	(void)idx, (void)idx_str;
	struct cursor *c = (struct cursor *)cur;
	c->f = argc == 1 ? sqlite3_value_pointer(argv[0], feed_type) : NULL;
	c->pos = (struct feed_pos){ 0, 0, 0 };
	c->rowid = 0;
	return feed_next(cur);
}

static int feed_eof(sqlite3_vtab_cursor *cur)
{
	return ((struct cursor *)cur)->eof;
}

static int feed_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int col)
{
	const struct cursor *c = (const struct cursor *)cur;
	if (col >= FEED_COLS)
		return SQLITE_OK; /* the argument: NULL */
	const struct cell *v = &c->cells[col];
	if (v->type == SQLITE_TEXT)
		sqlite3_result_text(ctx, v->s, -1, SQLITE_STATIC);
	else if (v->type == SQLITE_INTEGER)
		sqlite3_result_int64(ctx, v->i);
	return SQLITE_OK;
}

static int feed_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *rowid)
{
	*rowid = ((const struct cursor *)cur)->rowid;
	return SQLITE_OK;
}

/* Eponymous only (no xCreate): used as feed(?), never CREATE VIRTUAL TABLE. */
static const sqlite3_module feed_module = {
	.iVersion = 1,
	.xConnect = feed_connect,
	.xBestIndex = feed_best_index,
	.xDisconnect = feed_disconnect,
	.xOpen = feed_open,
	.xClose = feed_close,
	.xFilter = feed_filter,
	.xNext = feed_next,
	.xEof = feed_eof,
	.xColumn = feed_column,
	.xRowid = feed_rowid,
};

int feed_register(sqlite3 *db)
{
	return sqlite3_create_module_v2(db, "feed", &feed_module, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

int feed_into(sqlite3 *db, const char *table, const char *columns, int cells, const char *extra,
	      const struct feed *f)
{
	if (cells > FEED_COLS)
		return error(_("internal error: %s: %s"), table, "more columns than a feed has");
	struct cell first[FEED_COLS];
	if (!f->next(f, &(struct feed_pos){ 0, 0, 0 }, first))
		return 0; /* no row: no statement to compile (a small clinic has a dozen empty tables) */
	/* The first `cells` names of "c0, c1, …": up to the cells-th comma. */
	static const char names[] = "c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17,"
				    " c18, c19, c20, c21, c22, c23";
	_Static_assert(FEED_COLS == 24, "names lists c0 to c23");
	size_t len = 0;
	for (int i = 0; i < cells; i++)
		len += strcspn(names + len + (i ? 1 : 0), ",") + (i ? 1 : 0);
	struct strbuf sql = STRBUF_INIT;
	const char *parts[] = { "INSERT INTO ", table, " ", columns, " SELECT " };
	for (size_t i = 0; i < sizeof(parts) / sizeof(*parts); i++)
		strbuf_addstr(&sql, parts[i]);
	strbuf_add(&sql, names, len);
	strbuf_addstr(&sql, extra);
	strbuf_addstr(&sql, " FROM feed(?1)");
	sqlite3_stmt *st = db_statement(db, strbuf_str(&sql), "model");
	strbuf_release(&sql);
	sqlite3_bind_pointer(st, 1, (void *)f, feed_type, NULL);
	int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : error(_("internal error: cannot store the model: %s"), sqlite3_errmsg(db));
	sqlite3_bind_null(st, 1); /* no pointer left to a feed that goes away */
	db_done(st);
	return rc;
}
