/*
** Reading an xlsx workbook into tables of text cells. See read_xlsx.h.
**
** What is read of the package (ECMA-376): xl/workbook.xml (the sheets and
** the date system), xl/_rels/workbook.xml.rels (where each sheet's part
** is), xl/sharedStrings.xml (the text of "s" cells; phonetic runs, <rPh>,
** left out), xl/styles.xml (the number format of each cell style: which
** ones are dates), and the sheets themselves.
*/
#include "model/xlsx/read_xlsx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/limits.h"
#include "model/xlsx/expat_dl.h"
#include "model/xlsx/libzip_dl.h"
#include "model/util/i18n.h"
#include "model/util/strbuf.h"
#include "model/util/xalloc.h"

/* ---- XML parts ---- */

/* What every part's parser shares; each part's context starts with it. */
struct xml {
	XML_Parser p;
	struct xlsx_book *b;
	const char *part;
	char *why;           /* our reason to stop the parser, or NULL */
	struct strbuf text;  /* character data of the element being read */
	int collect;
};

static const char *local(const char *name)
{
	const char *c = strrchr(name, ':');
	return c ? c + 1 : name;
}

static const char *attr(const char **atts, const char *name)
{
	for (size_t i = 0; atts[i]; i += 2)
		if (!strcmp(local(atts[i]), name))
			return atts[i + 1];
	return NULL;
}

static void stop(struct xml *x, char *why)
{
	if (!x->why)
		x->why = why;
	else
		free(why);
	sym_XML_StopParser(x->p, XML_FALSE);
}

/* Entity declarations need a DOCTYPE; an Office file never has one. */
static void refuse_doctype(void *data, const XML_Char *name, const XML_Char *sysid, const XML_Char *pubid,
			   int has_internal_subset)
{
	(void)name, (void)sysid, (void)pubid, (void)has_internal_subset;
	stop(data, xstrdup(_("a DOCTYPE declaration (entities are refused)")));
}

static void on_text(void *data, const XML_Char *s, int len)
{
	struct xml *x = data;
	if (x->collect)
		strbuf_add(&x->text, s, (size_t)len);
}

/*
** Stream part `name` of the package through a parser with these handlers,
** within the size limits. Returns 0, 1 when an optional part is absent, or
** -1 after saying what was wrong and where.
*/
static int parse_part_as(struct xlsx_book *b, const char *name, const char *shown, int required, struct xml *x,
			 XML_StartElementHandler start, XML_EndElementHandler end);

static int parse_part(struct xlsx_book *b, const char *name, int required, struct xml *x,
		      XML_StartElementHandler start, XML_EndElementHandler end)
{
	return parse_part_as(b, name, name, required, x, start, end);
}

