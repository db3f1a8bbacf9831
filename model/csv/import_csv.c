/*
** An inventory from a folder of CSV files (docs/csv-import.md).
**
** The files are converted into the JSON form of the inventory and handed to
** the JSON loader, so both routes accept exactly the same values and report
** them in the same words; a translator turns each JSON path of a message back
** into the cell the user wrote ("devices.csv:57: column 機器種別").
*/
#include <cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "model/csv/csv_layout.h"
#include "model/csv/csv_table.h"
#include "model/load.h"
#include "model/util/strbuf.h"
#include "model/util/textcheck.h"
#include "model/util/xalloc.h"

/* Where each converted entity came from. */
struct origin_array {
	const char *array;    /* "devices" */
	int *lines;           /* per entity, owned */
	unsigned char *files; /* per entity, index into origin.paths (assignments come from two files) */
	size_t n, cap, fcap, pcap;
	char *headers[16];    /* per layout column, the header as written (owned, or NULL) */
	const struct csv_file *layout;
	char **party_headers; /* matrix.csv: per assignment from it, the party column (owned) */
};

struct origin {
	struct origin_array arrays[16];
	size_t n;
	char *paths[16]; /* the files read, owned */
	size_t n_paths;
	char *org_file;
	int org_line;
	char *org_headers[16]; /* organization.csv's headers as written, per layout column */
};

static struct origin_array *origin_for(struct origin *o, const char *array)
{
	for (size_t i = 0; i < o->n; i++)
		if (!strcmp(o->arrays[i].array, array))
			return &o->arrays[i];
	return NULL;
}

/* The index of a file's path in o->paths, added on first use. */
static unsigned char path_index(struct origin *o, const char *path)
{
	for (size_t i = 0; i < o->n_paths; i++)
		if (!strcmp(o->paths[i], path))
			return (unsigned char)i;
	o->paths[o->n_paths] = xstrdup(path);
	return (unsigned char)o->n_paths++;
}

static void origin_add(struct origin *o, struct origin_array *a, const char *path, int line)
{
	a->lines = xgrow(a->lines, &a->cap, a->n + 1, sizeof(*a->lines));
	a->files = xgrow(a->files, &a->fcap, a->n + 1, sizeof(*a->files));
	a->files[a->n] = path_index(o, path);
	a->lines[a->n++] = line;
}

/* The diag translator: "$.devices[3].type[0]" -> "dir/devices.csv:57: column 機器種別". */
static const char *where(void *ctx, const char *path, char *buf, size_t size)
{
	struct origin *o = ctx;
	char array[32], key[32] = "";
	size_t index = 0;
	int n = 0;
	if (!strncmp(path, "$.organization", 14) || !strcmp(path, "$") || !strncmp(path, "$.as_of", 7)) {
		if (!o->org_file)
			return NULL;
		const char *k = !strncmp(path, "$.as_of", 7) ? "as_of" : !strncmp(path, "$.organization.", 15) ? path + 15 : NULL;
		int c = k ? csv_column_index(&csv_files[0], k) : -1;
		if (c >= 0)
			snprintf(buf, size, "%s:%d: column %s", o->org_file, o->org_line,
				 o->org_headers[c] ? o->org_headers[c] : csv_files[0].cols[c].ja);
		else
			snprintf(buf, size, "%s:%d", o->org_file, o->org_line);
		return buf;
	}
	if (sscanf(path, "$.%31[a-z_][%zu]%n", array, &index, &n) != 2) {
		/* A whole array: its entry limit. Name the first row beyond it. */
		struct origin_array *all = sscanf(path, "$.%31[a-z_]%n", array, &n) == 1 && !path[n] ? origin_for(o, array) : NULL;
		if (!all || all->n <= ENTITY_MAX)
			return NULL;
		snprintf(buf, size, "%s:%d", o->paths[all->files[ENTITY_MAX]], all->lines[ENTITY_MAX]);
		return buf;
	}
	sscanf(path + n, ".%31[a-z_]", key);
	struct origin_array *a = origin_for(o, array);
	if (!a || index >= a->n)
		return NULL;
	const char *header = NULL;
	if (index < a->pcap && a->party_headers[index] && !strcmp(key, "party"))
		header = a->party_headers[index];
	else if (key[0] && a->layout) {
		int c = csv_column_index(a->layout, key);
		header = c >= 0 ? (a->headers[c] ? a->headers[c] : a->layout->cols[c].ja) : NULL;
	}
	const char *file = o->paths[a->files[index]];
	if (header)
		snprintf(buf, size, "%s:%d: column %s", file, a->lines[index], header);
	else
		snprintf(buf, size, "%s:%d", file, a->lines[index]);
	return buf;
}

