/*
** The 責任分界表 as an Excel workbook (SPEC 9.4, docs/matrix.md): a sheet
** per system with the columns of matrix.csv — only the parties that have a
** cell there or are bound to it — ○/△ and はい/いいえ as drop-down lists,
** dates as date cells, the rows with a gap coloured, the header frozen and
** filtered; then the sheet of the paths into the hospital. Every sheet
** prints on A4 landscape, one page wide, the header row on every page.
*/
#include <stdlib.h>
#include <string.h>

#include "analyzer/writers/matrix.h"
#include "analyzer/writers/paths.h"
#include "analyzer/writers/xlsx.h"
#include "model/util/i18n.h"
#include "model/util/xalloc.h"


/* Column widths, in characters, of matrix_head and matrix_tail. */
static const double head_widths[MATRIX_HEAD_COLS] = { 10, 16, 14, 6, 20, 46 };
static const double tail_widths[MATRIX_TAIL_COLS] = { 8, 11, 11, 14, 16 };
enum { PARTY_WIDTH = 14, FIRST_CHECK = 0, FIRST_DATE = 1, COMPLETED = 2 }; /* indexes into matrix_tail */
enum { SECTION = 2, CATEGORY = 4, TITLE = 5 };                           /* indexes into matrix_head */

static enum xlsx_row row_kind(enum matrix_gap g)
{
	return g == GAP_UNOWNED ? XR_UNOWNED : g == GAP_CONFLICTING ? XR_CONFLICTING : XR_PLAIN;
}

/* The rows [from, to) of one system on a sheet of their own. */
static void system_sheet(struct xlsx *x, const struct matrix *m, size_t from, size_t to)
{
	const struct matrix_row *first = &m->rows[from];
	const char *name = first->system ? first->system_name : "組織全体";
	char *title = first->system ? xasprintf("責任分界表: %s — %s (%s) — %s %s", m->org_name, first->system_name,
						first->system, _("as of"), m->as_of)
				    : xasprintf("責任分界表: %s — %s — %s %s", m->org_name, _("organization (組織全体)"),
						_("as of"), m->as_of);
	lxw_worksheet *ws = xlsx_sheet(x, name, title);
	free(title);

	size_t *shown = xmalloc((m->n_parties ? m->n_parties : 1) * sizeof(*shown)), n_shown = 0;
	for (size_t p = 0; p < m->n_parties; p++)
		if (matrix_shows(m, from, to, p))
			shown[n_shown++] = p;
	int cols = (int)(MATRIX_HEAD_COLS + n_shown + MATRIX_TAIL_COLS), rows = (int)(to - from);
	const char **titles = xmalloc((size_t)cols * sizeof(*titles));
	double *widths = xmalloc((size_t)cols * sizeof(*widths));
	char **party_titles = xmalloc((n_shown ? n_shown : 1) * sizeof(*party_titles));
	int c = 0;
	for (int k = 0; k < MATRIX_HEAD_COLS; k++, c++)
		titles[c] = matrix_head[k], widths[c] = head_widths[k];
	for (size_t k = 0; k < n_shown; k++, c++) {
		const struct matrix_party *p = &m->parties[shown[k]];
		party_titles[k] = xasprintf("%s (%s)", p->name, p->id);
		titles[c] = party_titles[k];
		widths[c] = PARTY_WIDTH;
	}
	for (int k = 0; k < MATRIX_TAIL_COLS; k++, c++)
		titles[c] = matrix_tail[k], widths[c] = tail_widths[k];
	xlsx_header(x, ws, titles, widths, cols);

	const int tail0 = MATRIX_HEAD_COLS + (int)n_shown;
	for (size_t i = from; i < to; i++) {
		const struct matrix_row *r = &m->rows[i];
		const char *head[MATRIX_HEAD_COLS], *tail[MATRIX_TAIL_COLS];
		matrix_row_head(r, head);
		matrix_row_tail(r, tail);
		enum xlsx_row rk = row_kind(r->gap);
		int row = (int)(i - from) + 1;
		for (int k = 0; k < MATRIX_HEAD_COLS; k++)
			xlsx_cell(x, ws, row, k, head[k], k == SECTION || k == CATEGORY || k == TITLE ? XC_WRAP : XC_TEXT, rk);
		for (size_t k = 0; k < n_shown; k++)
			xlsx_cell(x, ws, row, MATRIX_HEAD_COLS + (int)k, matrix_mark(r->cells[shown[k]]), XC_MARK, rk);
		for (int k = 0; k < MATRIX_TAIL_COLS; k++)
			xlsx_cell(x, ws, row, tail0 + k, tail[k],
				  k == FIRST_DATE || k == COMPLETED ? XC_DATE : k == FIRST_CHECK ? XC_MARK : XC_TEXT, rk);
		xlsx_end_row(x, ws, row);
	}
	if (n_shown)
		xlsx_list(ws, 1, MATRIX_HEAD_COLS, rows, tail0 - 1, xlsx_marks);
	xlsx_list(ws, 1, tail0 + FIRST_CHECK, rows, tail0 + FIRST_CHECK, xlsx_yes_no);
	xlsx_finish(ws, rows, cols, MATRIX_HEAD_COLS);

	for (size_t k = 0; k < n_shown; k++)
		free(party_titles[k]);
	free(party_titles);
	free(widths);
	free(titles);
	free(shown);
}

int matrix_xlsx(FILE *fp, const struct matrix *m)
{
	struct xlsx x;
	char *title = xasprintf("責任分界表: %s", m->org_name);
	if (xlsx_open(&x, title, m->as_of) != 0) {
		free(title);
		return -1;
	}
	for (size_t from = 0; from < m->n_rows;) {
		size_t to = matrix_block_end(m, from);
		system_sheet(&x, m, from, to);
		from = to;
	}
	char *paths_title = xlsx_title(_("Paths into the hospital"), m->org_name, m->as_of);
	paths_xlsx(&x, m->paths, m->n_paths, paths_title);
	free(paths_title);
	int rc = xlsx_close(&x, fp);
	free(title);
	return rc;
}
