/*
** The self-contained HTML report (bunkai report).
*/
#ifndef BUNKAI_REPORT_HTML_H
#define BUNKAI_REPORT_HTML_H

#include <stdio.h>

#include "analyzer/analysis/analysis.h"
#include "analyzer/writers/matrix.h"

/* `svg` is the diagram's <svg> element (or NULL); `sha256` the inventory's. */
void report_html(FILE *fp, const struct analysis *a, const struct matrix *m, const char *svg,
		 const char *sha256, const char *version);

#endif
