/*
** An inventory from a folder of CSV ledgers (docs/csv-import.md), loaded
** directly into the inventory.
**
** Two passes, as for JSON: first every file is read and every cell turned
** into a raw value of its field (the CSV-only problems — a ragged row, an
** unknown column, "多分" for yes/no, "サーバー" for a device type — are
** reported here, in file order); then each element goes through the same
** field checks as a JSON document (model/fields.c), in document order, and
** the same cross-entity checks (validate.c). Each element remembers the file
** and line it came from, and each file its headers as written, so every
** message names the cell: "台帳/devices.csv:57: column 機器種別: …".
*/
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "model/csv/csv_table.h"
#include "model/csv/import_csv.h"
#include "model/fields.h"
#include "model/limits.h"
#include "model/util/read_input.h"
#include "model/util/exit_codes.h"
#include "model/util/pool.h"
#include "model/util/strbuf.h"
#include "model/util/textcheck.h"
#include "model/util/xalloc.h"
#include "model/validate.h"
#include "model/xlsx/read_xlsx.h"
#include "model/util/i18n.h"

enum { FIELDS_MAX = 16, LEDGERS_MAX = 16, ENTITIES_MAX = 16 };

/* A file (or a workbook's sheet) that was read: its path ("BOOK: SHEET"
   for a sheet), its headers as written, per field, and for a sheet where
   each header is. */
struct ledger {
	char *path;                       /* owned */
	const char *headers[FIELDS_MAX];  /* in the import's pool, or NULL */
	int header_line;                  /* 1 in a CSV file; a sheet's header row */
	const int *columns;               /* a sheet's: per header cell, its column; NULL for CSV */
	int field_col[FIELDS_MAX];        /* per field, its header cell; -1 */
};

/* One element from a row, before the checks. */
struct record {
	struct raw raw[FIELDS_MAX];
	int line;
	unsigned char ledger;
	const char *party_header; /* matrix.csv: the column that named the party */
	int party_col;            /* and its header cell */
};

struct records {
	struct record *v;
	size_t n, cap;
};

struct importer {
	struct xlsx_book *book;   /* a workbook; or NULL and: */
	const char *dir;          /* a folder; or NULL and: */
	const char *const *files; /* CSV files named by their ledger names (devices.csv …) */
	size_t n_files;
	enum csv_encoding enc;
	struct diag *d;
	struct pool pool;         /* cells, lists, headers: freed at the end */
	struct ledger ledgers[LEDGERS_MAX];
	size_t n_ledgers;
	struct records records[ENTITIES_MAX]; /* per entity, in entities[] order */
	int bad, unreadable;
	void (*on_file)(void *ctx, const char *name, const char *bytes, size_t len);
	void *on_file_ctx;
};

/* ---- where a message goes: the cell the user wrote ---- */

/* "台帳/devices.csv:12" for a file; "台帳.xlsx: devices!C12" for the cell of
   header cell `hcol` (-1: the row's first) of a sheet. */
static const char *at(const struct ledger *l, int line, int hcol, char *buf, size_t size)
{
	if (!l->columns) {
		snprintf(buf, size, "%s:%d", l->path, line);
	} else {
		char col[8];
		xlsx_column_name(l->columns[hcol < 0 ? 0 : hcol], col);
		snprintf(buf, size, "%s!%s%d", l->path, col, line);
	}
	return buf;
}

static const char *locate(void *ctx, const void *where, char *buf, size_t size)
{
	const struct importer *I = ctx;
	const struct place *p = where;
	size_t ei = (size_t)(p->e - entities);
	const struct records *rs = &I->records[ei];
	long index = p->index;
	if (index == ARRAY_WHOLE)
		index = rs->n > ENTITY_MAX ? ENTITY_MAX : 0; /* the first row beyond the limit */
	if (index < 0 || (size_t)index >= rs->n)
		return NULL;
	const struct record *r = &rs->v[index];
	const struct ledger *l = &I->ledgers[r->ledger];
	const char *header = NULL;
	int hcol = -1;
	if (p->f && p->index != ARRAY_WHOLE) {
		size_t fi = (size_t)(p->f - p->e->fields);
		int party = r->party_header && !strcmp(p->f->key, "party");
		header = party ? r->party_header : l->headers[fi] ? l->headers[fi] : p->f->ja;
		hcol = party ? r->party_col : l->field_col[fi];
	}
	char cellbuf[512];
	at(l, r->line, hcol, cellbuf, sizeof(cellbuf));
	if (header)
		snprintf(buf, size, "%s: column %s", cellbuf, header);
	else
		snprintf(buf, size, "%s", cellbuf);
	return buf;
}