static void origin_release(struct origin *o)
{
	for (size_t i = 0; i < o->n; i++) {
		struct origin_array *a = &o->arrays[i];
		free(a->lines);
		free(a->files);
		for (size_t k = 0; k < 16; k++)
			free(a->headers[k]);
		for (size_t k = 0; k < a->pcap; k++)
			free(a->party_headers[k]);
		free(a->party_headers);
	}
	free(o->org_file);
	for (size_t k = 0; k < 16; k++)
		free(o->org_headers[k]);
	for (size_t k = 0; k < o->n_paths; k++)
		free(o->paths[k]);
}

/* ---- cell conversion ---- */

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
   loader reports it). Caller frees. */
static char *date_cell(const char *s)
{
	int y, m, d, n = 0;
	char sep1, sep2;
	if (sscanf(s, "%4d%c%2d%c%2d%n", &y, &sep1, &m, &sep2, &d, &n) == 5 && !s[n] && sep1 == sep2 &&
	    (sep1 == '/' || sep1 == '-'))
		return xasprintf("%04d-%02d-%02d", y, m, d);
	return xstrdup(s);
}

/* Split on ';', '、', ',' or '，'; "-" alone is an explicitly empty list. */
static cJSON *list_cell(const char *s)
{
	cJSON *arr = cJSON_CreateArray();
	if (!strcmp(s, "-"))
		return arr;
	struct strbuf cur = STRBUF_INIT;
	for (const char *p = s;; p++) {
		size_t sep = *p == ';' || *p == ',' ? 1 : !strncmp(p, "、", 3) || !strncmp(p, "，", 3) ? 3 : 0;
		if (sep || !*p) {
			char *t = cur.buf ? cur.buf : (char *)"";
			while (*t == ' ')
				t++;
			size_t n = strlen(t);
			while (n && t[n - 1] == ' ')
				t[--n] = '\0';
			if (*t)
				cJSON_AddItemToArray(arr, cJSON_CreateString(t));
			strbuf_reset(&cur);
			if (!*p)
				break;
			p += sep - 1;
			continue;
		}
		strbuf_addch(&cur, *p);
	}
	strbuf_release(&cur);
	return arr;
}

/* The inventory value of an enum cell, given in Japanese or as the value
   itself; NULL if it is neither. */
static const char *enum_cell(const struct csv_column *c, const char *s)
{
	for (size_t i = 0; c->aliases && c->aliases[i]; i += 2)
		if (!strcmp(c->aliases[i], s) || !strcmp(c->aliases[i + 1], s))
			return c->aliases[i + 1];
	return NULL;
}

/* One table of the layout, into JSON objects appended to `out`. */
struct importer {
	const char *dir;          /* a folder; or NULL and: */
	const char *const *files; /* CSV files named by their layout names (devices.csv …) */
	size_t n_files;
	enum csv_encoding enc;
	struct diag *d;
	struct origin *origin;
	cJSON *doc;
	int bad;
	int unreadable; /* a whole file could not be read: its references would all fail */
};

/* Where the layout's file is: in the folder, or the given file with that name. */
static char *path_of(const struct importer *I, const char *file)
{
	if (I->dir) {
		size_t n = strlen(I->dir);
		while (n > 1 && I->dir[n - 1] == '/')
			n--;
		return xasprintf("%.*s/%s", (int)n, I->dir, file);
	}
	for (size_t i = 0; i < I->n_files; i++) {
		const char *base = strrchr(I->files[i], '/');
		if (!strcmp(base ? base + 1 : I->files[i], file))
			return xstrdup(I->files[i]);
	}
	return xasprintf("%s", file); /* absent: reported or skipped as for a folder */
}

