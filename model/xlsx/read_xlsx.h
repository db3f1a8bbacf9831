/*
** A filled Excel workbook read as CSV ledgers (SPEC 9.4, docs/csv-import.md
** "Excel workbooks"): every sheet as a csv_table, so that the CSV importer
** checks it the same way, cell by cell.
**
** Debian ships no C library that reads xlsx, so the package is read with
** libzip (from memory: nothing is extracted to disk) and its XML parts with
** expat: the workbook's sheet list and date system, the relationships, the
** shared strings, the styles (which cells are dates) and each sheet. Within
** the documented limits (model/limits.h): a part larger than XLSX_PART_MAX
** uncompressed, more than XLSX_TOTAL_MAX in all, a DOCTYPE (entity tricks),
** a part path that leaves the package or an impossible cell reference is
** refused with a message naming the part.
*/
#ifndef BUNKAI_READ_XLSX_H
#define BUNKAI_READ_XLSX_H

#include <stddef.h>

#include "model/csv/csv_table.h"
#include "model/util/diag.h"

struct xlsx_sheet {
	char *name;              /* as the workbook names it */
	struct csv_table table;  /* rows numbered as the sheet numbers them */
	int *columns;            /* per header cell: its column (0 = A) */
	int header_row;          /* the header's row number */
	int loaded;              /* read (xlsx_book_sheet loads on demand) */
	char *part;              /* its XML part in the package */
};

struct xlsx_book {
	const char *name;        /* the file, as messages name it; not owned */
	struct xlsx_sheet *sheets;
	size_t n;
	/* what every sheet needs: owned */
	char **strings;          /* the shared strings */
	size_t n_strings;
	unsigned char *date_style; /* per cell style: 1 when it formats a date */
	size_t n_styles;
	int date1904;
	void *zip;               /* the open package (zip_t) */
	struct diag *d;
	size_t total;            /* bytes uncompressed so far */
};

/* Whether bytes are a zip package, to be read as a workbook (xlsx_book_open
   says what is wrong with one that is not a workbook). */
int xlsx_is_workbook(const char *buf, size_t len);

/* Open the workbook in buf (which must outlive the book). Problems go to d
   naming the file and the part. Returns 0 or -1 (the book is then
   released). */
int xlsx_book_open(struct xlsx_book *b, const char *name, const char *buf, size_t len, struct diag *d);

/* The sheet named one of `names` (NULL-terminated; compared as Excel does,
   ignoring case), read on first use; NULL when there is none or it could
   not be read (said in d). */
struct xlsx_sheet *xlsx_book_sheet(struct xlsx_book *b, const char *const *names);

void xlsx_book_release(struct xlsx_book *b);

/* "C" for column 2, "AA" for 26: a column as Excel names it. */
void xlsx_column_name(int col, char buf[8]);

#endif
