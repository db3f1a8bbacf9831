/*
** The shared steps of every command, done once (command.h).
*/
#include "command.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/util/exit_codes.h"
#include "model/util/i18n.h"
#include "model/util/progress.h"
#include "model/util/strbuf.h"
#include "model/util/textcheck.h"
#include "model/util/xalloc.h"

const struct shared_option shared_options[] = {
	{ "format", 0, OPT_FORMAT, 0, "FMT", 0, NULL /* the command's format_help */ },
	{ "output", 'o', 'o', CMD_OUTPUT, "FILE", 0,
	  N_("write to FILE instead of standard output; a file is\n"
	  "replaced only when complete, a device or pipe is written\n"
	  "in place (docs/output.md)") },
	{ "system", 0, OPT_SYSTEM, CMD_ANALYZE, "ID", 1, N_("only this system (repeatable)") },
	{ "vendor", 0, OPT_VENDOR, CMD_ANALYZE, "ID", 0,
	  N_("only what this vendor and its subcontractors are bound to\n(a prime vendor's view)") },
	{ "as-of", 0, OPT_AS_OF, CMD_ANALYZE, "DATE", 0,
	  N_("analyze for this day (YYYY-MM-DD); default: the inventory's\n"
	  "as_of, else today (local time). A future date shows what lapses.") },
	{ "rules", 0, OPT_RULES, CMD_ANALYZE, "DIR", 1,
	  N_("also run the *.sql rule files in DIR (docs/architecture.md)") },
	{ "max-check-age", 0, OPT_MAX_CHECK_AGE, CMD_ANALYZE, "DAYS", 0,
	  N_("a door's patch check counts for DAYS days (default 365)") },
	{ "without", 0, OPT_WITHOUT, CMD_ANALYZE, "VENDOR", 1,
	  N_("what if VENDOR left on the as-of date: its contracts and\n"
	  "subcontracts end the day before, its remote paths and\n"
	  "assignments are dropped (repeatable)") },
	{ "no-plan", 0, OPT_NO_PLAN, CMD_PLAN_OPTIONAL, NULL, 0,
	  N_("skip the plan of what to fix first (faster batch runs)") },
	{ "quiet", 0, OPT_QUIET, CMD_LOAD, NULL, 0, N_("no progress line on a terminal during long runs") },
	{ "lang", 0, OPT_LANG, 0, "ja|en", 0,
	  N_("the language of messages and reports (default: the locale,\n"
	  "LANG=ja_JP.UTF-8 or LANGUAGE=ja; docs/i18n.md)") },
	{ "help", 'h', 'h', 0, NULL, 0, N_("show this help") },
	{ NULL, 0, 0, 0, NULL, 0, NULL },
};

int shared_option_applies(const struct command *cmd, const struct shared_option *o)
{
	if (o->key == OPT_FORMAT)
		return cmd->formats != NULL;
	if (o->needs == CMD_LOAD)
		return (cmd->flags & (CMD_LOAD | CMD_ANALYZE)) != 0;
	return !o->needs || (cmd->flags & o->needs);
}

const struct command *command_find(const char *name)
{
	for (size_t i = 0; command_table[i]; i++)
		if (!strcmp(command_table[i]->name, name))
			return command_table[i];
	return NULL;
}

int usage_error(const struct invocation *inv, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	fprintf(stderr, "bunkai %s: ", inv->cmd->name);
	message_put(stderr, msg);
	fprintf(stderr, "\nTry 'bunkai %s --help'.\n", inv->cmd->name);
	free(msg);
	return EXIT_USAGE;
}

/* getopt_long's table for a command: the shared options it takes (from
   shared_options[], help.c) and its own. Caller frees. */
