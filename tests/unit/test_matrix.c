/*
** The 責任分界表: party order, cells, ownership categories and gaps of known
** rows, and the CSV read back with libcsv equal to the model it came from.
*/
#include <csv.h>

#include "testlib.h"

#include "analyzer/analysis/pipeline.h"
#include "analyzer/writers/matrix.h"

static void load(const char *fixture, const char *vendor, struct pipeline *p, struct matrix *m)
{
	struct view v = { NULL, 0, vendor };
	assert_int_equal(pipeline_run(p, fixture, &(struct pipeline_options){ 0 }, &v), 0);
	assert_int_equal(matrix_read(p->s.db, m, 1), 0);
}

static const struct matrix_row *row(const struct matrix *m, const char *system, const char *item)
{
	for (size_t i = 0; i < m->n_rows; i++) {
		const struct matrix_row *r = &m->rows[i];
		if (!strcmp(r->item, item) && ((!system && !r->system) || (system && r->system && !strcmp(system, r->system))))
			return r;
	}
	fail_msg("no row %s %s", system ? system : "-", item);
	return NULL;
}

static char cell(const struct matrix *m, const struct matrix_row *r, const char *party)
{
	for (size_t p = 0; p < m->n_parties; p++)
		if (!strcmp(m->parties[p].id, party))
			return r->cells[p];
	fail_msg("no column %s", party);
	return 0;
}

static void test_demo_matrix(void **state)
{
	(void)state;
	struct pipeline p;
	struct matrix m;
	load("fixtures/demo-hospital.json", NULL, &p, &m);
	/* Columns: the organization, then vendors, a prime before its subcontractor. */
	const char *order[] = { "sakura", "v-si", "v-net", "v-pacs", "v-food" };
	assert_int_equal(m.n_parties, 5);
	for (size_t i = 0; i < 5; i++)
		assert_string_equal(m.parties[i].id, order[i]);
	assert_int_equal(m.parties[2].depth, 1);
	/* 112 applicable pairs, the organization item first. */
	assert_int_equal(m.n_rows, 112);
	assert_null(m.rows[0].system);
	assert_string_equal(m.rows[0].item, "A-2");
	const struct matrix_row *r = row(&m, NULL, "A-2");
	assert_string_equal(r->ownership, "医療機関");
	assert_string_equal(r->first_check, "はい");
	assert_string_equal(r->first_check_date, "2024-03-15");
	assert_null(r->completed);
	/* net B-5: v-si leads, its subcontractor supports. */
	r = row(&m, "net", "B-5");
	assert_int_equal(cell(&m, r, "v-si"), 'L');
	assert_int_equal(cell(&m, r, "v-net"), 'S');
	assert_string_equal(r->ownership, "事業者");
	assert_int_equal(r->gap, GAP_NONE);
	/* ehr I-2: the organization leads, v-si supports. */
	r = row(&m, "ehr", "I-2");
	assert_int_equal(cell(&m, r, "sakura"), 'L');
	assert_int_equal(cell(&m, r, "v-si"), 'S');
	assert_string_equal(r->ownership, "共同");
	/* pacs I-2: two leads. */
	r = row(&m, "pacs", "I-2");
	assert_int_equal(r->gap, GAP_CONFLICTING);
	/* rece: the contract lapsed, nobody is left. */
	r = row(&m, "rece", "I-6");
	assert_int_equal(r->gap, GAP_UNOWNED);
	assert_string_equal(r->ownership, "未割当");
	assert_null(r->first_check);
	assert_null(r->first_check_date);
	matrix_release(&m);
	pipeline_release(&p);
}

static void test_subcontractor_category(void **state)
{
	(void)state;
	struct pipeline p;
	struct matrix m;
	load("fixtures/midsize-prime-cloud.json", NULL, &p, &m);
	const struct matrix_row *r = row(&m, "backup", "B-5");
	assert_int_equal(cell(&m, r, "v-cloud"), 'L');
	assert_string_equal(r->ownership, "再委託先が実施");
	matrix_release(&m);
	pipeline_release(&p);
}