static int exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

/* Column indexes of the layout per header cell; -1 for unknown (reported). */
static int *map_header(struct importer *I, const struct csv_file *f, const struct csv_table *t)
{
	char show[SHOWN_SIZE];
	int *map = xcalloc(t->n_header + 1, sizeof(*map));
	for (size_t i = 0; i < t->n_header; i++) {
		map[i] = csv_column_index(f, t->header[i]);
		if (map[i] < 0) {
			struct strbuf allowed = STRBUF_INIT;
			for (size_t k = 0; k < f->n_cols; k++)
				strbuf_addf(&allowed, "%s%s (%s)", k ? ", " : "", f->cols[k].ja, f->cols[k].key);
			diag_msg(I->d, "%s:1: unknown column \"%s\" (allowed: %s)", t->name, shown(show, t->header[i]), allowed.buf);
			strbuf_release(&allowed);
			I->bad = 1;
		}
		for (size_t k = 0; k < i; k++)
			if (map[i] >= 0 && map[k] == map[i]) {
				diag_msg(I->d, "%s:1: column \"%s\" appears twice", t->name, shown(show, t->header[i]));
				I->bad = 1;
			}
	}
	return map;
}

static cJSON *row_object(struct importer *I, const struct csv_file *f, const struct csv_table *t, const int *map,
			 const struct csv_row *r)
{
	char show[SHOWN_SIZE];
	if (r->n != t->n_header) {
		diag_msg(I->d, "%s:%d: expected %zu cells as in the header, got %zu", t->name, r->line, t->n_header, r->n);
		I->bad = 1;
	}
	cJSON *o = cJSON_CreateObject();
	for (size_t i = 0; i < r->n && i < t->n_header; i++) {
		if (map[i] < 0 || !r->cells[i][0])
			continue;
		const struct csv_column *c = &f->cols[map[i]];
		const char *s = r->cells[i];
		switch (c->kind) {
		case CK_TEXT:
			cJSON_AddStringToObject(o, c->key, s);
			break;
		case CK_ENUM: {
			const char *v = enum_cell(c, s);
			if (v) {
				cJSON_AddStringToObject(o, c->key, v);
				break;
			}
			struct strbuf allowed = STRBUF_INIT;
			for (size_t k = 0; c->aliases[k]; k += 2)
				strbuf_addf(&allowed, "%s%s", k ? ", " : "", c->aliases[k]);
			for (size_t k = 1; c->aliases[k - 1]; k += 2)
				if (!strstr(allowed.buf, c->aliases[k]))
					strbuf_addf(&allowed, ", %s", c->aliases[k]);
			diag_msg(I->d, "%s:%d: column %s: unknown value \"%s\" (allowed: %s)", t->name, r->line, t->header[i],
				 shown(show, s), allowed.buf);
			strbuf_release(&allowed);
			I->bad = 1;
			break;
		}
		case CK_BOOL: {
			int v;
			if (yes_no(s, &v)) {
				cJSON_AddBoolToObject(o, c->key, v);
			} else {
				diag_msg(I->d, "%s:%d: column %s: \"%s\" is not yes or no (はい/いいえ, true/false, 1/0, ○/×)",
					 t->name, r->line, t->header[i], shown(show, s));
				I->bad = 1;
			}
			break;
		}
		case CK_DATE: {
			char *v = date_cell(s);
			cJSON_AddStringToObject(o, c->key, v);
			free(v);
			break;
		}
		case CK_LIST:
		case CK_ITEMS:
			cJSON_AddItemToObject(o, c->key, list_cell(s));
			break;
		}
	}
	return o;
}

/* Read the layout's file `name` into t; returns its path (caller frees), or
   NULL when it is absent (reported if required) or unreadable (reported). */
static char *open_table(struct importer *I, const char *name, int required, struct csv_table *t)
{
	char *path = path_of(I, name);
	if (!exists(path)) {
		if (required) {
			diag_msg(I->d, "%s: missing: the folder needs %s (run `bunkai template DIR`)", path, name);
			I->bad = 1;
		}
		free(path);
		return NULL;
	}
	if (csv_table_read(t, path, path, I->enc, I->d) < 0) {
		I->bad = I->unreadable = 1;
		free(path);
		return NULL;
	}
	return path;
}

