/*
** Excel workbooks: the temporary file, the shared formats, sheets set up
** for print, cells by kind. See xlsx.h.
*/
#include "analyzer/writers/xlsx.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "analyzer/writers/xlsxwriter_dl.h"
#include "model/util/i18n.h"
#include "model/util/strbuf.h"
#include "model/util/textcheck.h"
#include "model/util/xalloc.h"

enum { SHEET_NAME_MAX = 31 }; /* Excel's limit, in characters */

/* The values people pick from, as the CSV ledgers and the form write them. */
const char *const xlsx_marks[] = { "○", "△", NULL };
const char *const xlsx_yes_no[] = { "はい", "いいえ", NULL };

/* Fill colours of a row with a gap, as the HTML matrix marks them. */
static const lxw_color_t row_fill[XR_KINDS] = { 0, 0xFDE9E7, 0xFFF2CC };

static lxw_format *cell_format(lxw_workbook *wb, enum xlsx_row rk, enum xlsx_cell kind)
{
	lxw_format *f = sym_workbook_add_format(wb);
	sym_format_set_border(f, LXW_BORDER_THIN);
	sym_format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	if (row_fill[rk])
		sym_format_set_bg_color(f, row_fill[rk]);
	if (kind == XC_WRAP)
		sym_format_set_text_wrap(f);
	if (kind == XC_MARK)
		sym_format_set_align(f, LXW_ALIGN_CENTER);
	if (kind == XC_DATE)
		sym_format_set_num_format(f, "yyyy-mm-dd");
	if (kind == XC_NUMBER)
		sym_format_set_align(f, LXW_ALIGN_RIGHT);
	return f;
}

