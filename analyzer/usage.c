/*
** Command-line helpers shared by the subcommands: usage errors (one format,
** one exit status) and the view options.
*/
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "../model/textcheck.h"
#include "../model/xalloc.h"
#include "commands.h"

int usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	fprintf(stderr, "bunkai %s: ", cmd);
	message_put(stderr, msg);
	fprintf(stderr, "\nTry 'bunkai %s --help'.\n", cmd);
	free(msg);
	return EXIT_USAGE;
}

int option_error(const char *cmd, char **argv)
{
	return usage_error(cmd, "option \"%s\" is unknown or needs a value", argv[optind - 1]);
}

int view_option(struct view_options *v, int c, const char *arg, const char *cmd)
{
	switch (c) {
	case OPT_SYSTEM:
		v->systems = xgrow(v->systems, &v->cap, v->n_systems + 1, sizeof(*v->systems));
		v->systems[v->n_systems++] = arg;
		return 1;
	case OPT_VENDOR:
		if (v->vendor) {
			usage_error(cmd, "--vendor is given twice");
			return -1;
		}
		v->vendor = arg;
		return 1;
	case OPT_AS_OF:
		v->as_of = arg;
		return 1;
	default:
		return 0;
	}
}

void view_options_release(struct view_options *v)
{
	free(v->systems);
	v->systems = NULL;
	v->n_systems = v->cap = 0;
}
