/*
** bunkai matrix INVENTORY — the 責任分界表 that hospitals and vendors sign.
*/
#include "analyzer/commands/command.h"
#include "model/util/i18n.h"
#include "analyzer/writers/matrix.h"
#include "model/util/exit_codes.h"

static const char *const formats[] = { "csv", "md", "html", "paths-csv", "xlsx", NULL };
/* The text formats cannot fail but for the stream (checked on commit); a
   workbook can (its temporary file). */
static void (*const writers[])(FILE *, const struct matrix *) = { matrix_csv, matrix_md, matrix_html,
								     matrix_paths_csv, NULL };
_Static_assert(sizeof(writers) / sizeof(*writers) + 1 == sizeof(formats) / sizeof(*formats), "a writer per format");

/* The CSV matrix (the layout import reads) has no paths, and the paths are
   the only part of the matrix that shows findings. */
static int shows_paths(const struct invocation *inv)
{
	return writers[inv->format_index] != matrix_csv;
}

static int prepare(struct invocation *inv)
{
	inv->no_findings = !shows_paths(inv);
	return EXIT_OK;
}

static int run(struct invocation *inv)
{
	struct matrix m;
	int rc = matrix_read(inv->p.s.db, &m, shows_paths(inv)) == 0 ? EXIT_OK : EXIT_FAILURE_IO;
	if (rc == EXIT_OK && writers[inv->format_index])
		writers[inv->format_index](inv->o.fp, &m);
	else if (rc == EXIT_OK && matrix_xlsx(inv->o.fp, &m) != 0)
		rc = EXIT_FAILURE_IO;
	matrix_release(&m);
	return rc;
}

const struct command cmd_matrix = {
	.name = "matrix",
	.summary = N_("write the 責任分界表 (csv for Excel, md, html)"),
	ONE_INVENTORY,
	.flags = CMD_LOAD | CMD_ANALYZE | CMD_OUTPUT,
	.format_option = 'f',
	.formats = formats,
	.format_help = N_("csv (default: one sheet, UTF-8 with BOM and CRLF, opens in\n"
		       "Excel), md or html (a table per system, then the remote paths),\n"
		       "paths-csv (the remote paths as a CSV file of their own),\n"
		       "xlsx (an Excel workbook: a sheet per system, then the paths)"),
	.description = N_("Writes the 責任分界表: per system, the applicable checklist items in order\n"
		       "(項番, 分類, 項目), a column per party — the organization first, then the\n"
		       "vendors, each prime before its subcontractors — with ○ lead (主担当) and\n"
		       "△ support (協力), the 確認日 (confirmed date), the 分担区分 (ownership:\n"
		       "医療機関 / 事業者 / 共同 / 再委託先が実施 / 未割当) and the row's gap\n"
		       "(未割当 unowned, 重複 conflicting). Only claims that count on the as-of\n"
		       "date appear (docs/matrix.md). md and html end with the paths into the\n"
		       "hospital (SPEC 9.1): one row per remote path with its vendor, door,\n"
		       "approval, authentication, source restriction, on-demand and the door's\n"
		       "last patch check; -f paths-csv writes that table alone, so that the\n"
		       "matrix CSV keeps the layout import reads. -f xlsx writes an Excel\n"
		       "workbook: a sheet per system and one of the paths, ○/△ and はい/いいえ\n"
		       "as drop-down lists, dates as date cells, gaps coloured, the header\n"
		       "frozen and filtered, printed A4 landscape one page wide.\n"),
	.examples = N_("bunkai matrix -o 責任分界表.csv hospital.json\n"
		    "bunkai matrix -f xlsx -o 責任分界表.xlsx hospital.json\n"
		    "bunkai matrix -f html --vendor v-si -o v-si.html hospital.json\n"),
	.prepare = prepare,
	.run = run,
};
