/*
** bunkai analyze INVENTORY — the gap report.
*/
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/db.h"
#include "../model/xalloc.h"
#include "analysis.h"
#include "commands.h"
#include "output.h"
#include "report.h"
#include "rules.h"
#include "pipeline.h"

static const char usage[] =
	"usage: bunkai analyze INVENTORY [-f text|json|csv|md] [-o FILE] [--as-of DATE]\n"
	"                      [--fail-on error|warning|info|none] [--system ID]... [--vendor ID]\n"
	"                      [--rules DIR]... [--db FILE]\n"
	"\n"
	"Joins the inventory against the Part2 checklist items and reports every gap:\n"
	"items nobody leads (unowned-item), items several parties lead\n"
	"(conflicting-leads), vendors leading without a contract (unbound-party), remote\n"
	"paths nobody maintains (unmaintained-entry-point), and 14 more (docs/findings.md).\n"
	"\n"
	"Options:\n"
	"  -f, --format FMT     text (default: summary, coverage per system, findings\n"
	"                       grouped with what to do), json (bunkai-report/1), csv, md\n"
	"  -o, --output FILE    write the report to FILE (atomically) instead of stdout\n"
	"      --as-of DATE     analyze for this day (YYYY-MM-DD); default: the\n"
	"                       inventory's as_of, else today. A future date shows what\n"
	"                       lapses when contracts end.\n"
	"      --fail-on SEV    exit 1 if a finding is at or above SEV (default: error)\n"
	"      --system ID      only this system (repeatable)\n"
	"      --vendor ID      only what this vendor and its subcontractors are bound to\n"
	"                       (a prime vendor's view)\n"
	"      --rules DIR      also run the *.sql rule files in DIR (see docs/architecture.md)\n"
	"      --db FILE        also write the model and the findings to a SQLite file\n"
	"\n"
	"Exit status: 0 nothing at or above --fail-on, 1 a finding at or above it,\n"
	"2 bad usage or invalid input, 3 I/O or internal failure.\n"
	"\n"
	"Examples:\n"
	"  bunkai analyze hospital.json\n"
	"  bunkai analyze -f json -o gaps.json --fail-on warning hospital.json\n"
	"  bunkai analyze --vendor v-si hospital.json     # what v-si and its subs owe\n";

struct options {
	const char *file, *format, *out, *db;
	enum severity fail_on;
	struct view_options view;
	const char **dirs; /* owned array of the --rules arguments */
	const char *const *rule_dirs;
	size_t n_rule_dirs, cap_rule_dirs;
};

enum { OPT_FAIL_ON = OPT_COMMAND_FIRST, OPT_RULES, OPT_DB };

static int parse(int argc, char **argv, struct options *o)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' }, { "output", required_argument, NULL, 'o' },
		VIEW_OPTIONS, { "fail-on", required_argument, NULL, OPT_FAIL_ON },
		{ "rules", required_argument, NULL, OPT_RULES }, { "db", required_argument, NULL, OPT_DB },
		{ "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 },
	};
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "f:o:h", opts, NULL)) != -1) {
		int seen = view_option(&o->view, c, optarg, "analyze");
		if (seen < 0)
			return EXIT_USAGE;
		if (seen)
			continue;
		switch (c) {
		case 'f': o->format = optarg; break;
		case 'o': o->out = optarg; break;
		case OPT_DB: o->db = optarg; break;
		case OPT_RULES:
			o->dirs = xgrow(o->dirs, &o->cap_rule_dirs, o->n_rule_dirs + 1, sizeof(*o->dirs));
			o->dirs[o->n_rule_dirs++] = optarg;
			o->rule_dirs = (const char *const *)o->dirs;
			break;
		case OPT_FAIL_ON: {
			int i;
			for (i = 0; severity_names[i]; i++)
				if (!strcmp(optarg, severity_names[i]))
					break;
			if (!severity_names[i])
				return usage_error("analyze", "--fail-on: unknown severity \"%s\" (error, warning, info or none)",
						   optarg);
			o->fail_on = (enum severity)i;
			break;
		}
		case 'h': fputs(usage, stdout); return -1;
		default: return option_error("analyze", argv);
		}
	}
	if (argc - optind != 1)
		return usage_error("analyze", argc == optind ? "expected an INVENTORY file (or - for standard input)"
							     : "expected one INVENTORY file, got %d arguments",
				   argc - optind);
	o->file = argv[optind];
	return 0;
}

static const struct report_format *find_format(const char *name)
{
	for (const struct report_format *f = report_formats; f->name; f++)
		if (!strcmp(f->name, name))
			return f;
	return NULL;
}

static int worst_at_or_above(const struct analysis *a, enum severity fail_on)
{
	if (fail_on == SEV_NONE)
		return 0;
	for (size_t i = 0; i < a->n_findings; i++)
		if (a->findings[i].rank <= fail_on)
			return 1;
	return 0;
}

static int run(const struct options *o)
{
	const struct report_format *fmt = find_format(o->format);
	if (!fmt)
		return usage_error("analyze", "unknown format \"%s\" (text, json, csv or md)", o->format);

	if (o->db && output_check_file(o->db))
		return EXIT_USAGE;
	struct pipeline p;
	struct view v = { o->view.systems, o->view.n_systems, o->view.vendor };
	int rc = pipeline_run(&p, o->file, o->view.as_of, &v, o->rule_dirs, o->n_rule_dirs);
	if (rc != EXIT_OK)
		goto out;
	rc = EXIT_FAILURE_IO;
	if (o->db && db_save(p.s.db, o->db) < 0)
		goto out;
	struct output out;
	if ((rc = output_open(&out, o->out)) != 0)
		goto out;
	fmt->write(out.fp, &p.a);
	if ((rc = output_commit(&out)) != 0)
		goto out;
	rc = worst_at_or_above(&p.a, o->fail_on) ? EXIT_FINDINGS : EXIT_OK;
out:
	pipeline_release(&p);
	return rc;
}

int cmd_analyze(int argc, char **argv)
{
	struct options o = { 0 };
	o.format = "text";
	o.fail_on = SEV_ERROR;
	int rc = parse(argc, argv, &o);
	if (rc == 0)
		rc = run(&o);
	else if (rc < 0)
		rc = EXIT_OK; /* --help */
	view_options_release(&o.view);
	free(o.dirs);
	return rc;
}
