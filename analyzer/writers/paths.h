/*
** The paths into the hospital (SPEC 9.1) as the reports and the matrix show
** them: one table, written for people in text, Markdown, HTML and CSV.
*/
#ifndef BUNKAI_PATHS_H
#define BUNKAI_PATHS_H

#include <stddef.h>
#include <stdio.h>

#include "analyzer/analysis/analysis.h"

void paths_text(FILE *fp, const struct remote_path *v, size_t n);
void paths_md(FILE *fp, const struct remote_path *v, size_t n);
void paths_html(FILE *fp, const struct remote_path *v, size_t n);
/* A CSV file of its own (UTF-8 with BOM, spreadsheet-safe), so that the
   matrix CSV keeps the layout import reads. */
void paths_csv(FILE *fp, const struct remote_path *v, size_t n);

/* The same table as a spreadsheet's columns (the CSV above, the matrix
   workbook's sheet): the headers, and one path's values in their order
   (`reached` holds the count's digits). */
enum { PATHS_COLS = 15 };
extern const char *const paths_head[PATHS_COLS];
void paths_row(const struct remote_path *p, const char *out[PATHS_COLS], char reached[24]);

/* The table as the sheet リモート経路 of a workbook, `title` in its page
   header. */
struct xlsx;
void paths_xlsx(struct xlsx *x, const struct remote_path *v, size_t n, const char *title);

#endif