/* The origin record of an array, created on first use. */
static struct origin_array *origin_array(struct importer *I, const char *array, const struct csv_file *layout)
{
	struct origin_array *a = origin_for(I->origin, array);
	if (!a) {
		a = &I->origin->arrays[I->origin->n++];
		memset(a, 0, sizeof(*a));
		a->array = array;
		a->layout = layout;
	}
	return a;
}

static void import_table(struct importer *I, const struct csv_file *f)
{
	struct csv_table t;
	char *path = open_table(I, f->file, !f->array, &t);
	if (!path)
		return;
	int *map = map_header(I, f, &t);
	if (!f->array) {
		if (t.n_rows != 1) {
			diag_msg(I->d, "%s: expected exactly one row (the organization), got %zu", path, t.n_rows);
			I->bad = 1;
		}
		if (t.n_rows) {
			cJSON *o = row_object(I, f, &t, map, &t.rows[0]);
			cJSON *as_of = cJSON_DetachItemFromObjectCaseSensitive(o, "as_of");
			if (as_of)
				cJSON_AddItemToObject(I->doc, "as_of", as_of);
			cJSON_AddItemToObject(I->doc, "organization", o);
			I->origin->org_file = xstrdup(path);
			I->origin->org_line = t.rows[0].line;
			for (size_t i = 0; i < t.n_header; i++)
				if (map[i] >= 0 && map[i] < 16 && !I->origin->org_headers[map[i]])
					I->origin->org_headers[map[i]] = xstrdup(t.header[i]);
		}
	} else {
		struct origin_array *a = origin_array(I, f->array, f);
		for (size_t i = 0; i < t.n_header; i++)
			if (map[i] >= 0 && map[i] < 16 && !a->headers[map[i]])
				a->headers[map[i]] = xstrdup(t.header[i]);
		cJSON *arr = cJSON_GetObjectItemCaseSensitive(I->doc, f->array);
		if (!arr)
			arr = cJSON_AddArrayToObject(I->doc, f->array);
		for (size_t r = 0; r < t.n_rows; r++) {
			cJSON_AddItemToArray(arr, row_object(I, f, &t, map, &t.rows[r]));
			origin_add(I->origin, a, path, t.rows[r].line);
		}
	}
	free(map);
	csv_table_release(&t);
	free(path);
}

/* ---- the wide 責任分界表 ---- */

static const char *const matrix_ignored[] = { "システム", "区分", "分類", "項目", "分担区分", "指摘", "system_name",
					      "section", "category", "title", "ownership", "gap", NULL };

