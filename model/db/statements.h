/*
** Statements kept for the life of a connection that asks for it.
**
** The plan re-analyzes a hospital once per action it measures, on one
** connection it clears in between (db_reopen): compiling the ~150 statements
** of an analysis again each time was a third of every re-analysis
** (docs/performance.md). A statement is kept under its text, compared in
** full, so one built in a buffer is found again by its content.
**
** A connection analyzed once keeps nothing: there db_done() finalizes, and
** SQLite reuses the memory of one statement for the next (on this project's
** machine every fresh page of memory costs a fault of about 10 us; keeping
** all of them made one hospital's analysis 1.5 ms slower).
*/
#ifndef BUNKAI_STATEMENTS_H
#define BUNKAI_STATEMENTS_H

#include <sqlite3.h>

/* From now on db keeps its statements (until db_close). */
void db_keep_statements(sqlite3 *db);
/* Whether it does. */
int db_keeps(sqlite3 *db);
/* The statement of `sql` on db: the kept one, reset and its parameters
   cleared, or a new one (kept if db keeps). A statement of bunkai's own
   that cannot be prepared is a bug: "internal error: WHAT: …", exit 3 (as
   db_prepare). Hand it back with db_done() (asking for a statement that is
   still running is a bug too). */
sqlite3_stmt *db_statement(sqlite3 *db, const char *sql, const char *what);
/* Done with a statement of db_statement() or db_keep(): reset when kept,
   else finalized. NULL: nothing. */
void db_done(sqlite3_stmt *st);
/* The kept statement of `sql`, or NULL (nothing kept): for statements the
   caller prepares and checks itself (users' rules), then hands to db_keep(),
   which keeps it if db keeps statements. */
sqlite3_stmt *db_kept(sqlite3 *db, const char *sql);
void db_keep(sqlite3 *db, const char *sql, sqlite3_stmt *st);
/* Run a script, its statements kept if db keeps: the first time each is
   prepared after the one before it has run (a CREATE before the INSERT that
   needs it). On failure print "bunkai: NAME: message" and return -1. */
int db_exec_kept(sqlite3 *db, const char *script, const char *name);
/* Which scripts have run whole on db, a bit each (db_run_script in db.c):
   their CREATE statements need not run there again. */
unsigned db_scripts_run(sqlite3 *db);
void db_mark_scripts(sqlite3 *db, unsigned bits);
/* Finalize db's kept statements (and any other left) and close it. NULL: nothing. */
void db_close(sqlite3 *db);

#endif