/* ---- cells ---- */

static int yes_no(const char *s, int *out)
{
	static const char *const yes[] = { "true", "yes", "はい", "1", "○", "◯", "〇", "TRUE", "Yes", "YES", "True", NULL };
	static const char *const no[] = { "false", "no", "いいえ", "0", "×", "✕", "FALSE", "No", "NO", "False", "-", NULL };
	for (size_t i = 0; yes[i]; i++)
		if (!strcmp(s, yes[i]))
			return *out = 1, 1;
	for (size_t i = 0; no[i]; i++)
		if (!strcmp(s, no[i]))
			return *out = 0, 1;
	return 0;
}

/*
** What a person types for a fixed value, as the value: full-width letters,
** digits and signs as ASCII (ＭＦＡ, ２０２４), ASCII letters in lower case,
** and the long-vowel mark left out (サーバー and サーバ, プリンター and
** プリンタ are one value). Into buf; returns it.
*/
static const char *plain(const char *s, char *buf, size_t size)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p && n + 4 < size;) {
		if (p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x81 && p[2] <= 0xBF) { /* U+FF01..FF3F */
			buf[n++] = (char)(p[2] - 0x81 + 0x21);
			p += 3;
		} else if (p[0] == 0xEF && p[1] == 0xBD && p[2] >= 0x80 && p[2] <= 0x9E) { /* U+FF40..FF5E */
			buf[n++] = (char)(p[2] - 0x80 + 0x60);
			p += 3;
		} else if (!strncmp((const char *)p, "ー", 3) || !strncmp((const char *)p, "ｰ", 3)) {
			p += 3;
		} else {
			buf[n++] = *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : (char)*p;
			p++;
		}
	}
	buf[n] = '\0';
	for (size_t i = 0; i < n; i++) /* an ASCII upper case letter made from a full-width one */
		if (buf[i] >= 'A' && buf[i] <= 'Z')
			buf[i] = (char)(buf[i] - 'A' + 'a');
	return buf;
}

/* The Japanese eras a date may be written in: 令和6年4月1日, R6.4.1. */
static const struct {
	const char *name, *letter;
	int first_year;        /* the Gregorian year of the era's 元年 */
	int from, to;          /* the era's first and last day, YYYYMMDD */
} eras[] = {
	{ "令和", "r", 2019, 20190501, 99991231 },
	{ "平成", "h", 1989, 19890108, 20190430 },
	{ "昭和", "s", 1926, 19261225, 19890107 },
};

/* A date as written in Japan into YYYY-MM-DD: 2024/4/1, 2024-4-1, 2024.4.1,
   2024年4月1日, 令和6年4月1日 (元年 for 1), R6.4.1, H31.4.30 — a date outside
   its era (H31.5.1) is left as typed for the field check to refuse. */
static int japanese_date(const char *typed, char out[32])
{
	char buf[64];
	const char *s = plain(typed, buf, sizeof(buf));
	int base = 0, from = 0, to = 99991231;
	for (size_t e = 0; e < sizeof(eras) / sizeof(*eras); e++) {
		size_t len = strlen(eras[e].name);
		if (!strncmp(s, eras[e].name, len) || !strncmp(s, eras[e].letter, 1)) {
			s += !strncmp(s, eras[e].name, len) ? len : 1;
			base = eras[e].first_year - 1;
			from = eras[e].from;
			to = eras[e].to;
			break;
		}
	}
	int y, m, d, n = 0;
	if (base && !strncmp(s, "元", 3)) {
		y = 1;
		s += 3;
		if (sscanf(s, "年%d月%d日%n", &m, &d, &n) != 2 || s[n])
			return 0;
	} else if (sscanf(s, "%d年%d月%d日%n", &y, &m, &d, &n) == 3 && !s[n]) {
		/* 2024年4月1日, 令和6年4月1日 */
	} else {
		char sep1, sep2;
		n = 0;
		if (sscanf(s, "%d%c%d%c%d%n", &y, &sep1, &m, &sep2, &d, &n) != 5 || s[n] || sep1 != sep2 ||
		    !strchr("/-.", sep1))
			return 0;
		if (!base && y < 1000)
			return 0;
	}
	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31)
		return 0;
	y += base;
	long ymd = (long)y * 10000 + m * 100 + d;
	if (y > 9999 || (base && (ymd < from || ymd > to)))
		return 0;
	snprintf(out, 32, "%04d-%02d-%02d", y, m, d);
	return 1;
}

