/*
** The model in SQLite: schema, bulk load of an inventory, and the derived
** binding tables the rules read (model/db/derive.sql defines them; derive.c
** fills the large ones).
*/
#ifndef BUNKAI_DB_H
#define BUNKAI_DB_H

#include <sqlite3.h>

#include "model/catalog.h"
#include "model/inventory.h"
#include "statements.h"

struct pool;

/* An in-memory database with the schema, its pages sized for the inventory
   it will hold; caller closes with sqlite3_close(). Returns NULL after
   printing an error. */
sqlite3 *db_open(const struct inventory *inv);
/* A model with every table and index an analysis creates and no row, built
   statement by statement: what model_image.h holds (its build tool calls
   this). NULL after an error. */
sqlite3 *db_build_empty(void);
/* A model for inv, for analyses one after the other (the plan's): db when
   it can be reused — a hospital's model (4 KiB pages) with every row
   deleted, its tables, indexes and kept statements (statements.h) as they
   are — else db closed and a new one opened, which keeps its statements if
   it is a hospital's. NULL after an error. The scripts' CREATE statements
   say IF NOT EXISTS: on a reused model they change nothing (a change of
   schema would make SQLite compile every kept statement again). */
sqlite3 *db_reopen(sqlite3 *db, const struct inventory *inv);
/* Delete every row of every table (temporary ones too); 0 or -1. */
int db_clear(sqlite3 *db);
/* Run a script of statements; on failure print "bunkai: NAME: message" and return -1. */
int db_exec(sqlite3 *db, const char *sql, const char *name);
/* Run one of the scripts an analysis runs after the schema (model_scripts,
   model_image.h) as db_exec_kept: whole the first time on db, then — or
   on a copy of the image, which holds what they create — without its
   CREATE statements, which SQLite would compile to change nothing. */
int db_run_script(sqlite3 *db, const char *name, const char *what);
/*
** Internal errors, one way: a statement of bunkai's own that cannot even be
** prepared is a bug, so db_prepare() says "internal error: WHAT: …" and
** exits 3. A statement that fails while it runs (db_exec, a step) is
** reported with error() and the command exits 3. Users' rules (--rules) are
** prepared by rules.c, which reports their mistakes as exit 2 instead.
*/
sqlite3_stmt *db_prepare(sqlite3 *db, const char *sql, const char *what);
/* Bind text, or NULL for NULL (SQLITE_STATIC: s must outlive the step). */
void db_bind_text(sqlite3_stmt *st, int i, const char *s);
/* Step a statement of bunkai's own that stores rows, and reset it. While
   *ok, a failure is reported (exit 3 follows) and clears *ok; once clear,
   the statement is not stepped. */
void db_insert(sqlite3 *db, sqlite3_stmt *st, int *ok);
/* A parameter of the analysis the rules read from meta (max_check_age …). */
int db_set_meta(sqlite3 *db, const char *key, const char *value);
/* Load the catalog and the inventory in one transaction, index, and derive
   the binding tables for `as_of`; with every_table, also the lists no
   built-in statement reads (F_UNREAD: for --db and users' rules). Returns 0
   or -1 (error printed). */
int db_load(sqlite3 *db, const struct catalog *cat, const struct inventory *inv, const char *as_of, int every_table);
/* Column i of the current row as text, valid until the next step; NULL for NULL. */
static inline const char *db_column_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}
/* Column i of the current row as a copy (caller frees), or NULL for NULL. */
char *db_column_dup(sqlite3_stmt *st, int i);
/* The same, copied into a pool (which owns it). */
const char *db_column_pooled(sqlite3_stmt *st, int i, struct pool *p);
/* Two texts in the order ORDER BY gives them in SQLite (NULL first, then
   byte by byte: the BINARY collation), for lists sorted in C that must
   match a query's order. */
int db_text_cmp(const char *a, const char *b);
/* Write the whole database to `file` (via a temporary file and rename). */
int db_save(sqlite3 *db, const char *file);

#endif
