/*
** The plan in every report format (SPEC 9.2): the JSON array of the
** contract, and the "what to fix first" list that text, Markdown and HTML
** open with (the first `top` steps, then "and N more").
*/
#ifndef BUNKAI_PLAN_OUT_H
#define BUNKAI_PLAN_OUT_H

#include <cJSON.h>
#include <stdio.h>

#include "analyzer/plan/plan.h"

enum { PLAN_TOP = 10 };

/* [{"id", "kind", "target", "title", "edit", "resolves", "introduces"}…] */
cJSON *plan_json(const struct plan *p);
/* "3 errors, 1 warning" for step k, into buf. */
const char *plan_step_summary(const struct plan *p, size_t k, char *buf, size_t size);

void plan_text(FILE *fp, const struct plan *p, size_t top);
void plan_md(FILE *fp, const struct plan *p, size_t top);
void plan_html(FILE *fp, const struct plan *p, size_t top);

#endif