/* A date cell as YYYY-MM-DD when it is one of the ways dates are written in
   Japan; anything else unchanged (the field check reports it). */
static const char *date_cell(struct pool *pool, const char *s)
{
	char buf[32];
	return pool_strdup(pool, japanese_date(s, buf) ? buf : s);
}

/* Split on ';', '、', ',' or '，', blanks trimmed; "-" alone is an explicitly
   empty list. */
static void list_cell(struct pool *pool, const char *s, struct raw *raw)
{
	raw->kind = RAW_LIST;
	raw->n = 0;
	if (!strcmp(s, "-"))
		return;
	size_t cap = 1;
	for (const char *p = s; *p; p++)
		cap += *p == ';' || *p == ',' || !strncmp(p, "、", 3) || !strncmp(p, "，", 3);
	const char **v = pool_alloc(pool, cap * sizeof(*v));
	for (const char *p = s;;) {
		size_t len = 0, sep = 0;
		while (p[len] && !(sep = p[len] == ';' || p[len] == ',' ? 1 : !strncmp(p + len, "、", 3) || !strncmp(p + len, "，", 3) ? 3 : 0))
			len++;
		const char *a = p, *b = p + len;
		while (a < b && *a == ' ')
			a++;
		while (b > a && b[-1] == ' ')
			b--;
		if (b > a)
			v[raw->n++] = pool_strndup(pool, a, (size_t)(b - a));
		if (!p[len])
			break;
		p += len + sep;
	}
	raw->list = v;
}

/* The value of an enum cell, given in Japanese or as the value itself, as
   a person types it (plain()). */
static const char *enum_cell(const struct field *f, const char *s)
{
	char typed[256], a[256], v[256];
	plain(s, typed, sizeof(typed));
	for (size_t i = 0; f->aliases[i]; i += 2)
		if (!strcmp(plain(f->aliases[i], a, sizeof(a)), typed) || !strcmp(plain(f->aliases[i + 1], v, sizeof(v)), typed))
			return f->aliases[i + 1];
	return NULL;
}

/* A name with line breaks (Alt+Enter in a cell) as one line: each break a
   space. Into the pool. */
static const char *one_line(struct pool *pool, const char *s)
{
	if (!strpbrk(s, "\r\n"))
		return pool_strdup(pool, s);
	struct strbuf sb = STRBUF_INIT;
	for (const char *p = s; *p; p++) {
		if (*p == '\r' || *p == '\n') {
			if (*p == '\r' && p[1] == '\n')
				p++;
			strbuf_addch(&sb, ' ');
		} else {
			strbuf_addch(&sb, *p);
		}
	}
	const char *out = pool_strdup(pool, sb.buf);
	strbuf_release(&sb);
	return out;
}

/* A warning line on stderr (the message is complete, "bunkai: warning: …\n"),
   every character of the input in it escaped as in the errors. */
static void warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void warning(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *m = xvasprintf(fmt, ap);
	va_end(ap);
	size_t n = strlen(m);
	if (n && m[n - 1] == '\n')
		m[n - 1] = '\0';
	message_put(stderr, m);
	fputc('\n', stderr);
	free(m);
}

/*
** Whether an id reads as what a spreadsheet makes of a typed value: a
** number in exponent form (1.2E+05), a whole number with ".0", or a date
** (Excel turns 1-2 into 2 January and 001 into 1, which cannot be seen any
** more). Such ids are loaded, with a warning.
*/
static int spreadsheet_made(const char *s)
{
	char buf[32];
	if (japanese_date(s, buf))
		return 1;
	size_t n = strspn(s, "0123456789");
	if (!n)
		return 0;
	if (!strcmp(s + n, ".0"))
		return 1;
	const char *p = s + n;
	if (*p == '.')
		p += 1 + strspn(p + 1, "0123456789");
	if (*p != 'E' && *p != 'e')
		return 0;
	p++;
	if (*p == '+' || *p == '-')
		p++;
	return *p && p[strspn(p, "0123456789")] == '\0';
}

