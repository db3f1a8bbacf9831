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
#include "model/util/i18n.h"

enum { FIELDS_MAX = 16, LEDGERS_MAX = 16, ENTITIES_MAX = 16 };

/* A file that was read: its path and its headers as written, per field. */
struct ledger {
	char *path;                       /* owned */
	const char *headers[FIELDS_MAX];  /* in the import's pool, or NULL */
};

/* One element from a row, before the checks. */
struct record {
	struct raw raw[FIELDS_MAX];
	int line;
	unsigned char ledger;
	const char *party_header; /* matrix.csv: the column that named the party */
};

struct records {
	struct record *v;
	size_t n, cap;
};

struct importer {
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
	if (p->f && p->index != ARRAY_WHOLE) {
		size_t fi = (size_t)(p->f - p->e->fields);
		header = r->party_header && !strcmp(p->f->key, "party") ? r->party_header
			 : l->headers[fi]                               ? l->headers[fi]
									 : p->f->ja;
	}
	if (header)
		snprintf(buf, size, "%s:%d: column %s", l->path, r->line, header);
	else
		snprintf(buf, size, "%s:%d", l->path, r->line);
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

/* "2024/4/1" or "2024-4-1" -> "2024-04-01"; anything else unchanged (the
   field check reports it). */
static const char *date_cell(struct pool *pool, const char *s)
{
	int y, m, d, n = 0;
	char sep1, sep2, buf[16];
	if (sscanf(s, "%4d%c%2d%c%2d%n", &y, &sep1, &m, &sep2, &d, &n) == 5 && !s[n] && sep1 == sep2 &&
	    (sep1 == '/' || sep1 == '-')) {
		snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, d);
		return pool_strdup(pool, buf);
	}
	return pool_strdup(pool, s);
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

/* The value of an enum cell, given in Japanese or as the value itself. */
static const char *enum_cell(const struct field *f, const char *s)
{
	for (size_t i = 0; f->aliases[i]; i += 2)
		if (!strcmp(f->aliases[i], s) || !strcmp(f->aliases[i + 1], s))
			return f->aliases[i + 1];
	return NULL;
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
	case FT_TRIBOOL:
		if (yes_no(s, &raw->b)) {
			raw->kind = RAW_BOOL;
		} else {
			diag_msg(I->d, _("%s: column %s: \"%s\" is not yes or no (はい/いいえ, true/false, 1/0, ○/×)"), where,
				 header, shown(show, s));
			raw->kind = RAW_INVALID;
			I->bad = 1;
		}
		return;
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

/* Read the ledger `name` into t; returns its index in I->ledgers, or -1 when
   it is absent (reported if required) or unreadable (reported). */
static int open_ledger(struct importer *I, const char *name, int required, struct csv_table *t)
{
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
	struct ledger *l = &I->ledgers[I->n_ledgers];
	memset(l, 0, sizeof(*l));
	l->path = path;
	t->name = l->path;
	return (int)I->n_ledgers++;
}

/* The field of each header cell; NULL for an unknown one (reported). */
static const struct field **map_header(struct importer *I, const struct entity *e, const struct csv_table *t,
				       struct ledger *l)
{
	char show[SHOWN_SIZE];
	const struct field **map = xcalloc(t->n_header + 1, sizeof(*map));
	for (size_t i = 0; i < t->n_header; i++) {
		for (size_t k = 0; k < e->n_fields && !map[i]; k++)
			if (!strcmp(e->fields[k].key, t->header[i]) || !strcmp(e->fields[k].ja, t->header[i]))
				map[i] = &e->fields[k];
		if (!map[i]) {
			struct strbuf allowed = STRBUF_INIT;
			for (size_t k = 0; k < e->n_fields; k++)
				strbuf_addf(&allowed, "%s%s (%s)", k ? ", " : "", e->fields[k].ja, e->fields[k].key);
			diag_msg(I->d, _("%s:1: unknown column \"%s\" (allowed: %s)"), l->path, shown(show, t->header[i]),
				 allowed.buf);
			strbuf_release(&allowed);
			I->bad = 1;
			continue;
		}
		for (size_t k = 0; k < i; k++)
			if (map[k] == map[i]) {
				diag_msg(I->d, _("%s:1: column \"%s\" appears twice"), l->path, shown(show, t->header[i]));
				I->bad = 1;
			}
		size_t fi = (size_t)(map[i] - e->fields);
		if (!l->headers[fi])
			l->headers[fi] = pool_strdup(&I->pool, t->header[i]);
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
		snprintf(where, sizeof(where), "%s:%d", l->path, row->line);
		if (row->n != t.n_header) {
			diag_msg(I->d, _("%s: expected %zu cells as in the header, got %zu"), where, t.n_header, row->n);
			I->bad = 1;
		}
		struct record *rec = add_record(I, ei, li, row->line);
		for (size_t i = 0; i < row->n && i < t.n_header; i++)
			if (map[i])
				cell(I, map[i], row->cells[i], where, t.header[i], &rec->raw[map[i] - e->fields]);
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
		else if (!ignored) {
			/* "さくら総合病院 (sakura)" names the party by the id in parentheses. */
			const char *open = strrchr(h, '(');
			size_t n = strlen(h);
			party[i] = open && n && h[n - 1] == ')' ? pool_strndup(&I->pool, open + 1, (size_t)(h + n - 1 - (open + 1)))
								: pool_strdup(&I->pool, h);
		}
	}
	if (sys >= 0)
		l->headers[system - e->fields] = pool_strdup(&I->pool, t.header[sys]);
	if (itm >= 0)
		l->headers[item - e->fields] = pool_strdup(&I->pool, t.header[itm]);
	for (size_t k = 0; k < MATRIX_ROW_COLUMNS; k++)
		if (rowcol[k] >= 0)
			l->headers[entity_field(e, matrix_row_columns[k].field) - e->fields] =
				pool_strdup(&I->pool, t.header[rowcol[k]]);
	if (itm < 0) {
		diag_msg(I->d, _("%s:1: no 項番 (item) column"), l->path);
		I->bad = 1;
	}
	for (size_t r = 0; itm >= 0 && r < t.n_rows; r++) {
		const struct csv_row *row = &t.rows[r];
		if (row->n != t.n_header) {
			diag_msg(I->d, _("%s:%d: expected %zu cells as in the header, got %zu"), l->path, row->line, t.n_header,
				 row->n);
			I->bad = 1;
			continue;
		}
		for (size_t i = 0; i < row->n; i++) {
			const char *c = row->cells[i];
			if (!party[i] || !c[0])
				continue;
			const char *role = !strcmp(c, "○") || !strcmp(c, "◯") || !strcmp(c, "〇") ? "lead"
					 : !strcmp(c, "△") ? "support" : NULL;
			if (!role) {
				diag_msg(I->d, _("%s:%d: column %s: \"%s\" is not ○ (lead) or △ (support)"), l->path, row->line,
					 t.header[i], shown(show, c));
				I->bad = 1;
				continue;
			}
			struct record *rec = add_record(I, ei, li, row->line);
			rec->party_header = pool_strdup(&I->pool, t.header[i]);
			struct raw *raw = rec->raw;
			raw[item - e->fields] = (struct raw){ .kind = RAW_STRING, .s = pool_strdup(&I->pool, row->cells[itm]) };
			if (sys >= 0 && row->cells[sys][0])
				raw[system - e->fields] = (struct raw){ .kind = RAW_STRING, .s = pool_strdup(&I->pool, row->cells[sys]) };
			raw[entity_field(e, "party") - e->fields] = (struct raw){ .kind = RAW_STRING, .s = party[i] };
			raw[entity_field(e, "role") - e->fields] = (struct raw){ .kind = RAW_STRING, .s = role };
			for (size_t k = 0; k < MATRIX_ROW_COLUMNS; k++)
				if (rowcol[k] >= 0) {
					char where[512];
					snprintf(where, sizeof(where), "%s:%d", l->path, row->line);
					const struct field *f = entity_field(e, matrix_row_columns[k].field);
					cell(I, f, row->cells[rowcol[k]], where, t.header[rowcol[k]], &raw[f - e->fields]);
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
