/*
** SQLite's allocator (model/db/sqlite_memory.h): blocks keep their bytes
** through every realloc between size classes and malloc, never overlap,
** and SQLite works on them.
*/
#include <sqlite3.h>

#include "testlib.h"
#include "model/db/sqlite_memory.h"

static void fill(unsigned char *p, size_t n, unsigned seed)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (unsigned char)(seed * 31 + i);
}

static void assert_filled(const unsigned char *p, size_t n, unsigned seed)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != (unsigned char)(seed * 31 + i))
			fail_msg("byte %zu of block %u changed", i, seed);
}

static void test_installed(void **state)
{
	(void)state;
	/* SQLite's own allocator would say 8 (its rounding); a class is 16. */
	void *p = sqlite3_malloc(1);
	assert_int_equal(sqlite3_msize(p), 16);
	sqlite3_free(p);
}

static void test_realloc_keeps_bytes(void **state)
{
	(void)state;
	unsigned char *p = sqlite3_malloc(10);
	fill(p, 10, 1);
	assert_ptr_equal(sqlite3_realloc(p, 16), p); /* the same class */
	p = sqlite3_realloc(p, 17);                  /* the next one */
	assert_int_equal(sqlite3_msize(p), 32);
	assert_filled(p, 10, 1);
	fill(p, 32, 2);
	p = sqlite3_realloc(p, 5000); /* to malloc */
	assert_true(sqlite3_msize(p) >= 5000);
	assert_filled(p, 32, 2);
	fill(p, 5000, 3);
	p = sqlite3_realloc(p, 100000); /* malloc's realloc */
	assert_filled(p, 5000, 3);
	p = sqlite3_realloc(p, 8); /* back to a class */
	assert_int_equal(sqlite3_msize(p), 16);
	assert_filled(p, 8, 3);
	sqlite3_free(p);
	sqlite3_free(NULL);
}

/* Many blocks of every size, freed and taken again in a scrambled order:
   none is handed out twice, none loses a byte. */
static void test_blocks_do_not_overlap(void **state)
{
	(void)state;
	enum { N = 20000 };
	unsigned char **v = xcalloc(N, sizeof(*v));
	size_t *len = xcalloc(N, sizeof(*len));
	unsigned r = 12345;
	for (int round = 0; round < 3; round++) {
		for (unsigned i = 0; i < N; i++) {
			r = r * 1103515245 + 12345;
			if (v[i] && (r >> 16) % 3 == 0) {
				assert_filled(v[i], len[i], i);
				sqlite3_free(v[i]);
				v[i] = NULL;
			} else if (!v[i]) {
				len[i] = 1 + (r >> 8) % ((r >> 20) % 8 == 0 ? 3000 : 600);
				v[i] = sqlite3_malloc((int)len[i]);
				assert_non_null(v[i]);
				assert_true((uintptr_t)v[i] % 8 == 0);
				assert_true((size_t)sqlite3_msize(v[i]) >= len[i]);
				fill(v[i], len[i], i);
			}
		}
	}
	for (unsigned i = 0; i < N; i++) {
		if (v[i])
			assert_filled(v[i], len[i], i);
		sqlite3_free(v[i]);
	}
	free(v);
	free(len);
}

static void test_sqlite_works(void **state)
{
	(void)state;
	for (int open = 0; open < 2; open++) { /* the chunks go and come back */
		sqlite3 *db = NULL;
		assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
		assert_int_equal(sqlite3_exec(db,
					      "CREATE TABLE t (n INTEGER, s TEXT);"
					      "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 5000)"
					      " INSERT INTO t SELECT n, printf('%0*d', n % 700, n) FROM c;",
					      NULL, NULL, NULL),
				 SQLITE_OK);
		sqlite3_stmt *st = NULL;
		assert_int_equal(sqlite3_prepare_v2(db, "SELECT sum(n), sum(length(s)) FROM t", -1, &st, NULL),
				 SQLITE_OK);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int64(st, 0), 5000 * 5001 / 2);
		sqlite3_int64 chars = 0;
		for (int n = 1; n <= 5000; n++) {
			int digits = n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : 4;
			chars += n % 700 > digits ? n % 700 : digits;
		}
		assert_int_equal(sqlite3_column_int64(st, 1), chars);
		sqlite3_finalize(st);
		assert_int_equal(sqlite3_close(db), SQLITE_OK);
	}
}

int main(void)
{
	sqlite_memory_install();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_installed),
		cmocka_unit_test(test_realloc_keeps_bytes),
		cmocka_unit_test(test_blocks_do_not_overlap),
		cmocka_unit_test(test_sqlite_works),
	};
	return cmocka_run_group_tests_name("sqlite_memory", tests, NULL, NULL);
}