static void warn_spreadsheet_id(const char *s, const char *where, const char *header)
{
	char show[SHOWN_SIZE];
	if (spreadsheet_made(s))
		warning(_("bunkai: warning: %s: column %s: \"%s\" looks like a number or a date a spreadsheet made "
				  "of an id (001 becomes 1, 1-2 a date); if so, type the id again as text\n"),
			where, header, shown(show, s));
}

/* A workbook cell in an id column that Excel stored as a number: typed as
   001 it has lost its zeros, and nothing in the file can tell. */
static void warn_number_id(const char *s, const char *where, const char *header)
{
	char show[SHOWN_SIZE];
	warning(_("bunkai: warning: %s: column %s: the id \"%s\" is a number in the workbook: if it was typed "
			  "with leading zeros (001), Excel dropped them; format the column as text and type it again\n"),
		where, header, shown(show, s));
}

/* One cell into the raw value of its field; CSV-only problems reported. */
static void cell(struct importer *I, const struct field *f, const char *s, const char *where, const char *header,
		 struct raw *raw)
{
	char show[SHOWN_SIZE];
	memset(raw, 0, sizeof(*raw));
	if (!s[0])
		return; /* RAW_ABSENT */
	switch (f->type) {
	case FT_BOOL:
	case FT_TRIBOOL: {
		char typed[64];
		if (yes_no(s, &raw->b) || yes_no(plain(s, typed, sizeof(typed)), &raw->b)) {
			raw->kind = RAW_BOOL;
		} else {
			diag_msg(I->d, _("%s: column %s: \"%s\" is not yes or no (はい/いいえ, true/false, 1/0, ○/×)"), where,
				 header, shown(show, s));
			raw->kind = RAW_INVALID;
			I->bad = 1;
		}
		return;
	}
	case FT_ENUM:
		if ((raw->s = enum_cell(f, s))) {
			raw->kind = RAW_STRING;
			return;
		}
		struct strbuf allowed = STRBUF_INIT;
		for (size_t k = 0; f->aliases[k]; k += 2)
			strbuf_addf(&allowed, "%s%s", k ? ", " : "", f->aliases[k]);
		for (size_t k = 0; f->names[k]; k++)
			strbuf_addf(&allowed, ", %s", f->names[k]);
		diag_msg(I->d, _("%s: column %s: unknown value \"%s\" (allowed: %s)"), where, header, shown(show, s),
			 allowed.buf);
		strbuf_release(&allowed);
		raw->kind = RAW_INVALID;
		I->bad = 1;
		return;
	case FT_DATE:
		raw->kind = RAW_STRING;
		raw->s = date_cell(&I->pool, s);
		return;
	case FT_REFS:
	case FT_TEXTS:
	case FT_ITEMS:
		list_cell(&I->pool, s, raw);
		for (size_t i = 0; f->type == FT_REFS && i < raw->n; i++)
			warn_spreadsheet_id(raw->list[i], where, header);
		return;
	case FT_ID:
	case FT_REF:
		warn_spreadsheet_id(s, where, header);
		raw->kind = RAW_STRING;
		raw->s = pool_strdup(&I->pool, s);
		return;
	case FT_NAME:
	case FT_TEXT:
		raw->kind = RAW_STRING;
		raw->s = one_line(&I->pool, s);
		return;
	default:
		raw->kind = RAW_STRING;
		raw->s = pool_strdup(&I->pool, s);
	}
}

/* ---- files ---- */

/* Where the ledger `name` is: in the folder, or the given file with that name. */
static char *path_of(const struct importer *I, const char *name)
{
	if (I->dir) {
		size_t n = strlen(I->dir);
		while (n > 1 && I->dir[n - 1] == '/')
			n--;
		return xasprintf("%.*s/%s", (int)n, I->dir, name);
	}
	for (size_t i = 0; i < I->n_files; i++) {
		const char *base = strrchr(I->files[i], '/');
		if (!strcmp(base ? base + 1 : I->files[i], name))
			return xstrdup(I->files[i]);
	}
	return xstrdup(name); /* absent: reported or skipped as for a folder */
}

