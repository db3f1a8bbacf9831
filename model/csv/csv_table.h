/*
** One CSV file as hospitals save it from Excel, read into rows of UTF-8
** cells: UTF-8 with or without a BOM, or Shift_JIS/CP932 (detected, or
** chosen), RFC 4180 quoting with CRLF and embedded newlines (libcsv), cells
** trimmed of ASCII and full-width (U+3000) spaces. Rows whose first cell
** starts with '#' and empty rows are skipped (comments, template examples).
*/
#ifndef BUNKAI_CSV_TABLE_H
#define BUNKAI_CSV_TABLE_H

#include <stddef.h>

#include "model/util/diag.h"

enum csv_encoding { ENC_AUTO, ENC_UTF8, ENC_CP932 };

struct csv_row {
	char **cells; /* owned */
	size_t n;
	int line;     /* where the row starts in the file, 1-based */
	unsigned char *number; /* a workbook's row: 1 per cell that held a number; NULL (owned) */
};

struct csv_table {
	const char *name;   /* as shown in messages; not owned */
	char **header;      /* owned, the first row */
	size_t n_header;
	struct csv_row *rows;
	size_t n_rows, cap_rows;
	int encoding;       /* what was read: ENC_UTF8 or ENC_CP932 */
};

/* Parse bytes in memory (not necessarily NUL-terminated; the importer reads
   the file, so that it can hash the same bytes), shown as `name`. Problems
   go to d as "NAME:LINE: message". Returns 0, or -1 (the table is then
   released). */
int csv_table_parse(struct csv_table *t, const char *name, const char *raw, size_t len, enum csv_encoding enc,
		    struct diag *d);
void csv_table_release(struct csv_table *t);

/* What both a CSV file and a workbook's sheet (model/xlsx) go through: a
   cell trimmed of ASCII and full-width spaces (in place; returns where it
   now starts), and a row added — skipped when empty or a # comment, the
   header when it is the first, else a row starting at `line`. The table
   takes `cells` (each malloc'd). */
char *csv_trim(char *s);
void csv_table_add(struct csv_table *t, char **cells, size_t n, int line);

/*
** Whether a spreadsheet opening a CSV cell holding `s` might not keep it as
** this text (docs/csv-import.md, "Spreadsheet safety"): a formula trigger
** (= + - @ TAB CR at the start, OWASP), a number, time, fraction, percentage
** or amount (001, 1e5, 12:30, 1/2, 1,000, 50%, $5), TRUE/FALSE, or a ' that
** the importer would take for such a guard. An ISO date YYYY-MM-DD is not:
** spreadsheets read it as a date and write it back in a form import reads.
** Writers put a ' before such a cell; csv_table_parse removes exactly that
** one ', so export -> import is lossless.
*/
int csv_cell_needs_guard(const char *s);

/* Decode bytes to UTF-8 (BOM dropped); caller frees *out. Returns 0, or -1 with
   *bad_offset at the first byte that is neither UTF-8 nor CP932. */
int csv_decode(const char *in, size_t len, enum csv_encoding enc, char **out, size_t *out_len, int *used,
	       size_t *bad_offset);

#endif
