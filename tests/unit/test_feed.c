/*
** Rows from C into SQLite (model/db/feed.h): every cell type arrives as
** given, rows keep their order, a feed can be read twice, a failed insert
** says why and leaves the table as it was, and SQL alone cannot reach a feed.
*/
#include <sqlite3.h>

#include "testlib.h"
#include "model/db/feed.h"

/* Row i: ("r<i>", i * 10, NULL); n of them. */
struct numbers {
	struct feed base;
	size_t n;
	char names[8][8];
};

static int number_row(const struct feed *fd, struct feed_pos *pos, struct cell cells[FEED_COLS])
{
	const struct numbers *f = (const struct numbers *)fd;
	if (pos->row >= f->n)
		return 0;
	cells[0] = cell_text(f->names[pos->row]);
	cells[1] = cell_int((sqlite3_int64)pos->row * 10);
	cells[2] = cell_text(NULL);
	pos->row++;
	return 1;
}

static struct numbers numbers(size_t n)
{
	struct numbers f = { { number_row }, n, { { 0 } } };
	for (size_t i = 0; i < n && i < 8; i++)
		snprintf(f.names[i], sizeof(f.names[i]), "r%zu", i);
	return f;
}

static sqlite3 *open_db(void)
{
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	assert_int_equal(feed_register(db), 0);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE t (name TEXT PRIMARY KEY, n INTEGER, x, kind TEXT)", NULL, NULL, NULL),
			 SQLITE_OK);
	return db;
}

/* The table's rows in rowid order as "name|n|x|kind;" */
static char *dump(sqlite3 *db)
{
	static char out[512];
	out[0] = '\0';
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(db,
					    "SELECT name, n, typeof(n), coalesce(x, 'null'), typeof(x), kind FROM t ORDER BY rowid",
					    -1, &st, NULL),
			 SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW)
		snprintf(out + strlen(out), sizeof(out) - strlen(out), "%s|%s:%s|%s:%s|%s;", sqlite3_column_text(st, 0),
			 sqlite3_column_text(st, 1), sqlite3_column_text(st, 2), sqlite3_column_text(st, 3),
			 sqlite3_column_text(st, 4), sqlite3_column_text(st, 5));
	sqlite3_finalize(st);
	return out;
}

static void test_rows_arrive_in_order(void **state)
{
	(void)state;
	sqlite3 *db = open_db();
	struct numbers f = numbers(3);
	assert_int_equal(feed_into(db, "t", "(name, n, x, kind)", 3, ", 'fed'", &f.base), 0);
	assert_string_equal(dump(db), "r0|0:integer|null:null|fed;r1|10:integer|null:null|fed;r2|20:integer|null:null|fed;");
	sqlite3_close(db);
}

static void test_empty_feed_and_twice(void **state)
{
	(void)state;
	sqlite3 *db = open_db();
	struct numbers none = numbers(0), two = numbers(2);
	assert_int_equal(feed_into(db, "t", "(name, n, x)", 3, "", &none.base), 0);
	assert_string_equal(dump(db), "");
	/* The same feed through a second table: it starts again at its first row. */
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE u (name, n, x)", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(feed_into(db, "t", "(name, n, x)", 3, "", &two.base), 0);
	assert_int_equal(feed_into(db, "u", "", 3, "", &two.base), 0);
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT group_concat(name) FROM u", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "r0,r1");
	sqlite3_finalize(st);
	sqlite3_close(db);
}

static void test_failure_says_why_and_changes_nothing(void **state)
{
	(void)state;
	sqlite3 *db = open_db();
	struct numbers f = numbers(2);
	assert_int_equal(feed_into(db, "t", "(name, n, x)", 3, "", &f.base), 0);
	/* The same names again: the primary key refuses the first, the statement undoes itself. */
	assert_int_equal(feed_into(db, "t", "(name, n, x)", 3, "", &f.base), -1);
	assert_non_null(strstr(sqlite3_errmsg(db), "UNIQUE constraint failed"));
	assert_string_equal(dump(db), "r0|0:integer|null:null|(null);r1|10:integer|null:null|(null);");
	/* More cells than a feed has: refused before SQLite sees it. */
	assert_int_equal(feed_into(db, "t", "", FEED_COLS + 1, "", &f.base), -1);
	sqlite3_close(db);
}

static void test_sql_cannot_forge_a_feed(void **state)
{
	(void)state;
	sqlite3 *db = open_db();
	/* Without its argument, or with a value that is not a feed's pointer, it has no rows. */
	sqlite3_stmt *st = NULL;
	assert_int_not_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM feed", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM feed(12345)", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows_arrive_in_order),
		cmocka_unit_test(test_empty_feed_and_twice),
		cmocka_unit_test(test_failure_says_why_and_changes_nothing),
		cmocka_unit_test(test_sql_cannot_forge_a_feed),
	};
	return cmocka_run_group_tests_name("feed", tests, NULL, NULL);
}