static int add_ledger(struct importer *I, char *path, int header_line, const int *columns, struct csv_table *t)
{
	struct ledger *l = &I->ledgers[I->n_ledgers];
	memset(l, 0, sizeof(*l));
	l->path = path;
	l->header_line = header_line;
	l->columns = columns;
	for (size_t k = 0; k < FIELDS_MAX; k++)
		l->field_col[k] = -1;
	t->name = l->path;
	return (int)I->n_ledgers++;
}

/*
** The ledger `name` (devices.csv) from the workbook: the sheet named after
** the file (devices), the ledger's title (機器台帳) or the title's part
** before its parenthesis (医療機関 for 医療機関（1行）); the matrix is
** "matrix" or 責任分界表. The table moves from the book to t.
*/
static int open_sheet(struct importer *I, const char *name, int required, struct csv_table *t)
{
	char stem[64], title[128] = "";
	snprintf(stem, sizeof(stem), "%.*s", (int)strcspn(name, "."), name);
	for (const struct entity *e = entities; e->fields; e++)
		if (!strcmp(e->file, name))
			snprintf(title, sizeof(title), "%s", e->title);
	if (!strcmp(name, CSV_MATRIX_FILE))
		snprintf(title, sizeof(title), "%s", XLSX_MATRIX_SHEET);
	char short_title[128];
	snprintf(short_title, sizeof(short_title), "%.*s", (int)sheet_name_len(title), title);
	const char *names[] = { stem, title, short_title, NULL };
	size_t before = I->d->count;
	struct xlsx_sheet *sh = xlsx_book_sheet(I->book, names);
	if (!sh) {
		if (I->d->count != before) {
			I->bad = I->unreadable = 1;
		} else if (required) {
			diag_msg(I->d, _("%s: no sheet %s (or %s): a workbook needs it (run `bunkai template FILE.xlsx`)"),
				 I->book->name, stem, short_title);
			I->bad = 1;
		}
		return -1;
	}
	if (I->n_ledgers == LEDGERS_MAX) {
		I->bad = I->unreadable = 1;
		return -1;
	}
	*t = sh->table;
	memset(&sh->table, 0, sizeof(sh->table)); /* t owns it now */
	return add_ledger(I, xasprintf("%s: %s", I->book->name, sh->name), sh->header_row, sh->columns, t);
}

/* Read the ledger `name` into t; returns its index in I->ledgers, or -1 when
   it is absent (reported if required) or unreadable (reported). */
static int open_ledger(struct importer *I, const char *name, int required, struct csv_table *t)
{
	if (I->book)
		return open_sheet(I, name, required, t);
	char *path = path_of(I, name);
	struct stat st;
	if (stat(path, &st) != 0) {
		if (required) {
			diag_msg(I->d, _("%s: missing: the folder needs %s (run `bunkai template DIR`)"), path, name);
			I->bad = 1;
		}
		free(path);
		return -1;
	}
	char *bytes = NULL;
	size_t len = 0;
	int failed = read_input(path, &bytes, &len);
	if (failed) {
		I->d->io_failed |= failed == EXIT_FAILURE_IO;
		I->bad = I->unreadable = 1;
		free(path);
		return -1;
	}
	if (I->on_file)
		I->on_file(I->on_file_ctx, name, bytes, len);
	int rc = csv_table_parse(t, path, bytes, len, I->enc, I->d);
	free(bytes);
	if (rc < 0 || I->n_ledgers == LEDGERS_MAX) {
		I->bad = I->unreadable = 1;
		free(path);
		return -1;
	}
	return add_ledger(I, path, 1, NULL, t);
}

