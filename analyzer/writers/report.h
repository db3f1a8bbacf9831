/*
** Report formats of `bunkai analyze` (SPEC §5). Each writer prints a whole
** analysis to a stream; errors are caught by the caller's output_commit().
*/
#ifndef BUNKAI_REPORT_H
#define BUNKAI_REPORT_H

#include <stdio.h>

#include "analyzer/analysis/analysis.h"

typedef void (*report_writer)(FILE *fp, const struct analysis *a);

void report_text(FILE *fp, const struct analysis *a);
void report_json(FILE *fp, const struct analysis *a);
void report_csv(FILE *fp, const struct analysis *a);
void report_md(FILE *fp, const struct analysis *a);
/* An Excel workbook: the plan, the findings, the paths (report_xlsx.c).
   0, or -1 after printing why. */
int report_xlsx(FILE *fp, const struct analysis *a);

/* A finding as a spreadsheet's row (the CSV report, the workbook's
   findings sheet): the columns, and one finding's values in their order
   (`parties` holds the joined parties). */
enum { REPORT_COLS = 16 };
extern const char *const report_head[REPORT_COLS];
struct strbuf;
void report_row(const struct finding *f, const char *out[REPORT_COLS], struct strbuf *parties);
/* The findings as a workbook's sheet, `title` in its page header: those of
   a, or with `only` the n findings it lists by index (a pack's). Colours
   errors light red and warnings light yellow; accepted ones stay plain. */
struct xlsx;
void report_findings_sheet(struct xlsx *x, const char *title, const struct analysis *a, const size_t *only, size_t n);

/* "accepted until D by WHO: reason (ticket)"; caller frees. */
char *acceptance_line(const struct acceptance_info *acc);
/* Accepted findings come last in a->findings (SPEC 9.3); how many. */
size_t accepted_count(const struct analysis *a);

/*
** The open findings grouped under their cause (SPEC 9.2): a group per plan
** step that resolves a finding of the report, in plan order, then the
** findings no action resolves (step -1). Without a plan, one group of all
** (step -1). Accepted findings are in no group: they are listed apart.
** Each group holds finding indexes in report order.
*/
struct cause_group {
	long step;
	size_t *findings;
	size_t n;
};
size_t cause_groups(const struct analysis *a, struct cause_group **out);
void cause_groups_release(struct cause_group *g, size_t n);

/* What the text report shows of a 推奨される対応例: its first sentence,
   whole, or all of it when an enumerated list (a) (b) … runs past that
   sentence — a list is never cut (SPEC 9.4). Caller frees. */
char *recommendation_excerpt(const char *text);

/* "as if v-si left on 2026-04-01 (…)" for a --without report, or NULL;
   caller frees. Every report says so, so a what-if is never taken for the
   inventory as it is. */
char *what_if_line(const struct analysis *a);

/* The reference as a reader knows the document: "Part2 I-6" is
   「確認表 Part2 I-6」, "seed 003 Q-8" the Q&A of the サイバーセキュリティ対策
   チェックリスト (the JSON keeps the ref as it is). Caller frees. */
char *ref_display(const char *ref);
/* "error", "warning", "info" as people read them (the JSON and CSV keep the word). */
const char *severity_label(const char *severity);
/* The items the findings name, once each in the order of their first
   finding, with their whole 推奨される対応例 (SPEC 9.4): fn(ctx, finding). */
void each_recommended_item(const struct analysis *a, void (*fn)(void *ctx, const struct finding *f), void *ctx);
/* Whether a finding names an item with a 推奨される対応例 (a section to print). */
int has_recommended_item(const struct analysis *a);

/* What to say when there is no finding: an all-clear only when there was
   something to check (applicable items), never over nothing. */
const char *no_findings_line(const struct analysis *a);

/* "5 vendors, 1 system, …": what an inventory holds, in one line. */
void print_counts(FILE *fp, long vendors, long systems, long devices, long contracts, long subcontracts,
		  long assignments, long remotes, long interfaces);

#endif