/* A date of the form YYYY-MM-DD, or 0. */
static int iso_date(const char *v, lxw_datetime *dt)
{
	int y, m, d, end = 0;
	if (strlen(v) != 10 || sscanf(v, "%4d-%2d-%2d%n", &y, &m, &d, &end) != 3 || end != 10)
		return 0;
	*dt = (lxw_datetime){ y, m, d, 0, 0, 0 };
	return y >= 1900 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

int xlsx_open(struct xlsx *x, const char *title, const char *as_of)
{
	memset(x, 0, sizeof(*x));
	if (xlsxwriter_load() < 0)
		return -1;
	const char *dir = getenv("TMPDIR");
	x->path = xasprintf("%s/bunkai-XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(x->path);
	if (fd < 0) {
		error(_("cannot create a temporary file in %s: %s"), dir && *dir ? dir : "/tmp", strerror(errno));
		free(x->path);
		return -1;
	}
	close(fd);
	x->wb = sym_workbook_new(x->path);
	if (!x->wb) {
		error(_("cannot start a workbook in %s"), x->path);
		unlink(x->path);
		free(x->path);
		return -1;
	}
	/* The document's date is the as-of date, not the clock's. */
	lxw_doc_properties props = { 0 };
	lxw_datetime dt;
	struct tm tm = { 0 };
	if (as_of && iso_date(as_of, &dt)) {
		tm.tm_year = dt.year - 1900;
		tm.tm_mon = dt.month - 1;
		tm.tm_mday = dt.day;
		props.created = timegm(&tm);
	}
	props.title = (char *)title;
	props.comments = (char *)"bunkai";
	sym_workbook_set_properties(x->wb, &props);
	x->head = sym_workbook_add_format(x->wb);
	sym_format_set_bold(x->head);
	sym_format_set_text_wrap(x->head);
	sym_format_set_border(x->head, LXW_BORDER_THIN);
	sym_format_set_align(x->head, LXW_ALIGN_VERTICAL_TOP);
	sym_format_set_bg_color(x->head, 0xDDEBF7);
	for (int r = 0; r < XR_KINDS; r++)
		for (int k = 0; k < XC_KINDS; k++)
			x->cell[r][k] = cell_format(x->wb, (enum xlsx_row)r, (enum xlsx_cell)k);
	x->date_column = sym_workbook_add_format(x->wb);
	sym_format_set_num_format(x->date_column, "yyyy-mm-dd");
	return 0;
}

int xlsx_close(struct xlsx *x, FILE *fp)
{
	int rc = 0;
	lxw_error err = sym_workbook_close(x->wb);
	if (err != LXW_NO_ERROR) {
		rc = error(_("cannot write the workbook: %s"), sym_lxw_strerror(err));
	} else {
		FILE *in = fopen(x->path, "rb");
		if (!in) {
			rc = error(_("cannot read the workbook back from %s: %s"), x->path, strerror(errno));
		} else {
			char buf[65536];
			size_t n;
			while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
				if (fwrite(buf, 1, n, fp) != n)
					break; /* the caller's ferror check reports it */
			if (ferror(in))
				rc = error(_("cannot read the workbook back from %s: %s"), x->path, strerror(errno));
			fclose(in);
		}
	}
	unlink(x->path);
	free(x->path);
	free(x->widths);
	return rc;
}

/* Characters as Excel counts them (UTF-16 units) in a UTF-8 sequence's lead byte. */
static int units(unsigned char lead)
{
	return lead >= 0xF0 ? 2 : 1;
}

/* `name` as a valid sheet name of at most `max` characters. Caller frees. */
static char *clean_name(const char *name, int max)
{
	struct strbuf sb = STRBUF_INIT;
	int count = 0;
	for (const unsigned char *p = (const unsigned char *)name; *p;) {
		size_t len = *p < 0x80 ? 1 : *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4;
		if (count + units(*p) > max)
			break;
		if (strchr("[]:*?/\\", *p) && len == 1)
			strbuf_addch(&sb, '_');
		else
			strbuf_add(&sb, p, len);
		count += units(*p);
		for (size_t k = 0; k < len && *p; k++)
			p++;
	}
	/* Excel refuses a name that starts or ends with an apostrophe. */
	if (sb.len && sb.buf[0] == '\'')
		sb.buf[0] = '_';
	if (sb.len && sb.buf[sb.len - 1] == '\'')
		sb.buf[sb.len - 1] = '_';
	if (!sb.len)
		strbuf_addstr(&sb, "_");
	return strbuf_detach(&sb);
}

char *xlsx_title(const char *what, const char *whose, const char *as_of)
{
	return xasprintf("%s: %s — %s %s", what, whose, _("as of"), as_of);
}

lxw_worksheet *xlsx_sheet(struct xlsx *x, const char *name, const char *title)
{
	char *clean = clean_name(name, SHEET_NAME_MAX);
	/* Two systems of one name: "名前(2)", "名前(3)" … */
	for (int k = 2; sym_workbook_validate_sheet_name(x->wb, clean) != LXW_NO_ERROR; k++) {
		char suffix[16];
		snprintf(suffix, sizeof(suffix), "(%d)", k);
		char *base = clean_name(name, SHEET_NAME_MAX - (int)strlen(suffix));
		free(clean);
		clean = xasprintf("%s%s", base, suffix);
		free(base);
	}
	lxw_worksheet *ws = sym_workbook_add_worksheet(x->wb, clean);
	free(clean);
	sym_worksheet_set_paper(ws, 9); /* A4 */
	sym_worksheet_set_landscape(ws);
	sym_worksheet_fit_to_pages(ws, 1, 0);
	sym_worksheet_repeat_rows(ws, 0, 0);
	/* The page header: the title on the left, page numbers on the right
	   (& starts a header code, so a literal one is doubled). */
	struct strbuf h = STRBUF_INIT;
	strbuf_addstr(&h, "&L");
	for (const char *p = title; *p; p++) {
		/* Excel allows 255 characters: stop at a character's start. */
		if (h.len > 200 && ((unsigned char)*p & 0xC0) != 0x80)
			break;
		if (*p == '&')
			strbuf_addch(&h, '&');
		strbuf_addch(&h, *p);
	}
	strbuf_addstr(&h, "&R&P / &N");
	sym_worksheet_set_header(ws, h.buf);
	strbuf_release(&h);
	return ws;
}

void xlsx_header(struct xlsx *x, lxw_worksheet *ws, const char *const *titles, const double *widths, int n)
{
	/* Room for a company's name on two lines: spreadsheets do not grow a
	   row to its wrapped text by themselves. */
	sym_worksheet_set_row(ws, 0, 30, NULL);
	free(x->widths);
	x->widths = xmalloc((size_t)(n ? n : 1) * sizeof(*x->widths));
	memcpy(x->widths, widths, (size_t)n * sizeof(*widths));
	x->n_widths = n;
	x->lines = 1;
	for (int c = 0; c < n; c++) {
		sym_worksheet_write_string(ws, 0, (lxw_col_t)c, titles[c], x->head);
		sym_worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c], NULL);
	}
}

