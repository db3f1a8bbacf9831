/*
** bunkai — finds the holes and overlaps in 責任分界 (who is responsible for
** what) between a hospital and its vendors. This file only dispatches: the
** commands are the table of analyzer/commands/commands.c.
*/
#include <stdio.h>
#include <string.h>

#include "analyzer/commands/command.h"
#include "model/util/exit_codes.h"
#include "model/util/heap.h"
#include "model/util/i18n.h"
#include "model/util/textcheck.h"
#include "model/util/xalloc.h"

#ifndef BUNKAI_VERSION
#define BUNKAI_VERSION "0.1.0"
#endif

/* Top-level options: for people (--help, --version) and for tools that
   build on the command table (the man page, the completion, the test suite). */
static int top_level(const char *opt, int argc, char **argv)
{
	if (!strcmp(opt, "--help") || !strcmp(opt, "-h"))
		program_help(stdout);
	else if (!strcmp(opt, "--version"))
		printf("bunkai %s\n", BUNKAI_VERSION);
	else if (!strcmp(opt, "--list-commands"))
		for (size_t i = 0; command_table[i]; i++)
			printf("%s\n", command_table[i]->name);
	else if (!strcmp(opt, "--man"))
		program_man_page(stdout);
	else if (!strcmp(opt, "--completion") && argc == 3 && !strcmp(argv[2], "bash"))
		program_completion(stdout);
	else
		return -1;
	return fflush(stdout) || ferror(stdout) ? EXIT_FAILURE_IO : EXIT_OK;
}

int main(int argc, char **argv)
{
	heap_start();
	/* The man page and the completion are built files: always English. */
	int generated = argc > 1 && (!strcmp(argv[1], "--man") || !strcmp(argv[1], "--completion"));
	i18n_init(generated ? "en" : i18n_lang_arg(argc, argv));
	/* "bunkai --lang ja analyze …": the language, chosen above, may come first. */
	const char *lang = argc > 1 && !strncmp(argv[1], "--lang", 6) ? i18n_lang_arg(argc, argv) : NULL;
	if (lang && strcmp(lang, "ja") && strcmp(lang, "en")) {
		char buf[SHOWN_SIZE];
		error(_("--lang: unknown language \"%s\" (ja or en)"), shown(buf, lang));
		return EXIT_USAGE;
	}
	if (argc > 1 && !strncmp(argv[1], "--lang=", 7)) {
		argv[1] = argv[0];
		argc--, argv++;
	} else if (argc > 2 && !strcmp(argv[1], "--lang")) {
		argv[2] = argv[0];
		argc -= 2, argv += 2;
	}
	if (argc < 2) {
		program_help(stderr);
		return EXIT_USAGE;
	}
	const char *name = argv[1];
	if (name[0] == '-') {
		int rc = top_level(name, argc, argv);
		if (rc >= 0)
			return rc;
	}
	const struct command *cmd = command_find(name);
	if (cmd)
		return run_command(cmd, argc - 1, argv + 1);
	char buf[SHOWN_SIZE];
	if (name[0] == '-')
		error(_("unknown option \"%s\""), shown(buf, name));
	else
		error(_("unknown command \"%s\""), shown(buf, name));
	program_help(stderr);
	return EXIT_USAGE;
}
