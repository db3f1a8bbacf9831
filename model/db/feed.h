/*
** Rows from C into SQLite, a table at a time: "INSERT INTO t (…) SELECT c0,
** c1, … FROM feed(?1)" with ?1 bound to a struct feed (feed_insert). The
** table-valued function `feed` reads its rows from the C structure; SQLite
** starts, opens its cursors and halts once per table instead of once per
** row, which was about 40 % of a row's insert (docs/performance.md, step 35).
*/
#ifndef BUNKAI_FEED_H
#define BUNKAI_FEED_H

#include <sqlite3.h>
#include <stddef.h>

enum { FEED_COLS = 24 }; /* c0 … c23 */

/* One value of a row: SQLITE_NULL, SQLITE_INTEGER (i) or SQLITE_TEXT (s,
   which must outlive the statement's step). */
struct cell {
	int type;
	sqlite3_int64 i;
	const char *s;
};

/* Where a feed is in its rows: it keeps no state of its own, so SQLite may
   read it again from the start. */
struct feed_pos {
	size_t row, part, sub; /* part: one of the row's lists; sub: an element of it */
};

struct feed {
	/* Fill the row at *pos (cells beyond the row's are left alone) and
	   move *pos past it; 0 when there is none left. */
	int (*next)(const struct feed *f, struct feed_pos *pos, struct cell cells[FEED_COLS]);
};

/* Make `feed` known on a connection (once, before its first use). */
int feed_register(sqlite3 *db);

/* "INSERT INTO table columns SELECT c0, …, c<cells-1> extra FROM feed(?1)"
   run on f's rows: `columns` ("(a, b)", or "" for all) and `extra` (more
   select terms after the cells: ", 'vendor'", or "") as they come; nothing
   when f has no row. Returns 0, or -1 after printing why. */
int feed_into(sqlite3 *db, const char *table, const char *columns, int cells, const char *extra,
	      const struct feed *f);

static inline struct cell cell_text(const char *s)
{
	return (struct cell){ s ? SQLITE_TEXT : SQLITE_NULL, 0, s };
}

static inline struct cell cell_int(sqlite3_int64 i)
{
	return (struct cell){ SQLITE_INTEGER, i, NULL };
}

#endif
