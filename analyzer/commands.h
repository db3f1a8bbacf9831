/*
** The subcommands: one file each (cmd_*.c) with a cmd_NAME(argc, argv)
** entry point. To add one, write the file, declare it here and list it in
** the commands[] table of main.c, which also drives `bunkai --help`.
*/
#ifndef BUNKAI_COMMANDS_H
#define BUNKAI_COMMANDS_H

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
};

int cmd_check(int argc, char **argv);
int cmd_analyze(int argc, char **argv);
int cmd_items(int argc, char **argv);
int cmd_diagram(int argc, char **argv);
int cmd_matrix(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_template(int argc, char **argv);

/* Shared by the commands: print a usage error and return EXIT_USAGE. */
int usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* After getopt_long returned '?' or ':': name the offending argument. */
int option_error(const char *cmd, char **argv);

/* The view options several commands share: --system ID (repeatable),
   --vendor ID, --as-of DATE. List VIEW_OPTIONS in the getopt_long table and
   pass every option to view_option() first. */
enum { OPT_SYSTEM = 256, OPT_VENDOR, OPT_AS_OF, OPT_COMMAND_FIRST };

#define VIEW_OPTIONS                                                \
	{ "system", required_argument, NULL, OPT_SYSTEM },          \
	{ "vendor", required_argument, NULL, OPT_VENDOR },          \
	{ "as-of", required_argument, NULL, OPT_AS_OF }

struct view_options {
	const char **systems; /* owned array; the strings are argv's */
	size_t n_systems, cap;
	const char *vendor, *as_of;
};

/* 1 if `c` was a view option (recorded), 0 if not, -1 after a usage error. */
int view_option(struct view_options *v, int c, const char *arg, const char *cmd);
void view_options_release(struct view_options *v);

#endif