static void test_vendor_view(void **state)
{
	(void)state;
	struct pipeline p;
	struct matrix m;
	load("fixtures/demo-hospital.json", "v-pacs", &p, &m);
	for (size_t i = 0; i < m.n_rows; i++)
		assert_string_equal(m.rows[i].system, "pacs");
	assert_int_equal(m.n_rows, 28);
	matrix_release(&m);
	pipeline_release(&p);
}

/* libcsv callbacks collecting fields into rows. */
struct table {
	char ***rows;
	size_t *widths, n, cap, width, wcap;
	char **cur;
};

static void on_field(void *s, size_t len, void *data)
{
	struct table *t = data;
	t->cur = xgrow(t->cur, &t->wcap, t->width + 1, sizeof(*t->cur));
	t->cur[t->width++] = xstrndup(s ? s : "", s ? len : 0);
}

static void on_row(int c, void *data)
{
	(void)c;
	struct table *t = data;
	size_t old = t->cap;
	t->rows = xgrow(t->rows, &t->cap, t->n + 1, sizeof(*t->rows));
	if (t->cap != old)
		t->widths = xrealloc(t->widths, t->cap * sizeof(*t->widths));
	t->rows[t->n] = t->cur;
	t->widths[t->n++] = t->width;
	t->cur = NULL;
	t->width = t->wcap = 0;
}

static void test_csv_reads_back(void **state)
{
	(void)state;
	struct pipeline p;
	struct matrix m;
	load("fixtures/demo-hospital.json", NULL, &p, &m);
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	matrix_csv(mem, &m);
	fclose(mem);
	/* Excel's expectations: a BOM, CRLF line ends. */
	assert_memory_equal(buf, "\xEF\xBB\xBF", 3);
	assert_non_null(strstr(buf, "\r\n"));

	struct csv_parser parser;
	struct table t = { 0 };
	assert_int_equal(csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI), 0);
	assert_int_equal(csv_parse(&parser, buf + 3, len - 3, on_field, on_row, &t), len - 3);
	assert_int_equal(csv_fini(&parser, on_field, on_row, &t), 0);
	csv_free(&parser);

	size_t width = 6 + m.n_parties + 5; /* 初回確認, 初回確認日, 完了日, 分担区分, 指摘 */
	assert_int_equal(t.n, m.n_rows + 1);
	assert_string_equal(t.rows[0][6], "さくら総合病院 (sakura)");
	for (size_t i = 0; i < m.n_rows; i++) {
		const struct matrix_row *r = &m.rows[i];
		char **f = t.rows[i + 1];
		assert_int_equal(t.widths[i + 1], width);
		assert_string_equal(f[0], r->system ? r->system : "");
		assert_string_equal(f[3], r->item);
		assert_string_equal(f[5], r->title);
		for (size_t k = 0; k < m.n_parties; k++)
			assert_string_equal(f[6 + k], r->cells[k] == 'L' ? "○" : r->cells[k] == 'S' ? "△" : "");
		assert_string_equal(f[6 + m.n_parties], r->first_check ? r->first_check : "");
		assert_string_equal(f[7 + m.n_parties], r->first_check_date ? r->first_check_date : "");
		assert_string_equal(f[8 + m.n_parties], r->completed ? r->completed : "");
		assert_string_equal(f[9 + m.n_parties], r->ownership);
	}
	for (size_t i = 0; i < t.n; i++) {
		for (size_t k = 0; k < t.widths[i]; k++)
			free(t.rows[i][k]);
		free(t.rows[i]);
	}
	free(t.rows);
	free(t.widths);
	free(buf);
	matrix_release(&m);
	pipeline_release(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_demo_matrix),
		cmocka_unit_test(test_subcontractor_category),
		cmocka_unit_test(test_vendor_view),
		cmocka_unit_test(test_csv_reads_back),
	};
	return cmocka_run_group_tests_name("matrix", tests, NULL, NULL);
}
