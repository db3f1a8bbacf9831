/*
** Reading and writing the 責任分界表.
*/
#include "matrix.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/writers/html.h"
#include "analyzer/writers/markdown.h"
#include "analyzer/writers/paths.h"
#include "model/csv/csv_write.h"
#include "model/db/db.h"
#include "model/util/exit_codes.h"
#include "model/util/idmap.h"
#include "model/util/strbuf.h"
#include "model/util/xalloc.h"
#include "model/util/i18n.h"

static sqlite3_stmt *prepare(sqlite3 *db, const char *sql)
{
	return db_prepare(db, sql, "matrix");
}

/*
** The parties, the organization first, then the vendors of the view in tree
** order: each prime followed by its subcontractors (by their first active
** subcontract), depth first, in inventory order.
*/
struct vendor_row {
	char *id, *name, *prime;
	int placed;
};

static void place(struct matrix *m, struct vendor_row *v, size_t n, size_t i, int depth, size_t *cap)
{
	v[i].placed = 1;
	m->parties = xgrow(m->parties, cap, m->n_parties + 1, sizeof(*m->parties));
	m->parties[m->n_parties++] = (struct matrix_party){ xstrdup(v[i].id), xstrdup(v[i].name), 0, depth };
	for (size_t k = 0; k < n; k++)
		if (!v[k].placed && v[k].prime && !strcmp(v[k].prime, v[i].id))
			place(m, v, n, k, depth + 1, cap);
}

static void read_parties(sqlite3 *db, struct matrix *m)
{
	size_t cap = 0, n = 0, vcap = 0;
	struct vendor_row *v = NULL;
	sqlite3_stmt *st = prepare(db,
		"SELECT p.id, p.name,"
		"       (SELECT s.prime FROM subcontracts s WHERE s.sub = p.id AND s.state = 'active' ORDER BY s.seq LIMIT 1)"
		"  FROM parties p WHERE p.kind = 'vendor' AND ("
		"       p.id IN (SELECT vendor FROM bound WHERE system IN (SELECT id FROM view_systems))"
		"    OR p.id IN (SELECT party FROM claims WHERE valid AND (system IS NULL OR system IN (SELECT id FROM view_systems))))"
		" ORDER BY p.seq");
	while (sqlite3_step(st) == SQLITE_ROW) {
		v = xgrow(v, &vcap, n + 1, sizeof(*v));
		v[n++] = (struct vendor_row){ db_column_dup(st, 0), db_column_dup(st, 1), db_column_dup(st, 2), 0 };
	}
	sqlite3_finalize(st);
	m->parties = xgrow(m->parties, &cap, 1, sizeof(*m->parties));
	m->parties[m->n_parties++] = (struct matrix_party){ xstrdup(m->org_id), xstrdup(m->org_name), 1, 0 };
	/* Roots: vendors whose prime is not among the listed vendors. */
	for (size_t i = 0; i < n; i++) {
		int has_prime = 0;
		for (size_t k = 0; v[i].prime && k < n; k++)
			has_prime |= !strcmp(v[k].id, v[i].prime);
		if (!has_prime && !v[i].placed)
			place(m, v, n, i, 0, &cap);
	}
	for (size_t i = 0; i < n; i++) {
		if (!v[i].placed) /* unreachable: subcontract chains are acyclic */
			place(m, v, n, i, 0, &cap);
		free(v[i].id);
		free(v[i].name);
		free(v[i].prime);
	}
	free(v);
}

/* A party's column, by id (a row asks for each of its parties; 300
   vendors and 30,000 rows at 100,000 devices). */
static int party_index(const struct idmap *columns, const char *id)
{
	const struct idref *r = idmap_get(columns, id);
	return r ? (int)r->index : -1;
}