static struct option *option_table(const struct command *cmd, char *shorts)
{
	size_t n = 0, own = 0;
	while (cmd->options && cmd->options[own].name)
		own++;
	struct option *t = xcalloc(SHARED_OPTIONS_MAX + own + 2, sizeof(*t));
	char *s = shorts;
	for (const struct shared_option *o = shared_options; o->name; o++) {
		if (!shared_option_applies(cmd, o))
			continue;
		t[n++] = (struct option){ o->key == OPT_FORMAT ? "format" : o->name, o->arg ? required_argument : no_argument,
					  NULL, o->key };
		int c = o->key == OPT_FORMAT ? cmd->format_option : o->short_name;
		if (c) {
			*s++ = (char)c;
			if (o->arg)
				*s++ = ':';
		}
	}
	for (size_t i = 0; i < own; i++)
		t[n++] = (struct option){ cmd->options[i].name, cmd->options[i].arg ? required_argument : no_argument, NULL,
					  OPT_OWN + cmd->options[i].key };
	*s = '\0';
	return t;
}

/* Parse argv into inv. Returns EXIT_OK, EXIT_USAGE after a usage error, or -1
   after --help was printed. */
static int parse(struct invocation *inv, int argc, char **argv)
{
	const struct command *cmd = inv->cmd;
	char shorts[32];
	struct option *opts = option_table(cmd, shorts);
	char show[SHOWN_SIZE];
	int c, rc = EXIT_OK;
	optind = 1;
	opterr = 0;
	while (rc == EXIT_OK && (c = getopt_long(argc, argv, shorts, opts, NULL)) != -1) {
		if (cmd->format_option && c == cmd->format_option)
			c = OPT_FORMAT;
		switch (c) {
		case 'h': command_help(cmd, stdout); rc = -1; break;
		case 'o': inv->out = optarg; break;
		case OPT_FORMAT: inv->format = optarg; break;
		case OPT_QUIET: inv->quiet = 1; break;
		case OPT_AS_OF: inv->as_of = optarg; break;
		case OPT_MAX_CHECK_AGE: {
			char *end = NULL;
			long days = strtol(optarg, &end, 10);
			if (!optarg[0] || *end || days < 0 || days > 36500)
				rc = usage_error(inv, _("--max-check-age: \"%s\" is not a number of days (0 to 36500)"),
						 shown(show, optarg));
			inv->max_check_age = optarg;
			break;
		}
		case OPT_SYSTEM:
			inv->view.systems = xgrow(inv->view.systems, &inv->cap_systems, inv->view.n_systems + 1,
						  sizeof(*inv->view.systems));
			inv->view.systems[inv->view.n_systems++] = optarg;
			break;
		case OPT_VENDOR:
			if (inv->view.vendor)
				rc = usage_error(inv, _("--vendor is given twice"));
			inv->view.vendor = optarg;
			break;
		case OPT_WITHOUT:
			inv->without = xgrow(inv->without, &inv->cap_without, inv->n_without + 1, sizeof(*inv->without));
			inv->without[inv->n_without++] = optarg;
			break;
		case OPT_NO_PLAN: inv->no_plan = 1; break;
		case OPT_LANG: /* chosen before parsing (main.c); only checked here */
			if (strcmp(optarg, "ja") && strcmp(optarg, "en"))
				rc = usage_error(inv, _("--lang: unknown language \"%s\" (ja or en)"), shown(show, optarg));
			break;
		case OPT_RULES:
			inv->rule_dirs = xgrow(inv->rule_dirs, &inv->cap_rule_dirs, inv->n_rule_dirs + 1,
					       sizeof(*inv->rule_dirs));
			inv->rule_dirs[inv->n_rule_dirs++] = optarg;
			break;
		default:
			if (c >= OPT_OWN && c < OPT_OWN + COMMAND_VALUES)
				inv->values[c - OPT_OWN] = optarg ? optarg : "";
			else
				rc = usage_error(inv, _("option \"%s\" is unknown or needs a value"),
						 shown(show, argv[optind - 1]));
		}
	}
	free(opts);
	if (rc != EXIT_OK)
		return rc;
	inv->args = argv + optind;
	inv->n_args = argc - optind;
	if (inv->n_args < cmd->min_args || (cmd->max_args >= 0 && inv->n_args > cmd->max_args))
		return usage_error(inv, "%s", _(cmd->args_error));
	if (cmd->formats) {
		if (!inv->format)
			inv->format = cmd->formats[0];
		for (inv->format_index = 0; cmd->formats[inv->format_index]; inv->format_index++)
			if (!strcmp(cmd->formats[inv->format_index], inv->format))
				break;
		if (!cmd->formats[inv->format_index]) {
			struct strbuf names = STRBUF_INIT;
			word_list(&names, cmd->formats);
			rc = usage_error(inv, _("unknown format \"%s\" (%s)"), shown(show, inv->format), names.buf);
			strbuf_release(&names);
			return rc;
		}
	}
	for (const struct command_option *o = cmd->options; o && o->name; o++) {
		const char *v = inv->values[o->key];
		size_t i = 0;
		while (v && o->values && o->values[i] && strcmp(o->values[i], v))
			i++;
		if (v && o->values && !o->values[i]) {
			struct strbuf names = STRBUF_INIT;
			word_list(&names, o->values);
			rc = usage_error(inv, _("--%s: unknown value \"%s\" (%s)"), o->name, shown(show, v), names.buf);
			strbuf_release(&names);
			return rc;
		}
	}
	if ((cmd->flags & CMD_OUTPUT_REQUIRED) && !inv->out)
		return usage_error(inv, _("-o FILE is required (use -o - for standard output)"));
	return EXIT_OK;
}