/* The same, the part shown in messages as `shown` (a sheet by its name too). */
static int parse_part_as(struct xlsx_book *b, const char *name, const char *shown, int required, struct xml *x,
			 XML_StartElementHandler start, XML_EndElementHandler end)
{
	zip_t *z = b->zip;
	zip_int64_t idx = sym_zip_name_locate(z, name, 0);
	if (idx < 0) {
		if (!required)
			return 1;
		diag_msg(b->d, _("%s: not a workbook bunkai can read: the part %s is missing"), b->name, name);
		return -1;
	}
	/* What the package says the part unpacks to: refused before unpacking
	   (the count below catches a package that understates it). */
	zip_stat_t st;
	if (sym_zip_stat_index(z, (zip_uint64_t)idx, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
	    (st.size > XLSX_PART_MAX || b->total + st.size > XLSX_TOTAL_MAX)) {
		diag_msg(b->d, _("%s: part %s: more than %d MB uncompressed (limit, see docs/limits.md)"), b->name, shown,
			 (st.size > XLSX_PART_MAX ? XLSX_PART_MAX : XLSX_TOTAL_MAX) >> 20);
		return -1;
	}
	zip_file_t *f = sym_zip_fopen_index(z, (zip_uint64_t)idx, 0);
	if (!f) {
		diag_msg(b->d, _("%s: part %s: %s"), b->name, shown, sym_zip_strerror(z));
		return -1;
	}
	x->p = sym_XML_ParserCreate("UTF-8");
	x->b = b;
	x->part = name;
	sym_XML_SetUserData(x->p, x);
	sym_XML_SetElementHandler(x->p, start, end);
	sym_XML_SetCharacterDataHandler(x->p, on_text);
	sym_XML_SetStartDoctypeDeclHandler(x->p, refuse_doctype);
	int rc = 0;
	size_t got = 0;
	char buf[1 << 16];
	zip_int64_t n;
	while (rc == 0 && (n = sym_zip_fread(f, buf, sizeof(buf))) > 0) {
		got += (size_t)n;
		b->total += (size_t)n;
		if (got > XLSX_PART_MAX || b->total > XLSX_TOTAL_MAX) {
			diag_msg(b->d, _("%s: part %s: more than %d MB uncompressed (limit, see docs/limits.md)"), b->name, shown,
				 (got > XLSX_PART_MAX ? XLSX_PART_MAX : XLSX_TOTAL_MAX) >> 20);
			rc = -1;
		} else if (sym_XML_Parse(x->p, buf, (int)n, 0) != XML_STATUS_OK) {
			rc = -1;
		}
	}
	if (rc == 0 && n < 0) {
		diag_msg(b->d, _("%s: part %s: %s"), b->name, shown, sym_zip_file_strerror(f));
		rc = -1;
	} else if (rc == 0 && sym_XML_Parse(x->p, "", 0, 1) != XML_STATUS_OK) {
		rc = -1;
	}
	if (rc < 0 && sym_XML_GetErrorCode(x->p) != XML_ERROR_NONE)
		diag_msg(b->d, _("%s: part %s: line %lu: %s"), b->name, shown, (unsigned long)sym_XML_GetCurrentLineNumber(x->p),
			 x->why ? x->why : sym_XML_ErrorString(sym_XML_GetErrorCode(x->p)));
	sym_zip_fclose(f);
	sym_XML_ParserFree(x->p);
	free(x->why);
	strbuf_release(&x->text);
	return rc;
}

/* ---- the workbook: its sheets, where they are, the date system ---- */

struct workbook {
	struct xml x;
	struct { char *name, *rid; } *sheets;
	size_t n, cap;
	struct { char *id, *target; } *rels;
	size_t n_rels, cap_rels;
};

static void workbook_start(void *data, const XML_Char *el, const XML_Char **atts)
{
	struct workbook *w = data;
	const char *name = local(el);
	if (!strcmp(name, "sheet")) {
		const char *n = attr(atts, "name"), *rid = attr(atts, "id");
		if (!n || !rid)
			return stop(&w->x, xstrdup(_("a sheet without a name or a relationship")));
		if (w->n == XLSX_SHEETS_MAX)
			return stop(&w->x, xasprintf(_("more than %d sheets (limit, see docs/limits.md)"), XLSX_SHEETS_MAX));
		w->sheets = xgrow(w->sheets, &w->cap, w->n + 1, sizeof(*w->sheets));
		w->sheets[w->n].name = xstrdup(n);
		w->sheets[w->n].rid = xstrdup(rid);
		w->n++;
	} else if (!strcmp(name, "workbookPr")) {
		const char *v = attr(atts, "date1904");
		w->x.b->date1904 = v && (!strcmp(v, "1") || !strcmp(v, "true"));
	}
}

static void rels_start(void *data, const XML_Char *el, const XML_Char **atts)
{
	struct workbook *w = data;
	if (strcmp(local(el), "Relationship"))
		return;
	const char *id = attr(atts, "Id"), *target = attr(atts, "Target"), *mode = attr(atts, "TargetMode");
	if (!id || !target || (mode && !strcmp(mode, "External")))
		return;
	if (w->n_rels == XLSX_SHEETS_MAX * 4)
		return stop(&w->x, xasprintf(_("more than %d relationships (limit, see docs/limits.md)"), XLSX_SHEETS_MAX * 4));
	w->rels = xgrow(w->rels, &w->cap_rels, w->n_rels + 1, sizeof(*w->rels));
	w->rels[w->n_rels].id = xstrdup(id);
	w->rels[w->n_rels].target = xstrdup(target);
	w->n_rels++;
}

static void no_end(void *data, const XML_Char *el)
{
	(void)data, (void)el;
}

/* A relationship's target as a part name: relative to xl/, or absolute in
   the package; NULL for one that would leave it. */
static char *part_of(const char *target)
{
	if (strchr(target, '\\'))
		return NULL;
	const char *t = target[0] == '/' ? target + 1 : target;
	for (const char *p = t; *p;) {
		size_t len = strcspn(p, "/");
		if ((len == 2 && !strncmp(p, "..", 2)) || len == 0)
			return NULL;
		p += len + (p[len] == '/');
	}
	return target[0] == '/' ? xstrdup(t) : xasprintf("xl/%s", t);
}

/* ---- shared strings ---- */

struct strings {
	struct xml x;
	int in_si, phonetic; /* inside <si>; inside <rPh> (the reading, not the text) */
	struct strbuf cur;
	char **v;
	size_t n, cap;
};

static void sst_start(void *data, const XML_Char *el, const XML_Char **atts)
{
	(void)atts;
	struct strings *s = data;
	const char *name = local(el);
	if (!strcmp(name, "si")) {
		s->in_si = 1;
		strbuf_reset(&s->cur);
	} else if (!strcmp(name, "rPh")) {
		s->phonetic++;
	} else if (!strcmp(name, "t") && s->in_si && !s->phonetic) {
		s->x.collect = 1;
		strbuf_reset(&s->x.text);
	}
}

static void sst_end(void *data, const XML_Char *el)
{
	struct strings *s = data;
	const char *name = local(el);
	if (!strcmp(name, "t") && s->x.collect) {
		strbuf_addstr(&s->cur, strbuf_str(&s->x.text));
		s->x.collect = 0;
	} else if (!strcmp(name, "rPh")) {
		s->phonetic--;
	} else if (!strcmp(name, "si")) {
		s->v = xgrow(s->v, &s->cap, s->n + 1, sizeof(*s->v));
		s->v[s->n++] = xstrdup(strbuf_str(&s->cur));
		s->in_si = 0;
	}
}

/* ---- styles: which cell styles format a date ---- */

struct styles {
	struct xml x;
	int in_xfs;
	struct { int id; int date; } *fmts; /* the workbook's own number formats */
	size_t n_fmts, cap_fmts;
	int *xf;                           /* per cell style: its number format */
	size_t n_xf, cap_xf;
};

/* Whether a number format code shows a date: a y, d, e (year of an era)
   or g (era) outside quoted text, [brackets] and \escapes. */
static int format_is_date(const char *code)
{
	for (const char *p = code; *p; p++) {
		if (*p == '"') {
			p = strchr(p + 1, '"');
			if (!p)
				return 0;
		} else if (*p == '[') {
			p = strchr(p, ']');
			if (!p)
				return 0;
		} else if (*p == '\\' && p[1]) {
			p++;
		} else if (strchr("yYdDeEgG", *p)) {
			return 1;
		}
	}
	return 0;
}

/* Excel's own formats that show dates (ECMA-376 18.8.30, and the Japanese
   era and 年月日 formats 27–36 and 50–58). */
static int builtin_is_date(int id)
{
	return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

static void styles_start(void *data, const XML_Char *el, const XML_Char **atts)
{
	struct styles *s = data;
	const char *name = local(el);
	if (!strcmp(name, "numFmt")) {
		const char *id = attr(atts, "numFmtId"), *code = attr(atts, "formatCode");
		if (id && code) {
			s->fmts = xgrow(s->fmts, &s->cap_fmts, s->n_fmts + 1, sizeof(*s->fmts));
			s->fmts[s->n_fmts].id = atoi(id);
			s->fmts[s->n_fmts].date = format_is_date(code);
			s->n_fmts++;
		}
	} else if (!strcmp(name, "cellXfs")) {
		s->in_xfs = 1;
	} else if (!strcmp(name, "xf") && s->in_xfs) {
		const char *id = attr(atts, "numFmtId");
		s->xf = xgrow(s->xf, &s->cap_xf, s->n_xf + 1, sizeof(*s->xf));
		s->xf[s->n_xf++] = id ? atoi(id) : 0;
	}
}

static void styles_end(void *data, const XML_Char *el)
{
	struct styles *s = data;
	if (!strcmp(local(el), "cellXfs"))
		s->in_xfs = 0;
}

/* ---- a sheet ---- */

struct raw_row {
	int row;
	char **cells; /* by column; NULL: no cell */
	size_t n, cap;
	unsigned char *number; /* by column: 1 where the cell held a number (not a date) */
	size_t number_cap;
};

struct merge {
	int r1, c1, r2, c2; /* rows and columns, first and last */
};

struct sheet {
	struct xml x;
	struct raw_row *rows;
	size_t n, cap;
	size_t cells;           /* cell slots so far (a limit) */
	int row, col;           /* where the parser is */
	int far;                /* the cell is right of XLSX_COLUMNS_MAX: refused if it holds a value */
	int was_number;         /* cell_text read a number (not a date) */
	char type[16];
	int style;
	int in_cell, in_is, phonetic;
	struct merge *merges;
	size_t n_merges, cap_merges;
};

/* "C12" -> column 2, row 12; 0, or -1 for anything else. */
static int parse_ref(const char *ref, int *col, int *row)
{
	int c = 0, r = 0;
	const char *p = ref;
	for (; *p >= 'A' && *p <= 'Z'; p++) {
		c = c * 26 + (*p - 'A' + 1);
		if (c > 16384) /* XFD, Excel's last column */
			return -1;
	}
	for (; *p >= '0' && *p <= '9'; p++) {
		r = r * 10 + (*p - '0');
		if (r > XLSX_ROWS_MAX)
			return -1;
	}
	if (*p || !c || !r)
		return -1;
	*col = c - 1;
	*row = r;
	return 0;
}

void xlsx_column_name(int col, char buf[8])
{
	char tmp[8];
	int n = 0;
	for (col++; col > 0 && n < 7; col = (col - 1) / 26)
		tmp[n++] = (char)('A' + (col - 1) % 26);
	for (int i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	buf[n] = '\0';
}

static void sheet_start(void *data, const XML_Char *el, const XML_Char **atts)
{
	struct sheet *s = data;
	const char *name = local(el), *v;
	if (!strcmp(name, "row")) {
		int r = s->row + 1;
		if ((v = attr(atts, "r")) && ((r = atoi(v)) < 1 || r > XLSX_ROWS_MAX || r <= s->row))
			return stop(&s->x, xasprintf(_("row \"%.20s\" out of order or out of range"), v));
		s->row = r;
		s->col = -1;
		s->rows = xgrow(s->rows, &s->cap, s->n + 1, sizeof(*s->rows));
		s->rows[s->n++] = (struct raw_row){ r, NULL, 0, 0, NULL, 0 };
	} else if (!strcmp(name, "c") && s->n) {
		int c = s->col + 1, r = s->row;
		if ((v = attr(atts, "r")) && (parse_ref(v, &c, &r) < 0 || r != s->row || c <= s->col))
			return stop(&s->x, xasprintf(_("cell reference \"%.20s\" out of order or out of range"), v));
		s->far = c >= XLSX_COLUMNS_MAX;
		s->col = c;
		snprintf(s->type, sizeof(s->type), "%s", (v = attr(atts, "t")) ? v : "n");
		s->style = (v = attr(atts, "s")) ? atoi(v) : 0;
		s->in_cell = 1;
		strbuf_reset(&s->x.text);
	} else if (s->in_cell && !strcmp(name, "is")) {
		s->in_is = 1;
	} else if (s->in_cell && !strcmp(name, "rPh")) {
		s->phonetic++;
	} else if (s->in_cell && (!strcmp(name, "v") || (s->in_is && !strcmp(name, "t") && !s->phonetic))) {
		s->x.collect = 1;
	} else if (!strcmp(name, "mergeCell") && (v = attr(atts, "ref"))) {
		const char *colon = strchr(v, ':');
		char a[16];
		int r1, c1, r2, c2;
		if (!colon || (size_t)(colon - v) >= sizeof(a))
			return;
		snprintf(a, sizeof(a), "%.*s", (int)(colon - v), v);
		if (parse_ref(a, &c1, &r1) == 0 && parse_ref(colon + 1, &c2, &r2) == 0 && r1 <= r2 && c1 <= c2) {
			s->merges = xgrow(s->merges, &s->cap_merges, s->n_merges + 1, sizeof(*s->merges));
			s->merges[s->n_merges++] = (struct merge){ r1, c1, r2, c2 };
		}
	}
}

/* Days since 1899-12-30 (or 1904-01-01) as YYYY-MM-DD (`out` has room to
   spare for the compiler's sake); 0 if out of range. */
static int serial_date(double serial, int date1904, char out[16])
{
	long days = (long)serial;
	if (serial < 1 || serial > 2958465) /* 9999-12-31 */
		return 0;
	if (date1904)
		days += 1462;
	else if (days == 60)
		return 0; /* 1900-02-29, which Excel counts and the calendar has not */
	else if (days < 60)
		days += 1;  /* before Excel's phantom leap day */
	/* Civil date from days since 1899-12-30 (H. Hinnant's algorithm). */
	long z = days - 25569 + 719468; /* to days since 1970-01-01, then 0000-03-01 */
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153, d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;
	snprintf(out, 16, "%04d-%02d-%02d", (int)(y + (m <= 2)), (int)m, (int)d);
	return 1;
}

/* The text of the cell just read, as a person sees it in Excel. */
static char *cell_text(struct sheet *s)
{
	struct xlsx_book *b = s->x.b;
	const char *v = strbuf_str(&s->x.text);
	if (!strcmp(s->type, "s")) {
		char *end;
		long i = strtol(v, &end, 10);
		if (*end || i < 0 || (size_t)i >= b->n_strings)
			return NULL;
		return xstrdup(b->strings[i]);
	}
	if (!strcmp(s->type, "n") && *v) {
		char *end, out[32];
		double d = strtod(v, &end);
		if (*end)
			return xstrdup(v);
		if (s->style >= 0 && (size_t)s->style < b->n_styles && b->date_style[s->style] && serial_date(d, b->date1904, out))
			return xstrdup(out);
		s->was_number = 1;
		if (d == (double)(long long)d && d > -1e15 && d < 1e15)
			snprintf(out, sizeof(out), "%lld", (long long)d);
		else
			snprintf(out, sizeof(out), "%.15g", d);
		return xstrdup(out);
	}
	if (!strcmp(s->type, "b"))
		return xstrdup(!strcmp(v, "1") ? "TRUE" : "FALSE");
	if (!strcmp(s->type, "d")) /* an ISO 8601 date (strict files) */
		return xstrndup(v, strlen(v) < 10 ? strlen(v) : 10);
	return xstrdup(v); /* inlineStr, str (a formula's text), e (#N/A) */
}

static void sheet_end(void *data, const XML_Char *el)
{
	struct sheet *s = data;
	const char *name = local(el);
	if (!strcmp(name, "v") || !strcmp(name, "t")) {
		s->x.collect = 0;
	} else if (!strcmp(name, "rPh")) {
		s->phonetic--;
	} else if (!strcmp(name, "is")) {
		s->in_is = 0;
	} else if (!strcmp(name, "c") && s->in_cell) {
		s->in_cell = 0;
		s->was_number = 0;
		char *text = cell_text(s), col[8];
		xlsx_column_name(s->col, col);
		if (!text)
			return stop(&s->x, xasprintf(_("cell %s%d: a shared string that does not exist"), col, s->row));
		if (!text[0]) {
			free(text); /* a formatted empty cell takes no room */
			return;
		}
		if (s->far) {
			free(text);
			return stop(&s->x, xasprintf(_("cell %s%d: a value right of column %d (limit, see docs/limits.md)"), col,
						     s->row, XLSX_COLUMNS_MAX));
		}
		struct raw_row *r = &s->rows[s->n - 1];
		if ((size_t)s->col >= r->n) {
			size_t grow = (size_t)s->col + 1 - r->n;
			if ((s->cells += grow) > XLSX_CELLS_MAX) {
				free(text);
				return stop(&s->x, xasprintf(_("more than %d cells (limit, see docs/limits.md)"), XLSX_CELLS_MAX));
			}
			r->cells = xgrow(r->cells, &r->cap, (size_t)s->col + 1, sizeof(*r->cells));
			memset(r->cells + r->n, 0, grow * sizeof(*r->cells));
			r->n = (size_t)s->col + 1;
		}
		free(r->cells[s->col]);
		r->cells[s->col] = text;
		if (s->was_number) {
			size_t had = r->number_cap;
			r->number = xgrow(r->number, &r->number_cap, (size_t)s->col + 1, sizeof(*r->number));
			memset(r->number + had, 0, r->number_cap - had);
			r->number[s->col] = 1;
		}
	}
}

static const char *cell_at(const struct sheet *s, size_t ri, int col)
{
	const struct raw_row *r = &s->rows[ri];
	return (size_t)col < r->n && r->cells[col] ? r->cells[col] : "";
}

/* The index of row number `row` (rows are in ascending order), or -1. */
static long row_index(const struct sheet *s, int row)
{
	size_t lo = 0, hi = s->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->rows[mid].row < row)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < s->n && s->rows[lo].row == row ? (long)lo : -1;
}

static int by_top_left(const void *a, const void *b)
{
	const struct merge *x = a, *y = b;
	return x->r1 != y->r1 ? (x->r1 < y->r1 ? -1 : 1) : x->c1 < y->c1 ? -1 : x->c1 > y->c1;
}

/* Whether the cell at row r, column c is the top-left of a merge wider than
   one column (merges sorted by_top_left). */
static int starts_wide_merge(const struct sheet *s, int r, int c)
{
	size_t lo = 0, hi = s->n_merges;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->merges[mid].r1 < r || (s->merges[mid].r1 == r && s->merges[mid].c1 < c))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < s->n_merges && s->merges[lo].r1 == r && s->merges[lo].c1 == c && s->merges[lo].c2 > c;
}

/*
** The rows as a table. What a person does in Excel and a CSV cannot say is
** undone here (docs/csv-import.md): a cell merged down a column (one system
** id over its devices) gives its value to every row it covers; rows above
** the header that hold nothing but a merged title are skipped; columns left
** of the table that are empty in every row are dropped.
*/
static void to_table(struct sheet *s, struct xlsx_sheet *out)
{
	if (s->n_merges) /* qsort wants a base, even for nothing */
		qsort(s->merges, s->n_merges, sizeof(*s->merges), by_top_left);
	/* A cell merged down a column: its value into the rows below it that
	   exist and are empty there (bounded: overlapping merges in a hostile
	   file cannot make it quadratic beyond XLSX_CELLS_MAX copies). */
	size_t copies = 0;
	for (size_t m = 0; m < s->n_merges && copies < XLSX_CELLS_MAX; m++) {
		const struct merge *g = &s->merges[m];
		long top = row_index(s, g->r1);
		if (g->c1 != g->c2 || top < 0)
			continue;
		const char *v = cell_at(s, (size_t)top, g->c1);
		for (size_t i = (size_t)top + 1; *v && i < s->n && s->rows[i].row <= g->r2 && copies < XLSX_CELLS_MAX; i++) {
			copies++;
			if (cell_at(s, i, g->c1)[0])
				continue;
			struct raw_row *rr = &s->rows[i];
			if ((size_t)g->c1 >= rr->n) {
				rr->cells = xgrow(rr->cells, &rr->cap, (size_t)g->c1 + 1, sizeof(*rr->cells));
				memset(rr->cells + rr->n, 0, ((size_t)g->c1 + 1 - rr->n) * sizeof(*rr->cells));
				rr->n = (size_t)g->c1 + 1;
			}
			free(rr->cells[g->c1]);
			rr->cells[g->c1] = xstrdup(v);
		}
	}
	/* Trim every cell as a CSV cell is trimmed. */
	for (size_t i = 0; i < s->n; i++)
		for (size_t c = 0; c < s->rows[i].n; c++)
			if (s->rows[i].cells[c]) {
				char *t = csv_trim(s->rows[i].cells[c]);
				memmove(s->rows[i].cells[c], t, strlen(t) + 1);
			}
	/* Skip empty rows and merged titles above the header. */
	size_t first = 0;
	for (; first < s->n; first++) {
		int values = 0, titles = 0;
		for (size_t c = 0; c < s->rows[first].n; c++) {
			if (!cell_at(s, first, (int)c)[0])
				continue;
			values++;
			titles += starts_wide_merge(s, s->rows[first].row, (int)c);
		}
		if (values && values != titles)
			break;
	}
	/* The table's left edge: its header's first cell, if nothing is left of it. */
	int left = 0;
	if (first < s->n) {
		while ((size_t)left < s->rows[first].n && !cell_at(s, first, left)[0])
			left++;
		for (size_t i = first; i < s->n && left > 0; i++)
			for (int c = 0; c < left && (size_t)c < s->rows[i].n; c++)
				if (cell_at(s, i, c)[0])
					left = c;
	}
	/* Every row as wide as the header; a cell right of it stays (the
	   importer reports it). */
	size_t width = 0;
	if (first < s->n) {
		width = s->rows[first].n;
		while (width > (size_t)left && !cell_at(s, first, (int)width - 1)[0])
			width--;
	}
	memset(&out->table, 0, sizeof(out->table));
	out->header_row = first < s->n ? s->rows[first].row : 1;
	out->columns = xmalloc((width > (size_t)left ? width - (size_t)left : 1) * sizeof(*out->columns));
	for (size_t c = (size_t)left; c < width; c++)
		out->columns[c - (size_t)left] = (int)c;
	for (size_t i = first; i < s->n; i++) {
		size_t n = s->rows[i].n;
		while (n > width && !cell_at(s, i, (int)n - 1)[0])
			n--;
		if (n < width)
			n = width;
		size_t cols = n > (size_t)left ? n - (size_t)left : 0;
		char **cells = xmalloc((cols ? cols : 1) * sizeof(*cells));
		for (size_t c = 0; c < cols; c++)
			cells[c] = xstrdup(cell_at(s, i, (int)(c + (size_t)left)));
		size_t before = out->table.n_rows;
		csv_table_add(&out->table, cells, cols, s->rows[i].row);
		/* Which cells were numbers: an id among them may have lost its zeros. */
		const struct raw_row *rr = &s->rows[i];
		if (out->table.n_rows > before && rr->number) {
			struct csv_row *row = &out->table.rows[before];
			row->number = xcalloc(cols ? cols : 1, 1);
			for (size_t c = 0; c < cols; c++)
				row->number[c] = c + (size_t)left < rr->number_cap && rr->number[c + (size_t)left];
		}
	}
}

static void sheet_release(struct sheet *s)
{
	for (size_t i = 0; i < s->n; i++) {
		for (size_t c = 0; c < s->rows[i].n; c++)
			free(s->rows[i].cells[c]);
		free(s->rows[i].cells);
		free(s->rows[i].number);
	}
	free(s->rows);
	free(s->merges);
}

static int load_sheet(struct xlsx_book *b, struct xlsx_sheet *out)
{
	struct sheet s;
	memset(&s, 0, sizeof(s));
	char *shown = xasprintf("%s (sheet %s)", out->part, out->name);
	int rc = parse_part_as(b, out->part, shown, 1, &s.x, sheet_start, sheet_end);
	free(shown);
	if (rc == 0) {
		to_table(&s, out);
		out->table.name = out->name;
		if (!out->table.header) {
			diag_msg(b->d, _("%s: sheet %s: empty: no header row"), b->name, out->name);
			rc = -1;
		}
	}
	sheet_release(&s);
	out->loaded = rc == 0 ? 1 : -1;
	return rc;
}

/* ---- the book ---- */

static zip_t *open_zip(const char *buf, size_t len, zip_error_t *err)
{
	zip_source_t *src = sym_zip_source_buffer_create(buf, len, 0, err);
	if (!src)
		return NULL;
	zip_t *z = sym_zip_open_from_source(src, ZIP_RDONLY, err);
	if (!z)
		sym_zip_source_free(src);
	return z;
}

int xlsx_is_workbook(const char *buf, size_t len)
{
	/* A zip's first local header: no JSON document or CSV text starts so.
	   Whether it holds xl/workbook.xml is for xlsx_book_open to say. */
	return len >= 4 && !memcmp(buf, "PK\x03\x04", 4);
}

int xlsx_book_open(struct xlsx_book *b, const char *name, const char *buf, size_t len, struct diag *d)
{
	memset(b, 0, sizeof(*b));
	b->name = name;
	b->d = d;
	if (libzip_load() < 0 || expat_load() < 0)
		return -1;
	zip_error_t err;
	sym_zip_error_init(&err);
	b->zip = open_zip(buf, len, &err);
	if (!b->zip) {
		diag_msg(d, _("%s: not a readable workbook: %s"), name, sym_zip_error_strerror(&err));
		sym_zip_error_fini(&err);
		return -1;
	}
	sym_zip_error_fini(&err);

	struct workbook w;
	memset(&w, 0, sizeof(w));
	size_t cap_sheets = 0;
	int rc = parse_part(b, "xl/workbook.xml", 1, &w.x, workbook_start, no_end);
	if (rc == 0)
		rc = parse_part(b, "xl/_rels/workbook.xml.rels", 1, &w.x, rels_start, no_end);
	for (size_t i = 0; rc == 0 && i < w.n; i++) {
		size_t k = 0;
		while (k < w.n_rels && strcmp(w.rels[k].id, w.sheets[i].rid))
			k++;
		char *part = k < w.n_rels ? part_of(w.rels[k].target) : NULL;
		if (!part) {
			diag_msg(d, _("%s: sheet %s: its part \"%s\" is not inside the workbook"), name, w.sheets[i].name,
				 k < w.n_rels ? w.rels[k].target : w.sheets[i].rid);
			rc = -1;
			break;
		}
		b->sheets = xgrow(b->sheets, &cap_sheets, b->n + 1, sizeof(*b->sheets));
		b->sheets[b->n++] = (struct xlsx_sheet){ .name = xstrdup(w.sheets[i].name), .part = part };
	}
	for (size_t i = 0; i < w.n; i++) {
		free(w.sheets[i].name);
		free(w.sheets[i].rid);
	}
	for (size_t i = 0; i < w.n_rels; i++) {
		free(w.rels[i].id);
		free(w.rels[i].target);
	}
	free(w.sheets);
	free(w.rels);

	if (rc == 0) {
		struct strings s;
		memset(&s, 0, sizeof(s));
		rc = parse_part(b, "xl/sharedStrings.xml", 0, &s.x, sst_start, sst_end) < 0 ? -1 : 0;
		strbuf_release(&s.cur);
		b->strings = s.v;
		b->n_strings = s.n;
	}
	if (rc == 0) {
		struct styles st;
		memset(&st, 0, sizeof(st));
		rc = parse_part(b, "xl/styles.xml", 0, &st.x, styles_start, styles_end) < 0 ? -1 : 0;
		b->date_style = xcalloc(st.n_xf + 1, 1);
		b->n_styles = st.n_xf;
		for (size_t i = 0; i < st.n_xf; i++) {
			int date = builtin_is_date(st.xf[i]);
			for (size_t k = 0; k < st.n_fmts; k++)
				if (st.fmts[k].id == st.xf[i])
					date = st.fmts[k].date;
			b->date_style[i] = (unsigned char)date;
		}
		free(st.fmts);
		free(st.xf);
	}
	if (rc < 0)
		xlsx_book_release(b);
	return rc;
}

struct xlsx_sheet *xlsx_book_sheet(struct xlsx_book *b, const char *const *names)
{
	for (size_t i = 0; i < b->n; i++)
		for (size_t k = 0; names[k]; k++)
			if (!strcasecmp(b->sheets[i].name, names[k])) {
				struct xlsx_sheet *s = &b->sheets[i];
				if (!s->loaded)
					load_sheet(b, s);
				return s->loaded > 0 ? s : NULL;
			}
	return NULL;
}

void xlsx_book_release(struct xlsx_book *b)
{
	for (size_t i = 0; i < b->n; i++) {
		free(b->sheets[i].name);
		free(b->sheets[i].part);
		free(b->sheets[i].columns);
		if (b->sheets[i].loaded > 0)
			csv_table_release(&b->sheets[i].table);
	}
	free(b->sheets);
	for (size_t i = 0; i < b->n_strings; i++)
		free(b->strings[i]);
	free(b->strings);
	free(b->date_style);
	if (b->zip)
		sym_zip_discard(b->zip);
	memset(b, 0, sizeof(*b));
}