/*
** The ownership category of a row, after CSA CCM's shared-responsibility
** model: who leads, and whether the other side takes part.
*/
static const char *ownership(const struct matrix *m, const struct matrix_row *r, sqlite3_stmt *sub_only)
{
	int org_lead = 0, vendor_lead = 0, sub_lead = 0, org_support = 0, vendor_support = 0;
	for (size_t p = 0; p < m->n_parties; p++) {
		char c = r->cells[p];
		if (c == ' ')
			continue;
		if (m->parties[p].is_org) {
			org_lead |= c == 'L';
			org_support |= c == 'S';
			continue;
		}
		vendor_support |= c == 'S';
		if (c != 'L')
			continue;
		vendor_lead = 1;
		/* A vendor bound to the system only through subcontracts. */
		if (r->system) {
			sqlite3_bind_text(sub_only, 1, m->parties[p].id, -1, SQLITE_STATIC);
			sqlite3_bind_text(sub_only, 2, r->system, -1, SQLITE_STATIC);
			if (sqlite3_step(sub_only) == SQLITE_ROW && sqlite3_column_int(sub_only, 0))
				sub_lead = 1;
			sqlite3_reset(sub_only);
		}
	}
	if (!org_lead && !vendor_lead)
		return "未割当";
	if ((org_lead && (vendor_lead || vendor_support)) || (vendor_lead && org_support))
		return "共同";
	if (org_lead)
		return "医療機関";
	return sub_lead ? "再委託先が実施" : "事業者";
}

int matrix_read(sqlite3 *db, struct matrix *m, int with_paths)
{
	memset(m, 0, sizeof(*m));
	sqlite3_stmt *st = prepare(db, "SELECT (SELECT value FROM meta WHERE key = 'organization'),"
				       " (SELECT value FROM meta WHERE key = 'organization_name'),"
				       " (SELECT value FROM meta WHERE key = 'as_of')");
	if (sqlite3_step(st) == SQLITE_ROW) {
		m->org_id = db_column_dup(st, 0);
		m->org_name = db_column_dup(st, 1);
		m->as_of = db_column_dup(st, 2);
	}
	sqlite3_finalize(st);
	read_parties(db, m);
	struct idmap columns;
	idmap_init(&columns, m->n_parties);
	for (size_t i = 0; i < m->n_parties; i++)
		idmap_put(&columns, m->parties[i].id, ID_PARTY, i);

	/* The organization item only in an unnarrowed view (as the summary counts). */
	st = prepare(db,
		"SELECT a.system, s.name, a.item, i.section, i.category, i.title, a.leads,"
		"       CASE c.check_answer WHEN 'yes' THEN 'はい' WHEN 'no' THEN 'いいえ' END, c.check_date, c.completed"
		"  FROM applicable a JOIN items i ON i.id = a.item LEFT JOIN systems s ON s.id = a.system"
		"  LEFT JOIN claims c ON c.rowid = (SELECT x.rowid FROM claims x"
		"        WHERE x.item = a.item AND x.system IS a.system AND x.valid AND x.role = 'lead' AND x.checked"
		"        ORDER BY x.check_answer = 'no' AND (x.completed IS NULL OR x.completed > "
		"                 (SELECT value FROM meta WHERE key = 'as_of')) DESC, x.check_date DESC LIMIT 1)"
		" WHERE a.system IN (SELECT id FROM view_systems)"
		"    OR (a.system IS NULL AND (SELECT count(*) FROM view_systems) = (SELECT count(*) FROM systems)"
		"        AND NOT EXISTS (SELECT 1 FROM view_vendors))"
		" ORDER BY s.seq NULLS FIRST, i.seq");
	sqlite3_stmt *cells = prepare(db,
		"SELECT party, max(role = 'lead') FROM claims"
		" WHERE valid AND item = ? AND system IS ? GROUP BY party");
	sqlite3_stmt *sub_only = prepare(db,
		"SELECT count(*) > 0 AND sum(kind = 'contract') = 0 FROM binding WHERE vendor = ? AND system = ?");
	size_t cap = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		m->rows = xgrow(m->rows, &cap, m->n_rows + 1, sizeof(*m->rows));
		struct matrix_row *r = &m->rows[m->n_rows++];
		r->system = db_column_dup(st, 0);
		r->system_name = db_column_dup(st, 1);
		r->item = db_column_dup(st, 2);
		r->section = db_column_dup(st, 3);
		r->category = db_column_dup(st, 4);
		r->title = db_column_dup(st, 5);
		int leads = sqlite3_column_int(st, 6);
		r->first_check = db_column_dup(st, 7);
		r->first_check_date = db_column_dup(st, 8);
		r->completed = db_column_dup(st, 9);
		r->gap = leads == 0 ? GAP_UNOWNED : leads > 1 ? GAP_CONFLICTING : GAP_NONE;
		r->cells = xmalloc(m->n_parties + 1);
		memset(r->cells, ' ', m->n_parties);
		r->cells[m->n_parties] = '\0';
		sqlite3_bind_text(cells, 1, r->item, -1, SQLITE_STATIC);
		if (r->system)
			sqlite3_bind_text(cells, 2, r->system, -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(cells, 2);
		while (sqlite3_step(cells) == SQLITE_ROW) {
			int p = party_index(&columns, (const char *)sqlite3_column_text(cells, 0));
			if (p >= 0)
				r->cells[p] = sqlite3_column_int(cells, 1) ? 'L' : 'S';
		}
		sqlite3_reset(cells);
		r->ownership = ownership(m, r, sub_only);
	}
	sqlite3_finalize(st);
	sqlite3_finalize(cells);
	sqlite3_finalize(sub_only);
	idmap_release(&columns);
	if (with_paths)
		paths_read(db, &m->paths, &m->n_paths);
	return 0;
}

