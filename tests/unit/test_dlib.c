/*
** Libraries loaded on first use (model/util/dlib.h): a library that is
** missing or lacks a function is an error naming it and what it is needed
** for, asked once; the Excel libraries, the readers' (expat, libcsv), nettle and
** Graphviz load and fill every pointer.
*/
#include <unistd.h>

#include "testlib.h"
#include "analyzer/analysis/nettle_dl.h"
#include "analyzer/writers/graphviz_dl.h"
#include "analyzer/writers/xlsxwriter_dl.h"
#include "model/csv/libcsv_dl.h"
#include "model/xlsx/expat_dl.h"
#include "model/xlsx/libzip_dl.h"

/* What dlib_open printed on stderr while fn ran. */
static char *stderr_of(int (*fn)(void), int *rc)
{
	char file[] = "/tmp/bunkai-test-dlib-XXXXXX";
	int fd = mkstemp(file);
	assert_true(fd >= 0);
	fflush(stderr);
	int saved = dup(STDERR_FILENO);
	dup2(fd, STDERR_FILENO);
	*rc = fn();
	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);
	close(fd);
	char *text = read_file(file);
	unlink(file);
	return text;
}

static int missing_state, missing_symbol_state;
static void *slot;

static int load_missing_library(void)
{
	static const struct dlib_symbol syms[] = { { "strlen", &slot }, { NULL, NULL } };
	return dlib_open(&missing_state, "libbunkai-no-such-library.so.0", "testing", syms);
}

static int load_missing_function(void)
{
	static const struct dlib_symbol syms[] = { { "strlen", &slot }, { "bunkai_no_such_function", &slot },
						    { NULL, NULL } };
	return dlib_open(&missing_symbol_state, "libc.so.6", "testing", syms);
}

static void test_missing_library_is_named_once(void **state)
{
	(void)state;
	int rc;
	char *msg = stderr_of(load_missing_library, &rc);
	assert_int_equal(rc, -1);
	assert_non_null(strstr(msg, "cannot load libbunkai-no-such-library.so.0, needed for testing"));
	free(msg);
	msg = stderr_of(load_missing_library, &rc); /* the first answer stands, said once */
	assert_int_equal(rc, -1);
	assert_string_equal(msg, "");
	free(msg);
}

static void test_missing_function_is_named(void **state)
{
	(void)state;
	int rc;
	char *msg = stderr_of(load_missing_function, &rc);
	assert_int_equal(rc, -1);
	assert_non_null(strstr(msg, "libc.so.6 has no function bunkai_no_such_function, needed for testing"));
	free(msg);
}

static void test_graphviz_loads(void **state)
{
	(void)state;
	assert_int_equal(graphviz_load(), 0);
	assert_non_null(sym_agopen);
	assert_non_null(sym_Agdirected); /* data, not only functions */
	assert_non_null(sym_Pobspath);   /* libpathplan, through libgvc's dependencies */
	assert_non_null(sym_gvRender);
}

static void test_excel_libraries_load(void **state)
{
	(void)state;
	assert_int_equal(xlsxwriter_load(), 0);
	assert_non_null(sym_workbook_new);
	assert_non_null(sym_worksheet_write_string);
	assert_int_equal(libzip_load(), 0);
	assert_non_null(sym_zip_open_from_source);
	assert_non_null(sym_zip_fread);
	assert_int_equal(xlsxwriter_load(), 0); /* again: already loaded */
}

static void test_readers_load(void **state)
{
	(void)state;
	assert_int_equal(expat_load(), 0);
	assert_non_null(sym_XML_ParserCreate);
	assert_non_null(sym_XML_StopParser);
	assert_int_equal(libcsv_load(), 0);
	assert_non_null(sym_csv_init);
	assert_non_null(sym_csv_strerror);
	assert_int_equal(nettle_load(), 0);
	assert_non_null(sym_nettle_sha256_init);
	assert_non_null(sym_nettle_sha256_digest);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_missing_library_is_named_once),
		cmocka_unit_test(test_missing_function_is_named),
		cmocka_unit_test(test_excel_libraries_load),
		cmocka_unit_test(test_readers_load),
		cmocka_unit_test(test_graphviz_loads),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
