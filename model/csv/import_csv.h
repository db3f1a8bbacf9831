/*
** An inventory from CSV ledgers (docs/csv-import.md): a folder, or the files
** themselves, loaded directly into the inventory with each element's file
** and line kept for messages.
*/
#ifndef BUNKAI_IMPORT_CSV_H
#define BUNKAI_IMPORT_CSV_H

#include <stddef.h>

#include "model/catalog.h"
#include "model/inventory.h"
#include "model/util/diag.h"

/* The wide 責任分界表 beside the ledgers of entities[]. */
#define CSV_MATRIX_FILE "matrix.csv"
/* Its sheet in a workbook (the template's; "matrix" is read too). */
#define XLSX_MATRIX_SHEET "責任分界表"

struct xlsx_book;

struct csv_source {
	const char *dir;          /* a folder, or NULL and: */
	const char *const *files; /* the files, named as the ledgers (devices.csv …) */
	size_t n_files;
	int encoding;             /* enum csv_encoding: auto, utf-8, cp932 */
	/* Optional: called with each file's bytes as read, in a fixed order
	   (the ledgers of entities[], then matrix.csv), e.g. to hash them. */
	void (*on_file)(void *ctx, const char *name, const char *bytes, size_t len);
	void *ctx;
	struct xlsx_book *book;   /* or the sheets of a workbook (model/xlsx), dir and files unused */
};

/* Read and check the ledgers into inv. Messages name the file, line and
   column. Returns 0 or -1. */
int inventory_load_csv(struct inventory *inv, const struct catalog *cat, const struct csv_source *src,
		       struct diag *d);
/* Whether path names a directory (a CSV folder rather than a JSON file). */
int is_directory(const char *path);

#endif