void matrix_release(struct matrix *m)
{
	paths_release(m->paths, m->n_paths);
	for (size_t i = 0; i < m->n_parties; i++) {
		free(m->parties[i].id);
		free(m->parties[i].name);
	}
	free(m->parties);
	for (size_t i = 0; i < m->n_rows; i++) {
		struct matrix_row *r = &m->rows[i];
		free(r->system);
		free(r->system_name);
		free(r->item);
		free(r->section);
		free(r->category);
		free(r->title);
		free(r->cells);
		free(r->first_check);
		free(r->first_check_date);
		free(r->completed);
	}
	free(m->rows);
	free(m->org_id);
	free(m->org_name);
	free(m->as_of);
	memset(m, 0, sizeof(*m));
}

int matrix_shows(const struct matrix *m, size_t from, size_t to, size_t p)
{
	if (m->parties[p].is_org)
		return 1;
	for (size_t i = from; i < to; i++)
		if (m->rows[i].cells[p] != ' ')
			return 1;
	return 0;
}

const char *matrix_mark(char cell)
{
	return cell == 'L' ? "○" : cell == 'S' ? "△" : "";
}

static const char *gap_label(enum matrix_gap g)
{
	return g == GAP_UNOWNED ? _("unowned (未割当)") : g == GAP_CONFLICTING ? _("conflicting (重複)") : "";
}

/* The spreadsheet's columns: the form's names in both languages, since
   import reads them back (docs/matrix.md). */
const char *const matrix_head[MATRIX_HEAD_COLS] = { "システムID", "システム", "区分", "項番", "分類", "項目" };
const char *const matrix_tail[MATRIX_TAIL_COLS] = { "初回確認", "初回確認日", "完了日", "分担区分", "指摘" };

void matrix_row_head(const struct matrix_row *r, const char *out[MATRIX_HEAD_COLS])
{
	const char *v[MATRIX_HEAD_COLS] = { r->system ? r->system : "",
					    r->system ? r->system_name : _("organization (組織全体)"),
					    r->section, r->item, r->category, r->title };
	memcpy(out, v, sizeof(v));
}

void matrix_row_tail(const struct matrix_row *r, const char *out[MATRIX_TAIL_COLS])
{
	const char *v[MATRIX_TAIL_COLS] = { r->first_check, r->first_check_date, r->completed, r->ownership,
					    gap_label(r->gap) };
	memcpy(out, v, sizeof(v));
}

