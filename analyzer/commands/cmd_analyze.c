/*
** bunkai analyze INVENTORY — the gap report.
*/
#include <stdio.h>
#include <string.h>

#include "analyzer/commands/command.h"
#include "model/util/i18n.h"
#include "analyzer/writers/report.h"
#include "model/db/db.h"
#include "model/util/exit_codes.h"

enum { FAIL_ON, DB };

static const char *const formats[] = { "text", "json", "csv", "md", "xlsx", NULL };
/* The text formats fail only with the stream (checked on commit); a
   workbook can fail on its own (its temporary file): NULL, see run. */
static const report_writer writers[] = { report_text, report_json, report_csv, report_md, NULL };
_Static_assert(sizeof(writers) / sizeof(*writers) + 1 == sizeof(formats) / sizeof(*formats), "a writer per format");

static int prepare(struct invocation *inv)
{
	inv->read_leads = writers[inv->format_index] == report_json; /* only JSON prints who leads what */
	inv->every_table = inv->values[DB] != NULL;
	return output_check(inv->values[DB], "--db", 1);
}

static int run(struct invocation *inv)
{
	const struct analysis *a = &inv->p.a;
	if (inv->values[DB] && db_save(inv->p.s.db, inv->values[DB]) < 0)
		return EXIT_FAILURE_IO;
	session_drop_model(&inv->p.s); /* the writers read the analysis only */
	if (writers[inv->format_index])
		writers[inv->format_index](inv->o.fp, a);
	else if (report_xlsx(inv->o.fp, a) != 0)
		return EXIT_FAILURE_IO;
	/* --fail-on: the first severity at or above which a finding fails the run. */
	enum severity fail_on = severity_from_name(inv->values[FAIL_ON]);
	/* Accepted findings (SPEC 9.3) do not count. */
	for (size_t i = 0; fail_on != SEV_NONE && i < a->n_findings; i++)
		if (!a->findings[i].accepted && a->findings[i].rank <= fail_on)
			return EXIT_FINDINGS;
	return EXIT_OK;
}

static const struct command_option options[] = {
	{ "fail-on", FAIL_ON, "SEV", N_("exit 1 if a finding is at or above SEV: error (default),\nwarning, info, or none (never)"), severity_names },
	{ "db", DB, "FILE", N_("also write the model and the findings to a SQLite file"), NULL },
	{ NULL, 0, NULL, NULL, NULL },
};

const struct command cmd_analyze = {
	.name = "analyze",
	.summary = N_("find the gaps and overlaps: the gap report"),
	ONE_INVENTORY,
	.flags = CMD_LOAD | CMD_ANALYZE | CMD_FINDINGS | CMD_PLAN | CMD_PLAN_OPTIONAL | CMD_OUTPUT,
	.format_option = 'f',
	.formats = formats,
	.format_help = N_("text (default: summary, what to fix first, the paths into\n"
		       "the hospital, coverage, findings under the action that\n"
		       "resolves them), json (bunkai-report/1), csv, md, xlsx (an\n"
		       "Excel workbook: the plan, the findings, the paths)"),
	.options = options,
	.description = N_("Joins the inventory against the Part2 checklist items and reports every gap:\n"
		       "items nobody leads (unowned-item), items several parties lead\n"
		       "(conflicting-leads), vendors leading without a contract (unbound-party), remote\n"
		       "paths nobody maintains (unmaintained-entry-point), and more (docs/findings.md).\n"
		       "\n"
		       "The report opens with what to fix first: actions (renew a contract, cut or\n"
		       "harden a remote path, name a lead …), each measured by applying its edit and\n"
		       "analyzing again, paths into the hospital first; every finding names the\n"
		       "action that resolves it (docs/plan.md). --no-plan skips it.\n"
		       "\n"
		       "Exit status: 0 nothing at or above --fail-on, 1 a finding at or above it,\n"
		       "2 bad usage or invalid input, 3 I/O or internal failure.\n"),
	.examples = N_("bunkai analyze hospital.json\n"
		    "bunkai analyze -f json -o gaps.json --fail-on warning hospital.json\n"
		    "bunkai analyze --vendor v-si hospital.json     # what v-si and its subs owe\n"
		    "bunkai analyze --without v-si hospital.json    # what lapses if v-si left today\n"),
	.prepare = prepare,
	.run = run,
};
