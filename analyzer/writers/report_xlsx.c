/*
** The gap report as an Excel workbook (`analyze -f xlsx`, SPEC 9.4): the
** plan first when there is one (what to fix first, each step with what it
** resolves), then the findings with the columns of the CSV report (errors
** light red, warnings light yellow), then the paths into the hospital.
** Every sheet prints A4 landscape, one page wide, its header on every page.
*/
#include <stdlib.h>
#include <string.h>

#include "analyzer/plan/plan.h"
#include "analyzer/writers/paths.h"
#include "analyzer/writers/plan_out.h"
#include "analyzer/writers/report.h"
#include "analyzer/writers/xlsx.h"
#include "model/util/i18n.h"
#include "model/util/strbuf.h"
#include "model/util/xalloc.h"

/* The page header of every sheet: what, whose, when. */
static char *sheet_title(const struct analysis *a, const char *what)
{
	return xlsx_title(what, a->org_name, a->as_of);
}

static void plan_sheet(struct xlsx *x, const struct analysis *a)
{
	const struct plan *p = a->plan;
	const char *titles[] = { _("step"), _("action"), _("resolves"), _("errors resolved"), _("warnings resolved"),
				 _("infos resolved"), _("findings introduced"), _("action id") };
	static const double widths[] = { 6, 60, 30, 10, 10, 10, 10, 30 };
	enum { N = sizeof(widths) / sizeof(*widths) };
	_Static_assert(sizeof(titles) / sizeof(*titles) == N, "a width per column");
	char *title = sheet_title(a, _("What to fix first"));
	lxw_worksheet *ws = xlsx_sheet(x, _("What to fix first"), title);
	free(title);
	xlsx_header(x, ws, titles, widths, N);
	for (size_t k = 0; k < p->n_steps; k++) {
		const struct action *act = &p->offered.v[p->steps[k]];
		long counts[3];
		plan_step_counts(p, k, counts);
		char effect[256], num[4][24];
		plan_step_summary(p, k, effect, sizeof(effect));
		snprintf(num[0], sizeof(num[0]), "%zu", k + 1);
		for (int s = 0; s < 3; s++)
			snprintf(num[s + 1], sizeof(num[s + 1]), "%ld", counts[s]);
		char introduced[24];
		snprintf(introduced, sizeof(introduced), "%zu", act->n_introduces);
		const char *row[N] = { num[0], act->title, effect, num[1], num[2], num[3], introduced, act->id };
		int r = (int)k + 1;
		for (int c = 0; c < N; c++)
			xlsx_cell(x, ws, r, c, row[c], c == 1 || c == 2 || c == 7 ? XC_WRAP : XC_NUMBER,
				  counts[0] ? XR_UNOWNED : XR_PLAIN);
		xlsx_end_row(x, ws, r);
	}
	xlsx_finish(ws, (int)p->n_steps, N, 2);
}

void report_findings_sheet(struct xlsx *x, const char *title, const struct analysis *a, const size_t *only, size_t n)
{
	/* report_head's order: message and ref are read, the rest scanned. */
	static const double widths[REPORT_COLS] = { 34, 22, 8, 6, 10, 10, 10, 10, 16, 14, 60, 28, 11, 12, 20, 12 };
	enum { MESSAGE = 10, ACCEPTED_UNTIL = 12 };
	lxw_worksheet *ws = xlsx_sheet(x, _("Findings"), title);
	xlsx_header(x, ws, report_head, widths, REPORT_COLS);
	struct strbuf parties = STRBUF_INIT;
	size_t rows = only ? n : a->n_findings;
	for (size_t i = 0; i < rows; i++) {
		const struct finding *f = &a->findings[only ? only[i] : i];
		const char *row[REPORT_COLS];
		report_row(f, row, &parties);
		enum xlsx_row rk = f->accepted			     ? XR_PLAIN
				   : !strcmp(f->severity, "error")   ? XR_UNOWNED
				   : !strcmp(f->severity, "warning") ? XR_CONFLICTING
								     : XR_PLAIN;
		int r = (int)i + 1;
		for (int c = 0; c < REPORT_COLS; c++)
			xlsx_cell(x, ws, r, c, row[c], c == MESSAGE ? XC_WRAP : c == ACCEPTED_UNTIL ? XC_DATE : XC_TEXT, rk);
		xlsx_end_row(x, ws, r);
	}
	strbuf_release(&parties);
	xlsx_finish(ws, (int)rows, REPORT_COLS, 1);
}

int report_xlsx(FILE *fp, const struct analysis *a)
{
	struct xlsx x;
	char *title = xasprintf("%s%s", _("責任分界 gap report: "), a->org_name);
	if (xlsx_open(&x, title, a->as_of) != 0) {
		free(title);
		return -1;
	}
	free(title);
	if (a->plan && a->plan->n_steps)
		plan_sheet(&x, a);
	title = sheet_title(a, _("Findings"));
	report_findings_sheet(&x, title, a, NULL, 0);
	free(title);
	title = sheet_title(a, _("Paths into the hospital"));
	paths_xlsx(&x, a->paths, a->n_paths, title);
	free(title);
	return xlsx_close(&x, fp);
}