/* Load, analyze, view, read: as much as the command asks for. */
static int load(struct invocation *inv)
{
	unsigned flags = inv->cmd->flags;
	if (flags & CMD_ANALYZE) {
		struct pipeline_options o = {
			.as_of = inv->as_of,
			.max_check_age = inv->max_check_age,
			.rule_dirs = inv->rule_dirs,
			.n_rule_dirs = inv->n_rule_dirs,
			.read_findings = (flags & CMD_FINDINGS) != 0,
			.read_leads = inv->read_leads,
			.plan = (flags & CMD_PLAN) && !inv->no_plan,
			.checksum = (flags & CMD_CHECKSUM) != 0,
			.every_table = inv->every_table,
			.no_findings = inv->no_findings,
			.without = inv->without,
			.n_without = inv->n_without,
		};
		return pipeline_run(&inv->p, inv->args[0], &o, &inv->view);
	}
	if (flags & CMD_LOAD)
		return session_load(&inv->p.s, inv->args[0], inv->as_of, 0);
	return EXIT_OK;
}

int run_command(const struct command *cmd, int argc, char **argv)
{
	struct invocation inv;
	memset(&inv, 0, sizeof(inv));
	inv.cmd = cmd;
	int rc = parse(&inv, argc, argv);
	if (rc < 0) {
		rc = EXIT_OK; /* --help */
		goto out;
	}
	if (rc == EXIT_OK && (cmd->flags & CMD_OUTPUT))
		rc = output_check(inv.out, "-o", 0);
	if (rc == EXIT_OK && cmd->prepare)
		rc = cmd->prepare(&inv);
	if (rc != EXIT_OK)
		goto out;
	progress_start(inv.quiet);
	rc = load(&inv);
	if (rc == EXIT_OK && (cmd->flags & CMD_OUTPUT))
		rc = output_open(&inv.o, inv.out);
	if (rc == EXIT_OK) {
		progress_phase(_("writing"));
		rc = cmd->run(&inv);
		if (cmd->flags & CMD_OUTPUT) {
			if (rc == EXIT_OK || rc == EXIT_FINDINGS) {
				int committed = output_commit(&inv.o);
				if (committed)
					rc = committed;
			} else {
				output_abort(&inv.o);
			}
		}
	}
	progress_end();
out:
	if (fflush(stdout) != 0 || ferror(stdout)) {
		error(_("standard output: write failed"));
		rc = EXIT_FAILURE_IO;
	}
	pipeline_release(&inv.p);
	free(inv.view.systems);
	free(inv.rule_dirs);
	free(inv.without);
	free(inv.state);
	return rc;
}
