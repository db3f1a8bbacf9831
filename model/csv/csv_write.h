/*
** Writing CSV the way Excel and RFC 4180 agree on: UTF-8 BOM, CRLF, fields
** quoted when they hold a comma, quote, CR or LF, quotes doubled; a ' before
** a value a spreadsheet would run as a formula or read as a number.
*/
#ifndef BUNKAI_CSVOUT_H
#define BUNKAI_CSVOUT_H

#include <stdio.h>

void csv_bom(FILE *fp);
/* One field (NULL: empty), preceded by a comma unless `first`. */
void csv_field(FILE *fp, const char *s, int first);
/* One quoted-as-needed field holding v[0..n) joined by sep (no leading comma). */
void csv_joined(FILE *fp, const char *const *v, size_t n, const char *sep);
void csv_end(FILE *fp);

#endif
