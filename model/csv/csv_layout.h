/*
** The CSV layout of an inventory (docs/csv-import.md): one file per entity,
** a column per key, headers in Japanese or English. Shared by the importer,
** the exporter and `bunkai template`, so the three cannot drift apart.
*/
#ifndef BUNKAI_CSV_LAYOUT_H
#define BUNKAI_CSV_LAYOUT_H

#include <stddef.h>

enum csv_kind { CK_TEXT, CK_BOOL, CK_DATE, CK_LIST, CK_ITEMS, CK_ENUM };

struct csv_column {
	const char *key;    /* the inventory key, also the accepted English header */
	const char *ja;     /* the Japanese header written by template/export */
	enum csv_kind kind;
	const char *example;
	const char *const *aliases; /* CK_ENUM: Japanese spellings accepted, pairs {ja, value}, NULL-ended */
};

struct csv_file {
	const char *file;   /* "devices.csv" */
	const char *array;  /* "devices"; NULL for organization.csv */
	const char *title;  /* what it holds, in Japanese, for the template */
	const struct csv_column *cols;
	size_t n_cols;
};

extern const struct csv_file csv_files[];  /* ends with file == NULL */

/* The wide 責任分界表: システムID, 項番, 確認日, then a column per party. */
#define CSV_MATRIX_FILE "matrix.csv"

/* Column index of `header` in a file's layout (Japanese or English), or -1. */
int csv_column_index(const struct csv_file *f, const char *header);

#endif
