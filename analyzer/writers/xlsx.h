/*
** Excel workbooks (SPEC 9.4) with libxlsxwriter: what every sheet bunkai
** writes shares — a header row, cells by kind (text, wrapped text, ○/△
** marks, dates as real date cells), rows coloured by their gap, drop-down
** lists, and the print setup (A4 landscape, fit to the page's width, the
** header row on every page).
**
** libxlsxwriter writes only to a named file, so a workbook is built in a
** temporary file and copied to the output stream on close: -o keeps its
** rules (atomic replace, standard output).
*/
#ifndef BUNKAI_XLSX_H
#define BUNKAI_XLSX_H

#include <stdio.h>
#include <xlsxwriter.h>

/* How a row is coloured: plain, or by its gap. */
enum xlsx_row { XR_PLAIN, XR_UNOWNED, XR_CONFLICTING, XR_KINDS };
/* What a cell holds. */
enum xlsx_cell { XC_TEXT, XC_WRAP, XC_MARK, XC_DATE, XC_NUMBER, XC_KINDS };

struct xlsx {
	lxw_workbook *wb;
	char *path; /* the temporary file */
	lxw_format *head;
	lxw_format *cell[XR_KINDS][XC_KINDS];
	lxw_format *date_column; /* what a person types in a date column shows as a date */
	double *widths; /* the current sheet's column widths (xlsx_header) */
	int n_widths;
	int lines;      /* the current row's most lines of wrapped text */
};

/* A new workbook titled `title`, dated `as_of` (YYYY-MM-DD, so that the
   same inventory gives the same bytes); -1 after printing why. Close with
   xlsx_close. */
int xlsx_open(struct xlsx *x, const char *title, const char *as_of);

/* Write the workbook to fp and remove the temporary file (also after an
   error). Returns 0, or -1 after printing why. */
int xlsx_close(struct xlsx *x, FILE *fp);

/* A page header title, "what: whose — as of DATE"; the caller frees it. */
char *xlsx_title(const char *what, const char *whose, const char *as_of);

/* A sheet named after `name` (made valid and unique: at most 31
   characters, none of []:*?/\), set up to print A4 landscape, one page
   wide, with row 0 repeated and `title` in the page header. */
lxw_worksheet *xlsx_sheet(struct xlsx *x, const char *name, const char *title);

/* The header row: column titles and their widths (in characters). */
void xlsx_header(struct xlsx *x, lxw_worksheet *ws, const char *const *titles, const double *widths, int n);

/* One cell; NULL or "" writes a formatted blank. An XC_DATE value of the
   form YYYY-MM-DD becomes a real date cell, an XC_NUMBER of digits a
   number; anything else stays text. */
void xlsx_cell(struct xlsx *x, lxw_worksheet *ws, int row, int col, const char *v, enum xlsx_cell kind,
	       enum xlsx_row rk);

/* End a row: spreadsheets do not grow a row to its wrapped text by
   themselves, so its height follows the cell with the most lines. */
void xlsx_end_row(struct xlsx *x, lxw_worksheet *ws, int row);

/* A drop-down list of `values` (NULL-terminated) on a block of cells:
   xlsx_marks (○ △) for roles, xlsx_yes_no (はい いいえ) for checks. */
extern const char *const xlsx_marks[];
extern const char *const xlsx_yes_no[];
void xlsx_list(lxw_worksheet *ws, int r0, int c0, int r1, int c1, const char *const *values);

/* A drop-down list of what a formula names: the ids of another sheet
   (="'システム'!$A$3:$A$2001"). */
void xlsx_list_formula(lxw_worksheet *ws, int r0, int c0, int r1, int c1, const char *formula);

/* A column of dates: typed dates are stored and shown as dates. */
void xlsx_date_column(struct xlsx *x, lxw_worksheet *ws, int col, double width);

/* Freeze the header row and the first `cols` columns, filter the header. */
void xlsx_finish(lxw_worksheet *ws, int rows, int cols, int frozen_cols);

#endif
