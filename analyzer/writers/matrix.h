/*
** The 責任分界表 (responsibility matrix, SPEC §5): per system, the applicable
** items in checklist order, a column per party with ○ lead / △ support, the
** confirmed date, the ownership category (as CSA CCM's shared-responsibility
** model derives it) and the row's gap. Read from the analyzed model, within
** the current view. Owned by the struct; matrix_release().
*/
#ifndef BUNKAI_MATRIX_H
#define BUNKAI_MATRIX_H

#include <sqlite3.h>
#include <stdio.h>

#include "analyzer/analysis/analysis.h"

struct matrix_party {
	char *id, *name;
	int is_org;
	int depth; /* 0, or how deep a subcontractor sits under its prime */
};

enum matrix_gap { GAP_NONE, GAP_UNOWNED, GAP_CONFLICTING };

struct matrix_row {
	char *system, *system_name; /* NULL for the organization item */
	char *item, *section, *category, *title;
	char *cells;     /* per party: ' ', 'L' (○ lead) or 'S' (△ support) */
	/* The leads' 初回確認 (SPEC 9.3): "はい"/"いいえ", its date, its 完了日; an
	   open いいえ wins, else the latest check. NULL: none. */
	char *first_check, *first_check_date, *completed;
	const char *ownership; /* 医療機関 / 事業者 / 共同 / 再委託先が実施 / 未割当 */
	enum matrix_gap gap;
};

struct matrix {
	char *org_id, *org_name, *as_of;
	struct matrix_party *parties; /* the organization first, primes before their subcontractors */
	size_t n_parties;
	struct matrix_row *rows; /* grouped by system, in checklist order */
	size_t n_rows;
	struct remote_path *paths; /* the paths into the hospital in the view (SPEC 9.1) */
	size_t n_paths;
};

/* Read the matrix of the current view (view_apply has set it); with_paths:
   its remote paths too (their open findings: read after the rules ran). */
int matrix_read(sqlite3 *db, struct matrix *m, int with_paths);
void matrix_release(struct matrix *m);

/* Whether party p has a column in the block of rows [from, to): the
   organization always, a vendor when it has a cell or is bound there. */
int matrix_shows(const struct matrix *m, size_t from, size_t to, size_t p);

/* The matrix as a spreadsheet's columns (matrix.csv, the xlsx sheets):
   matrix_head, then a column per party ("name (id)", ○/△ from
   matrix_mark), then matrix_tail; a row's values in the same order. */
enum { MATRIX_HEAD_COLS = 6, MATRIX_TAIL_COLS = 5 };
extern const char *const matrix_head[MATRIX_HEAD_COLS];
extern const char *const matrix_tail[MATRIX_TAIL_COLS];
void matrix_row_head(const struct matrix_row *r, const char *out[MATRIX_HEAD_COLS]);
void matrix_row_tail(const struct matrix_row *r, const char *out[MATRIX_TAIL_COLS]);
const char *matrix_mark(char cell); /* "○", "△" or "" */
/* The end of the block of rows of the system that rows[from] belongs to. */
size_t matrix_block_end(const struct matrix *m, size_t from);

void matrix_csv(FILE *fp, const struct matrix *m);
/* The remote-path table as its own CSV file (-f paths-csv). */
void matrix_paths_csv(FILE *fp, const struct matrix *m);
void matrix_md(FILE *fp, const struct matrix *m);
/* A whole HTML page; matrix_html_tables writes only the tables (for the
   report), at most max_tables of them, and returns how many it left out. */
void matrix_html(FILE *fp, const struct matrix *m);
size_t matrix_html_tables(FILE *fp, const struct matrix *m, size_t max_tables);
/* An Excel workbook: a sheet per system, then the remote paths
   (matrix_xlsx.c). 0, or -1 after printing why. */
int matrix_xlsx(FILE *fp, const struct matrix *m);

#endif
