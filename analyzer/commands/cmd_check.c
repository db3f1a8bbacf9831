/*
** bunkai check INVENTORY — validate only, then say what was loaded.
*/
#include <stdio.h>

#include "analyzer/commands/command.h"
#include "model/util/i18n.h"
#include "analyzer/writers/report.h"
#include "model/util/exit_codes.h"

static int run(struct invocation *inv)
{
	const struct inventory *in = &inv->p.s.inv;
	printf(_("%s: valid bunkai-inventory/1 for %s (%s)\n"), inv->args[0], in->org_name, in->org_id);
	fputs("  ", stdout);
	print_counts(stdout, (long)in->n_vendors, (long)in->n_systems, (long)in->n_devices, (long)in->n_contracts,
		     (long)in->n_subcontracts, (long)in->n_assignments, (long)in->n_remotes, (long)in->n_interfaces);
	fputc('\n', stdout);
	if (in->n_networks || in->n_device_checks)
	{
		fputs("  ", stdout);
		printf(ngettext("%zu network", "%zu networks", in->n_networks), in->n_networks);
		fputs(list_sep(), stdout);
		printf(ngettext("%zu device check", "%zu device checks", in->n_device_checks), in->n_device_checks);
		fputc('\n', stdout);
	}
	if (in->as_of)
		printf(_("  as of %s\n"), inv->p.s.as_of);
	else
		printf(_("  as of %s (today: the inventory names no as_of date)\n"), inv->p.s.as_of);
	return EXIT_OK;
}

const struct command cmd_check = {
	.name = "check",
	.summary = N_("validate an inventory and say what it holds"),
	ONE_INVENTORY,
	.flags = CMD_LOAD,
	.description = N_("Validates an inventory (format bunkai-inventory/1) without analyzing it:\n"
		       "syntax, keys, types, ids, dates, references, subcontract cycles. Every\n"
		       "problem is reported (up to 50), as FILE:LINE:COL for JSON syntax and\n"
		       "FILE: $.path: for meaning. On success it prints what it read.\n"
		       "\n"
		       "Exit status: 0 valid, 2 invalid (or bad usage), 3 I/O failure.\n"),
	.examples = N_("bunkai check hospital.json\n"
		    "bunkai check 台帳/\n"),
	.run = run,
};
