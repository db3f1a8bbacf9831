/*
** bunkai matrix INVENTORY — the 責任分界表 that hospitals and vendors sign.
*/
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/xalloc.h"
#include "commands.h"
#include "matrix.h"
#include "output.h"
#include "pipeline.h"

static const char usage[] =
	"usage: bunkai matrix INVENTORY [-f csv|md|html] [-o FILE] [--system ID]... [--vendor ID]\n"
	"                     [--as-of DATE]\n"
	"\n"
	"Writes the 責任分界表: per system, the applicable checklist items in order\n"
	"(項番, 分類, 項目), a column per party — the organization first, then the\n"
	"vendors, each prime before its subcontractors — with ○ lead (主担当) and\n"
	"△ support (協力), the 確認日 (confirmed date), the 分担区分 (ownership:\n"
	"医療機関 / 事業者 / 共同 / 再委託先が実施 / 未割当) and the row's gap\n"
	"(未割当 unowned, 重複 conflicting). Only claims that count on the as-of\n"
	"date appear (docs/matrix.md).\n"
	"\n"
	"Options:\n"
	"  -f, --format FMT   csv (default: one sheet, UTF-8 with BOM and CRLF, opens in\n"
	"                     Excel), md or html (a table per system)\n"
	"  -o, --output FILE  write to FILE (atomically) instead of standard output\n"
	"      --system ID    only this system (repeatable)\n"
	"      --vendor ID    only what this vendor and its subcontractors are bound to\n"
	"      --as-of DATE   the day the matrix is for (YYYY-MM-DD)\n"
	"\n"
	"Examples:\n"
	"  bunkai matrix -o 責任分界表.csv hospital.json\n"
	"  bunkai matrix -f html --vendor v-si -o v-si.html hospital.json\n";

int cmd_matrix(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' }, { "output", required_argument, NULL, 'o' },
		VIEW_OPTIONS, { "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 },
	};
	const char *format = "csv", *out = NULL;
	struct view_options vo = { 0 };
	int c, rc, seen;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "f:o:h", opts, NULL)) != -1) {
		if ((seen = view_option(&vo, c, optarg, "matrix")) != 0) {
			if (seen < 0)
				return view_options_release(&vo), EXIT_USAGE;
			continue;
		}
		switch (c) {
		case 'f': format = optarg; break;
		case 'o': out = optarg; break;
		case 'h': fputs(usage, stdout); view_options_release(&vo); return EXIT_OK;
		default: view_options_release(&vo); return option_error("matrix", argv);
		}
	}
	void (*write)(FILE *, const struct matrix *) = !strcmp(format, "csv") ? matrix_csv
						     : !strcmp(format, "md")  ? matrix_md
						     : !strcmp(format, "html") ? matrix_html : NULL;
	if (!write)
		rc = usage_error("matrix", "unknown format \"%s\" (csv, md or html)", format);
	else if (argc - optind != 1)
		rc = usage_error("matrix", "expected one INVENTORY file (or - for standard input)");
	else {
		struct pipeline p;
		struct view v = { vo.systems, vo.n_systems, vo.vendor };
		rc = pipeline_run(&p, argv[optind], vo.as_of, &v, NULL, 0);
		if (rc == EXIT_OK) {
			struct matrix m;
			struct output o;
			rc = EXIT_FAILURE_IO;
			if (matrix_read(p.s.db, &m) == 0 && (rc = output_open(&o, out)) == 0) {
				write(o.fp, &m);
				rc = output_commit(&o);
			}
			matrix_release(&m);
		}
		pipeline_release(&p);
	}
	view_options_release(&vo);
	return rc;
}