/* The field of each header cell; NULL for an unknown one (reported). */
static const struct field **map_header(struct importer *I, const struct entity *e, const struct csv_table *t,
				       struct ledger *l)
{
	char show[SHOWN_SIZE];
	const struct field **map = xcalloc(t->n_header + 1, sizeof(*map));
	for (size_t i = 0; i < t->n_header; i++) {
		if (!t->header[i][0])
			continue; /* a column without a header: its cells must be empty (read_ledger) */
		for (size_t k = 0; k < e->n_fields && !map[i]; k++)
			if (!strcmp(e->fields[k].key, t->header[i]) || !strcmp(e->fields[k].ja, t->header[i]))
				map[i] = &e->fields[k];
		if (!map[i]) {
			struct strbuf allowed = STRBUF_INIT;
			for (size_t k = 0; k < e->n_fields; k++)
				strbuf_addf(&allowed, "%s%s (%s)", k ? ", " : "", e->fields[k].ja, e->fields[k].key);
			char where[512];
			diag_msg(I->d, _("%s: unknown column \"%s\" (allowed: %s)"),
				 at(l, l->header_line, (int)i, where, sizeof(where)), shown(show, t->header[i]), allowed.buf);
			strbuf_release(&allowed);
			I->bad = 1;
			continue;
		}
		for (size_t k = 0; k < i; k++)
			if (map[k] == map[i]) {
				char where[512];
				diag_msg(I->d, _("%s: column \"%s\" appears twice"), at(l, l->header_line, (int)i, where, sizeof(where)),
					 shown(show, t->header[i]));
				I->bad = 1;
			}
		size_t fi = (size_t)(map[i] - e->fields);
		if (!l->headers[fi]) {
			l->headers[fi] = pool_strdup(&I->pool, t->header[i]);
			l->field_col[fi] = (int)i;
		}
	}
	return map;
}

static struct record *add_record(struct importer *I, size_t ei, int ledger, int line)
{
	struct records *rs = &I->records[ei];
	rs->v = xgrow(rs->v, &rs->cap, rs->n + 1, sizeof(*rs->v));
	struct record *r = &rs->v[rs->n++];
	memset(r, 0, sizeof(*r));
	r->line = line;
	r->ledger = (unsigned char)ledger;
	return r;
}

/* A value under a header cell left empty (a spreadsheet's spare column is
   fine while it is empty). */
static void no_header(struct importer *I, const struct ledger *l, int line, int col, const char *value)
{
	char where[512], show[SHOWN_SIZE];
	diag_msg(I->d, _("%s: \"%s\" is in a column without a header"), at(l, line, col, where, sizeof(where)),
		 shown(show, value));
	I->bad = 1;
}

/* Pass 1 for one entity's ledger: every row into a record. */
static void read_ledger(struct importer *I, const struct entity *e)
{
	size_t ei = (size_t)(e - entities);
	struct csv_table t;
	int li = open_ledger(I, e->file, !e->array, &t);
	if (li < 0)
		return;
	struct ledger *l = &I->ledgers[li];
	const struct field **map = map_header(I, e, &t, l);
	if (!e->array && t.n_rows != 1) {
		diag_msg(I->d, _("%s: expected exactly one row (the organization), got %zu"), l->path, t.n_rows);
		I->bad = 1;
	}
	size_t rows = e->array ? t.n_rows : t.n_rows > 0;
	for (size_t r = 0; r < rows; r++) {
		const struct csv_row *row = &t.rows[r];
		char where[512];
		if (row->n != t.n_header) {
			diag_msg(I->d, _("%s: expected %zu cells as in the header, got %zu"), at(l, row->line, -1, where, sizeof(where)),
				 t.n_header, row->n);
			I->bad = 1;
		}
		struct record *rec = add_record(I, ei, li, row->line);
		for (size_t i = 0; row->number && i < row->n && i < t.n_header; i++)
			if (row->number[i] && map[i] && (map[i]->type == FT_ID || map[i]->type == FT_REF || map[i]->type == FT_REFS))
				warn_number_id(row->cells[i], at(l, row->line, (int)i, where, sizeof(where)), t.header[i]);
		for (size_t i = 0; i < row->n && i < t.n_header; i++)
			if (!t.header[i][0] && row->cells[i][0])
				no_header(I, l, row->line, (int)i, row->cells[i]);
			else if (map[i])
				cell(I, map[i], row->cells[i], at(l, row->line, (int)i, where, sizeof(where)), t.header[i],
				     &rec->raw[map[i] - e->fields]);
	}
	free(map);
	csv_table_release(&t);
}

