/*
** The CSV report: one finding per row, RFC 4180 (CRLF, quoted fields), UTF-8
** with a BOM so that Excel in Japan opens the Japanese text correctly. The
** last column names the plan's action that resolves the finding (its cause).
*/
#include <string.h>

#include "analyzer/writers/report.h"
#include "model/csv/csv_write.h"

void report_csv(FILE *fp, const struct analysis *a)
{
	static const char *const head[] = { "id", "code", "severity", "item", "system", "device", "remote",
					    "contract", "parties", "ref", "message", "cause",
					    "accepted_until", "accepted_by", "accepted_reason", "accepted_ticket" };
	csv_bom(fp);
	for (size_t i = 0; i < sizeof(head) / sizeof(*head); i++)
		csv_field(fp, head[i], i == 0);
	csv_end(fp);
	for (size_t i = 0; i < a->n_findings; i++) {
		const struct finding *f = &a->findings[i];
		const char *cols[] = { f->id, f->code, f->severity, f->item, f->system, f->device, f->remote, f->contract };
		for (size_t k = 0; k < sizeof(cols) / sizeof(*cols); k++)
			csv_field(fp, cols[k], k == 0);
		fputc(',', fp);
		csv_joined(fp, (const char *const *)f->parties, f->n_parties, ";");
		csv_field(fp, f->ref, 0);
		csv_field(fp, f->message, 0);
		csv_field(fp, f->cause, 0); /* the plan's action that resolves it (docs/plan.md) */
		const struct acceptance_info *acc = f->accepted;
		csv_field(fp, acc ? acc->until : NULL, 0);
		csv_field(fp, acc ? acc->by : NULL, 0);
		csv_field(fp, acc ? acc->reason : NULL, 0);
		csv_field(fp, acc ? acc->ticket : NULL, 0);
		csv_end(fp);
	}
}