size_t matrix_block_end(const struct matrix *m, size_t from)
{
	size_t to = from + 1;
	const char *sys = m->rows[from].system;
	while (to < m->n_rows && ((!sys && !m->rows[to].system) ||
				  (sys && m->rows[to].system && !strcmp(sys, m->rows[to].system))))
		to++;
	return to;
}

/* ---- CSV: one table, a column per party, for Excel ---- */

void matrix_csv(FILE *fp, const struct matrix *m)
{
	csv_bom(fp);
	for (size_t i = 0; i < MATRIX_HEAD_COLS; i++)
		csv_field(fp, matrix_head[i], i == 0);
	for (size_t p = 0; p < m->n_parties; p++) {
		char *h = xasprintf("%s (%s)", m->parties[p].name, m->parties[p].id);
		csv_field(fp, h, 0);
		free(h);
	}
	for (size_t i = 0; i < MATRIX_TAIL_COLS; i++)
		csv_field(fp, matrix_tail[i], 0);
	csv_end(fp);
	for (size_t i = 0; i < m->n_rows; i++) {
		const struct matrix_row *r = &m->rows[i];
		const char *head[MATRIX_HEAD_COLS], *tail[MATRIX_TAIL_COLS];
		matrix_row_head(r, head);
		matrix_row_tail(r, tail);
		for (size_t k = 0; k < MATRIX_HEAD_COLS; k++)
			csv_field(fp, head[k], k == 0);
		for (size_t p = 0; p < m->n_parties; p++)
			csv_field(fp, matrix_mark(r->cells[p]), 0);
		for (size_t k = 0; k < MATRIX_TAIL_COLS; k++)
			csv_field(fp, tail[k], 0);
		csv_end(fp);
	}
}

/* ---- Markdown: a table per system ---- */

void matrix_md(FILE *fp, const struct matrix *m)
{
	fputs("# 責任分界表: ", fp);
	md_text(fp, m->org_name);
	fprintf(fp, _("\n\nAs of %s. ○ lead (主担当), △ support (協力).\n"), m->as_of);
	for (size_t from = 0; from < m->n_rows;) {
		size_t to = matrix_block_end(m, from);
		const struct matrix_row *first = &m->rows[from];
		fputs("\n## ", fp);
		if (first->system) {
			md_text(fp, first->system_name);
			fputs(" (", fp);
			md_text(fp, first->system);
			fputs(")", fp);
		} else {
			fputs(_("organization (組織全体)"), fp);
		}
		fputs("\n\n| 項番 | 分類 | 項目 |", fp);
		for (size_t p = 0; p < m->n_parties; p++)
			if (matrix_shows(m, from, to, p)) {
				fputc(' ', fp);
				md_text(fp, m->parties[p].name);
				fputs(" |", fp);
			}
		fputs(" 初回確認 | 完了日 | 分担区分 | 指摘 |\n| --- | --- | --- |", fp);
		for (size_t p = 0; p < m->n_parties; p++)
			if (matrix_shows(m, from, to, p))
				fputs(" :-: |", fp);
		fputs(" --- | --- | --- | --- |\n", fp);
		for (size_t i = from; i < to; i++) {
			const struct matrix_row *r = &m->rows[i];
			fprintf(fp, "| %s | ", r->item);
			md_text(fp, r->category);
			fputs(" | ", fp);
			md_text(fp, r->title);
			fputs(" |", fp);
			for (size_t p = 0; p < m->n_parties; p++)
				if (matrix_shows(m, from, to, p))
					fprintf(fp, " %s |", matrix_mark(r->cells[p]));
			fprintf(fp, " %s%s%s | %s | %s | %s%s%s |\n", r->first_check ? r->first_check : "",
				r->first_check_date ? " " : "", r->first_check_date ? r->first_check_date : "",
				r->completed ? r->completed : "", r->ownership, r->gap ? "**" : "", gap_label(r->gap),
				r->gap ? "**" : "");
		}
		from = to;
	}
	paths_md(fp, m->paths, m->n_paths);
}