/* ---- the wide 責任分界表 ---- */

static const char *const matrix_ignored[] = { "システム", "区分", "分類", "項目", "分担区分", "指摘", "system_name",
					      "section", "category", "title", "ownership", "gap", NULL };

/* The matrix's per-row columns, copied into each assignment of the row:
   the old layout's 確認日, the new one's 初回確認, 初回確認日, 完了日 (SPEC 9.3). */
static const struct {
	const char *ja, *field; /* the field's key is the English header */
} matrix_row_columns[] = {
	{ "確認日", "confirmed" },
	{ "初回確認", "first_check" },
	{ "初回確認日", "first_check_date" },
	{ "完了日", "completed" },
};
enum { MATRIX_ROW_COLUMNS = sizeof(matrix_row_columns) / sizeof(*matrix_row_columns) };

/* Pass 1 for matrix.csv: every ○/△ into an assignment record. */
static void read_matrix(struct importer *I)
{
	const struct entity *e = entity_by_array("assignments");
	size_t ei = (size_t)(e - entities);
	const struct field *item = entity_field(e, "item"), *system = entity_field(e, "system");
	char show[SHOWN_SIZE];
	struct csv_table t;
	int li = open_ledger(I, CSV_MATRIX_FILE, 0, &t);
	if (li < 0)
		return;
	struct ledger *l = &I->ledgers[li];
	/* Which column is what; every other column is a party. */
	int sys = -1, itm = -1, rowcol[MATRIX_ROW_COLUMNS];
	for (size_t k = 0; k < MATRIX_ROW_COLUMNS; k++)
		rowcol[k] = -1;
	const char **party = xcalloc(t.n_header + 1, sizeof(*party));
	for (size_t i = 0; i < t.n_header; i++) {
		const char *h = t.header[i];
		int ignored = 0;
		for (size_t k = 0; matrix_ignored[k]; k++)
			ignored |= !strcmp(h, matrix_ignored[k]);
		size_t k = 0;
		while (k < MATRIX_ROW_COLUMNS && strcmp(h, matrix_row_columns[k].ja) && strcmp(h, matrix_row_columns[k].field))
			k++;
		if (!strcmp(h, "システムID") || !strcmp(h, "system"))
			sys = (int)i;
		else if (!strcmp(h, "項番") || !strcmp(h, "item"))
			itm = (int)i;
		else if (k < MATRIX_ROW_COLUMNS)
			rowcol[k] = (int)i;
		else if (!ignored && h[0]) {
			/* "さくら総合病院 (sakura)" names the party by the id in parentheses. */
			const char *open = strrchr(h, '(');
			size_t n = strlen(h);
			party[i] = open && n && h[n - 1] == ')' ? pool_strndup(&I->pool, open + 1, (size_t)(h + n - 1 - (open + 1)))
								: pool_strdup(&I->pool, h);
		}
	}
	if (sys >= 0) {
		l->headers[system - e->fields] = pool_strdup(&I->pool, t.header[sys]);
		l->field_col[system - e->fields] = sys;
	}
	if (itm >= 0) {
		l->headers[item - e->fields] = pool_strdup(&I->pool, t.header[itm]);
		l->field_col[item - e->fields] = itm;
	}
	for (size_t k = 0; k < MATRIX_ROW_COLUMNS; k++)
		if (rowcol[k] >= 0) {
			size_t fi = (size_t)(entity_field(e, matrix_row_columns[k].field) - e->fields);
			l->headers[fi] = pool_strdup(&I->pool, t.header[rowcol[k]]);
			l->field_col[fi] = rowcol[k];
		}
	char where[512];
	if (itm < 0) {
		diag_msg(I->d, _("%s: no 項番 (item) column"), at(l, l->header_line, -1, where, sizeof(where)));
		I->bad = 1;
	}
	for (size_t r = 0; itm >= 0 && r < t.n_rows; r++) {
		const struct csv_row *row = &t.rows[r];
		if (row->n != t.n_header) {
			diag_msg(I->d, _("%s: expected %zu cells as in the header, got %zu"), at(l, row->line, -1, where, sizeof(where)),
				 t.n_header, row->n);
			I->bad = 1;
			continue;
		}
		for (size_t i = 0; i < row->n; i++) {
			const char *c = row->cells[i];
			if (!t.header[i][0] && c[0])
				no_header(I, l, row->line, (int)i, c);
			if (!party[i] || !c[0])
				continue;
			const char *role = !strcmp(c, "○") || !strcmp(c, "◯") || !strcmp(c, "〇") ? "lead"
					 : !strcmp(c, "△") ? "support" : NULL;
			if (!role) {
				diag_msg(I->d, _("%s: column %s: \"%s\" is not ○ (lead) or △ (support)"),
					 at(l, row->line, (int)i, where, sizeof(where)), t.header[i], shown(show, c));
				I->bad = 1;
				continue;
			}
			struct record *rec = add_record(I, ei, li, row->line);
			rec->party_header = pool_strdup(&I->pool, t.header[i]);
			rec->party_col = (int)i;
			struct raw *raw = rec->raw;
			raw[item - e->fields] = (struct raw){ .kind = RAW_STRING, .s = pool_strdup(&I->pool, row->cells[itm]) };
			if (sys >= 0 && row->cells[sys][0])
				raw[system - e->fields] = (struct raw){ .kind = RAW_STRING, .s = pool_strdup(&I->pool, row->cells[sys]) };
			raw[entity_field(e, "party") - e->fields] = (struct raw){ .kind = RAW_STRING, .s = party[i] };
			raw[entity_field(e, "role") - e->fields] = (struct raw){ .kind = RAW_STRING, .s = role };
			for (size_t k = 0; k < MATRIX_ROW_COLUMNS; k++)
				if (rowcol[k] >= 0) {
					const struct field *f = entity_field(e, matrix_row_columns[k].field);
					cell(I, f, row->cells[rowcol[k]], at(l, row->line, rowcol[k], where, sizeof(where)),
					     t.header[rowcol[k]], &raw[f - e->fields]);
				}
		}
	}
	free(party);
	csv_table_release(&t);
}