void xlsx_cell(struct xlsx *x, lxw_worksheet *ws, int row, int col, const char *v, enum xlsx_cell kind,
	       enum xlsx_row rk)
{
	lxw_format *f = x->cell[rk][kind];
	lxw_datetime dt;
	if (kind == XC_WRAP && v && col < x->n_widths && x->widths[col] > 2) {
		/* A wide (Japanese) character takes two of a column's units. */
		int per_line = (int)x->widths[col] - 1;
		int lines = (int)((display_width(v) + (size_t)per_line - 1) / (size_t)per_line);
		if (lines > x->lines)
			x->lines = lines;
	}
	if (!v || !*v)
		sym_worksheet_write_blank(ws, (lxw_row_t)row, (lxw_col_t)col, f);
	else if (kind == XC_DATE && iso_date(v, &dt))
		sym_worksheet_write_datetime(ws, (lxw_row_t)row, (lxw_col_t)col, &dt, f);
	else if (kind == XC_NUMBER && strspn(v, "0123456789") == strlen(v) && strlen(v) < 16)
		sym_worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, strtod(v, NULL), f);
	else
		sym_worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, v, f);
}

void xlsx_end_row(struct xlsx *x, lxw_worksheet *ws, int row)
{
	if (x->lines > 1)
		sym_worksheet_set_row(ws, (lxw_row_t)row, 15.0 * (x->lines > 8 ? 8 : x->lines), NULL);
	x->lines = 1;
}

void xlsx_list(lxw_worksheet *ws, int r0, int c0, int r1, int c1, const char *const *values)
{
	lxw_data_validation v = { 0 };
	v.validate = LXW_VALIDATION_TYPE_LIST;
	v.value_list = (char **)values;
	sym_worksheet_data_validation_range(ws, (lxw_row_t)r0, (lxw_col_t)c0, (lxw_row_t)r1, (lxw_col_t)c1, &v);
}

void xlsx_list_formula(lxw_worksheet *ws, int r0, int c0, int r1, int c1, const char *formula)
{
	lxw_data_validation v = { 0 };
	v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
	v.value_formula = (char *)formula;
	sym_worksheet_data_validation_range(ws, (lxw_row_t)r0, (lxw_col_t)c0, (lxw_row_t)r1, (lxw_col_t)c1, &v);
}

void xlsx_date_column(struct xlsx *x, lxw_worksheet *ws, int col, double width)
{
	sym_worksheet_set_column(ws, (lxw_col_t)col, (lxw_col_t)col, width, x->date_column);
}

void xlsx_finish(lxw_worksheet *ws, int rows, int cols, int frozen_cols)
{
	sym_worksheet_freeze_panes(ws, 1, (lxw_col_t)frozen_cols);
	if (cols > 0)
		sym_worksheet_autofilter(ws, 0, 0, (lxw_row_t)(rows > 0 ? rows : 0), (lxw_col_t)(cols - 1));
}