/* ---- HTML ---- */

size_t matrix_html_tables(FILE *fp, const struct matrix *m, size_t max_tables)
{
	size_t tables = 0, left = 0;
	for (size_t from = 0; from < m->n_rows;) {
		size_t to = matrix_block_end(m, from);
		if (tables++ == max_tables || left) {
			left++;
			from = to;
			continue;
		}
		const struct matrix_row *first = &m->rows[from];
		fputs("<h3>", fp);
		if (first->system) {
			html_text(fp, first->system_name);
			fputs(" <code>", fp);
			html_text(fp, first->system);
			fputs("</code>", fp);
		} else {
			fputs(_("organization (組織全体)"), fp);
		}
		fputs("</h3>\n<table class=\"matrix\">\n<thead><tr><th>項番</th><th>分類</th><th>項目</th>", fp);
		for (size_t p = 0; p < m->n_parties; p++)
			if (matrix_shows(m, from, to, p)) {
				fputs("<th class=\"party\">", fp);
				html_text(fp, m->parties[p].name);
				fputs("<br/><code>", fp);
				html_text(fp, m->parties[p].id);
				fputs("</code></th>", fp);
			}
		fputs("<th>初回確認</th><th>完了日</th><th>分担区分</th><th>指摘</th></tr></thead>\n<tbody>\n", fp);
		for (size_t i = from; i < to; i++) {
			const struct matrix_row *r = &m->rows[i];
			fprintf(fp, "<tr%s><td>%s</td><td>", r->gap == GAP_UNOWNED ? " class=\"unowned\""
							    : r->gap == GAP_CONFLICTING ? " class=\"conflicting\"" : "",
				r->item);
			html_text(fp, r->category);
			fputs("</td><td>", fp);
			html_text(fp, r->title);
			fputs("</td>", fp);
			for (size_t p = 0; p < m->n_parties; p++)
				if (matrix_shows(m, from, to, p))
					fprintf(fp, "<td class=\"cell\">%s</td>", matrix_mark(r->cells[p]));
			fputs("<td>", fp);
			html_text(fp, r->first_check);
			if (r->first_check_date) {
				fputs(" ", fp);
				html_text(fp, r->first_check_date);
			}
			fputs("</td><td>", fp);
			html_text(fp, r->completed);
			fprintf(fp, "</td><td>%s</td><td>%s</td></tr>\n", r->ownership, gap_label(r->gap));
		}
		fputs("</tbody>\n</table>\n", fp);
		from = to;
	}
	return left;
}

void matrix_html(FILE *fp, const struct matrix *m)
{
	fprintf(fp, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>責任分界表 — ", i18n_lang());
	html_text(fp, m->org_name);
	fputs("</title>\n<style>\n"
	      "body{font-family:\"Noto Sans CJK JP\",\"Hiragino Sans\",\"Yu Gothic\",sans-serif;margin:1.5em}\n"
	      "table{border-collapse:collapse;margin-bottom:1.5em}th,td{border:1px solid #999;padding:.2em .5em}\n"
	      "td.cell{text-align:center}tr.unowned{background:#fde9e7}tr.conflicting{background:#fff3cd}\n"
	      "</style>\n</head>\n<body>\n<h1>責任分界表: ",
	      fp);
	html_text(fp, m->org_name);
	fprintf(fp, "</h1>\n<p>As of %s. ○ lead (主担当), △ support (協力).</p>\n", m->as_of);
	matrix_html_tables(fp, m, SIZE_MAX);
	paths_html(fp, m->paths, m->n_paths);
	fputs("</body>\n</html>\n", fp);
}

void matrix_paths_csv(FILE *fp, const struct matrix *m)
{
	paths_csv(fp, m->paths, m->n_paths);
}