/* ---- pass 2: the records through the field checks ---- */

static void check_records(struct importer *I, struct inventory *inv, const struct catalog *cat)
{
	struct field_checks fc = { inv, cat, I->d };
	for (const struct entity *e = entities; e->fields; e++) {
		const struct records *rs = &I->records[e - entities];
		if (rs->n > ENTITY_MAX) {
			diag_place(I->d, &(struct place){ e, ARRAY_WHOLE, NULL, -1 },
				   _("more than %d entries (limit, see docs/limits.md)"), ENTITY_MAX);
			continue;
		}
		for (size_t i = 0; i < rs->n; i++) {
			void *obj = entity_push(inv, e);
			for (size_t k = 0; k < e->n_fields; k++)
				field_set(&fc, e, (long)i, &e->fields[k], obj, &rs->v[i].raw[k]);
			entity_finish(&fc, e, (long)i, obj);
		}
	}
}

int inventory_load_csv(struct inventory *inv, const struct catalog *cat, const struct csv_source *src,
		       struct diag *d)
{
	struct importer *I = xcalloc(1, sizeof(*I));
	I->book = src->book;
	I->dir = src->dir;
	I->files = src->files;
	I->n_files = src->n_files;
	I->enc = (enum csv_encoding)src->encoding;
	I->d = d;
	I->on_file = src->on_file;
	I->on_file_ctx = src->ctx;
	for (const struct entity *e = entities; e->fields; e++)
		read_ledger(I, e);
	read_matrix(I);
	size_t before = d->count;
	/* Go on to the value and reference checks even after a bad cell, so that
	   one run reports every problem; only without the organization, or with
	   a file that could not be read, is there nothing to check against. */
	if (I->records[0].n && !I->unreadable) {
		d->locate = locate;
		d->locate_ctx = I;
		check_records(I, inv, cat);
		inventory_validate(inv, d);
		d->locate = NULL;
		d->locate_ctx = NULL;
	}
	int rc = I->bad || d->count != before ? -1 : 0;
	for (size_t i = 0; i < I->n_ledgers; i++)
		free(I->ledgers[i].path);
	for (size_t i = 0; i < ENTITIES_MAX; i++)
		free(I->records[i].v);
	pool_release(&I->pool);
	free(I);
	return rc;
}

int is_directory(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}
