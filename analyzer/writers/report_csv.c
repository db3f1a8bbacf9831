/*
** The CSV report: one finding per row, RFC 4180 (CRLF, quoted fields), UTF-8
** with a BOM so that Excel in Japan opens the Japanese text correctly. The
** last column names the plan's action that resolves the finding (its cause).
*/
#include <string.h>

#include "analyzer/writers/report.h"
#include "model/csv/csv_write.h"
#include "model/util/strbuf.h"

const char *const report_head[REPORT_COLS] = { "id", "code", "severity", "item", "system", "device", "remote",
					       "contract", "parties", "ref", "message", "cause",
					       "accepted_until", "accepted_by", "accepted_reason", "accepted_ticket" };

void report_row(const struct finding *f, const char *out[REPORT_COLS], struct strbuf *parties)
{
	strbuf_reset(parties);
	for (size_t i = 0; i < f->n_parties; i++)
		strbuf_addf(parties, "%s%s", i ? ";" : "", f->parties[i]);
	const struct acceptance_info *acc = f->accepted;
	const char *v[REPORT_COLS] = { f->id, f->code, f->severity, f->item, f->system, f->device, f->remote,
				       f->contract, strbuf_str(parties), f->ref, f->message,
				       f->cause, /* the plan's action that resolves it (docs/plan.md) */
				       acc ? acc->until : NULL, acc ? acc->by : NULL, acc ? acc->reason : NULL,
				       acc ? acc->ticket : NULL };
	memcpy(out, v, sizeof(v));
}

void report_csv(FILE *fp, const struct analysis *a)
{
	csv_bom(fp);
	for (size_t i = 0; i < REPORT_COLS; i++)
		csv_field(fp, report_head[i], i == 0);
	csv_end(fp);
	struct strbuf parties = STRBUF_INIT;
	for (size_t i = 0; i < a->n_findings; i++) {
		const char *row[REPORT_COLS];
		report_row(&a->findings[i], row, &parties);
		for (size_t k = 0; k < REPORT_COLS; k++)
			csv_field(fp, row[k], k == 0);
		csv_end(fp);
	}
	strbuf_release(&parties);
}
