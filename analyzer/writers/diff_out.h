/*
** `bunkai diff` in its formats: bunkai-diff/1 JSON (SPEC 9.3, a contract),
** and text and Markdown for people.
*/
#ifndef BUNKAI_DIFF_OUT_H
#define BUNKAI_DIFF_OUT_H

#include <stdio.h>

#include "analyzer/diff/diff.h"

void diff_text(FILE *fp, const struct diff *d);
void diff_md(FILE *fp, const struct diff *d);
void diff_json(FILE *fp, const struct diff *d);

#endif
