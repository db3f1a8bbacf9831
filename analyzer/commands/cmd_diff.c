/*
** bunkai diff OLD NEW — what changed since the last review (SPEC 9.3).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/commands/command.h"
#include "model/util/i18n.h"
#include "analyzer/diff/diff.h"
#include "analyzer/writers/diff_out.h"
#include "model/util/exit_codes.h"
#include "model/util/textcheck.h"

enum { FAIL_ON, AS_OF };

static const char *const formats[] = { "text", "json", "md", NULL };
static void (*const writers[])(FILE *, const struct diff *) = { diff_text, diff_json, diff_md };
_Static_assert(sizeof(writers) / sizeof(*writers) + 1 == sizeof(formats) / sizeof(*formats), "a writer per format");

static int prepare(struct invocation *inv)
{
	const char *as_of = inv->values[AS_OF];
	if (as_of && !date_valid(as_of)) {
		char show[SHOWN_SIZE];
		return usage_error(inv, _("--as-of: invalid date \"%s\": use YYYY-MM-DD"), shown(show, as_of));
	}
	for (int i = 0; i < 2; i++)
		if (!strcmp(inv->args[i], "-"))
			return usage_error(inv, _("OLD and NEW are files or folders (standard input cannot be read twice)"));
	return EXIT_OK;
}

static int run(struct invocation *inv)
{
	struct diff d;
	int rc = diff_run(&d, inv->args[0], inv->args[1], inv->values[AS_OF]);
	if (rc == EXIT_OK) {
		writers[inv->format_index](inv->o.fp, &d);
		/* --fail-on: a new open finding at or above it fails the run. */
		enum severity fail_on = severity_from_name(inv->values[FAIL_ON]);
		for (size_t i = 0; fail_on != SEV_NONE && i < d.n_new_open; i++)
			if (d.new.f[d.new_open[i]].rank <= fail_on)
				rc = EXIT_FINDINGS;
	}
	diff_release(&d);
	return rc;
}

static const struct command_option options[] = {
	{ "fail-on", FAIL_ON, "SEV", N_("exit 1 if a new open finding is at or above SEV: error\n(default), warning, info, or none"), severity_names },
	{ "as-of", AS_OF, "DATE", N_("analyze both inventories for this day (default: each its own)"), NULL },
	{ NULL, 0, NULL, NULL, NULL },
};

const struct command cmd_diff = {
	.name = "diff",
	.summary = N_("what changed between two inventories or two reports"),
	.args = "OLD NEW",
	.min_args = 2,
	.max_args = 2,
	.args_error = N_("expected OLD and NEW: two inventories (files or CSV folders) or two JSON reports"),
	.flags = CMD_OUTPUT,
	.format_option = 'f',
	.formats = formats,
	.format_help = N_("text (default), json (bunkai-diff/1), md"),
	.options = options,
	.description = N_("Compares two states of the same hospital: two inventories (each analyzed at its\n"
		       "own as-of date unless --as-of is given) or two reports written by\n"
		       "`bunkai analyze -f json`, never one of each. Lists the new open findings,\n"
		       "the resolved ones, the newly accepted ones (リスク受容: accepted, not resolved),\n"
		       "those still open, and every change of who validly leads what\n"
		       "(docs/tracking.md).\n"
		       "\n"
		       "Exit status: 0 no new open finding at or above --fail-on, 1 there is one\n"
		       "(a prime vendor can gate a change on \"no new gaps\"), 2 bad usage or invalid\n"
		       "input, 3 I/O or internal failure.\n"),
	.examples = N_("bunkai diff hospital-2026-04.json hospital-2026-10.json\n"
		    "bunkai diff -f json -o changes.json before.json after.json\n"
		    "bunkai analyze -f json -o new.json h.json; bunkai diff old.json new.json\n"),
	.prepare = prepare,
	.run = run,
};