static void import_matrix(struct importer *I)
{
	char show[SHOWN_SIZE];
	struct csv_table t;
	char *path = open_table(I, CSV_MATRIX_FILE, 0, &t);
	if (!path)
		return;
	/* Which column is what; every other column is a party. */
	int sys = -1, item = -1, conf = -1;
	char **party = xcalloc(t.n_header + 1, sizeof(*party));
	for (size_t i = 0; i < t.n_header; i++) {
		const char *h = t.header[i];
		int ignored = 0;
		for (size_t k = 0; matrix_ignored[k]; k++)
			ignored |= !strcmp(h, matrix_ignored[k]);
		if (!strcmp(h, "システムID") || !strcmp(h, "system"))
			sys = (int)i;
		else if (!strcmp(h, "項番") || !strcmp(h, "item"))
			item = (int)i;
		else if (!strcmp(h, "確認日") || !strcmp(h, "confirmed"))
			conf = (int)i;
		else if (!ignored) {
			/* "さくら総合病院 (sakura)" names the party by the id in parentheses. */
			const char *open = strrchr(h, '(');
			size_t n = strlen(h);
			if (open && n && h[n - 1] == ')')
				party[i] = xstrndup(open + 1, (size_t)(h + n - 1 - (open + 1)));
			else
				party[i] = xstrdup(h);
		}
	}
	if (item < 0) {
		diag_msg(I->d, "%s:1: no 項番 (item) column", path);
		I->bad = 1;
	}
	const struct csv_file *layout = csv_files;
	while (layout->file && (!layout->array || strcmp(layout->array, "assignments")))
		layout++;
	struct origin_array *a = origin_array(I, "assignments", layout);
	cJSON *arr = cJSON_GetObjectItemCaseSensitive(I->doc, "assignments");
	if (!arr)
		arr = cJSON_AddArrayToObject(I->doc, "assignments");
	for (size_t r = 0; item >= 0 && r < t.n_rows; r++) {
		const struct csv_row *row = &t.rows[r];
		if (row->n != t.n_header) {
			diag_msg(I->d, "%s:%d: expected %zu cells as in the header, got %zu", path, row->line, t.n_header, row->n);
			I->bad = 1;
			continue;
		}
		for (size_t i = 0; i < row->n; i++) {
			const char *cell = row->cells[i];
			if (!party[i] || !cell[0])
				continue;
			const char *role = !strcmp(cell, "○") || !strcmp(cell, "◯") || !strcmp(cell, "〇") ? "lead"
					 : !strcmp(cell, "△") ? "support" : NULL;
			if (!role) {
				diag_msg(I->d, "%s:%d: column %s: \"%s\" is not ○ (lead) or △ (support)", path, row->line,
					 t.header[i], shown(show, cell));
				I->bad = 1;
				continue;
			}
			cJSON *o = cJSON_CreateObject();
			cJSON_AddStringToObject(o, "item", row->cells[item]);
			if (sys >= 0 && row->cells[sys][0])
				cJSON_AddStringToObject(o, "system", row->cells[sys]);
			cJSON_AddStringToObject(o, "party", party[i]);
			cJSON_AddStringToObject(o, "role", role);
			if (conf >= 0 && row->cells[conf][0]) {
				char *v = date_cell(row->cells[conf]);
				cJSON_AddStringToObject(o, "confirmed", v);
				free(v);
			}
			cJSON_AddItemToArray(arr, o);
			/* Remember which column named the party, for messages. */
			size_t idx = a->n, old = a->pcap;
			origin_add(I->origin, a, path, row->line);
			a->party_headers = xgrow(a->party_headers, &a->pcap, a->n, sizeof(*a->party_headers));
			for (size_t k = old; k < a->pcap; k++)
				a->party_headers[k] = NULL;
			a->party_headers[idx] = xstrdup(t.header[i]);
		}
	}
	for (size_t i = 0; i < t.n_header; i++)
		free(party[i]);
	free(party);
	csv_table_release(&t);
	free(path);
}

static int inventory_csv_to_json(const char *dir, const char *const *files, size_t n_files, enum csv_encoding enc,
				 struct diag *d, char **json, void **origin)
{
	struct origin *o = xcalloc(1, sizeof(*o));
	struct importer I = { dir, files, n_files, enc, d, o, cJSON_CreateObject(), 0, 0 };
	cJSON_AddStringToObject(I.doc, "format", "bunkai-inventory/1");
	for (const struct csv_file *f = csv_files; f->file; f++)
		import_table(&I, f);
	import_matrix(&I);
	/* Go on to the value and reference checks even after a bad cell, so that
	   one run reports every problem; only without the organization is there
	   nothing to check against. */
	*json = o->org_file && !I.unreadable ? cJSON_PrintUnformatted(I.doc) : NULL;
	cJSON_Delete(I.doc);
	*origin = o;
	return I.bad ? -1 : 0;
}

int inventory_load_csv(struct inventory *inv, const struct catalog *cat, const char *dir, const char *const *files,
		       size_t n_files, int enc, struct diag *d)
{
	char *json = NULL;
	void *origin = NULL;
	int rc = inventory_csv_to_json(dir, files, n_files, (enum csv_encoding)enc, d, &json, &origin);
	if (json) {
		d->where = where;
		d->where_ctx = origin;
		if (inventory_load_json(inv, cat, json, strlen(json), d) < 0)
			rc = -1;
		d->where = NULL;
		d->where_ctx = NULL;
	}
	cJSON_free(json);
	origin_release(origin);
	free(origin);
	return rc;
}

int is_directory(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}
