/*
** The commands, as a table in the spirit of git's commands[] and tmux's
** cmd_entry: each command is one entry (in its own cmd_*.c) that says what it
** takes — its arguments, its own options, its output formats — and which of
** the shared steps it needs. run_command() does those steps once, in one
** place: parse the options, check the arguments, load the inventory, run the
** rules, apply the view, read the analysis, open the output, call the
** command, commit the output. The same table prints --help, the man page and
** the bash completion (help.c), so none of them is kept by hand.
**
** Adding a command: write cmd_NAME.c with a `const struct command cmd_NAME`,
** list it in command_table[] (commands.c), add its tests; the suite reads the
** list from `bunkai --list-commands` and fails for a command without help.
*/
#ifndef BUNKAI_COMMAND_H
#define BUNKAI_COMMAND_H

#include <stddef.h>
#include <stdio.h>

#include "analyzer/analysis/pipeline.h"
#include "model/util/output.h"

/* The shared steps a command asks for. */
enum command_flags {
	CMD_LOAD = 1 << 0,     /* the first argument is an INVENTORY, loaded and checked */
	CMD_ANALYZE = 1 << 1,  /* ... and analyzed: model, rules (--rules DIR), view (--system, --vendor, --as-of) */
	CMD_FINDINGS = 1 << 2, /* ... and the findings read back (struct analysis) */
	CMD_OUTPUT = 1 << 3,   /* writes -o FILE (default: standard output) */
	CMD_OUTPUT_REQUIRED = 1 << 4, /* ... and -o must be given */
	CMD_PLAN = 1 << 5,     /* ... and the plan built (docs/plan.md) */
	CMD_PLAN_OPTIONAL = 1 << 6, /* ... unless --no-plan */
	CMD_CHECKSUM = 1 << 7, /* ... and the inventory's SHA-256 taken (it prints it) */
};

struct command;

/* The options the shared steps handle, one table for parsing, --help, the
   man page and the completion (command.c). */
enum { OPT_FORMAT = 1, OPT_SYSTEM = 256, OPT_VENDOR, OPT_AS_OF, OPT_RULES, OPT_MAX_CHECK_AGE, OPT_QUIET, OPT_WITHOUT,
       OPT_NO_PLAN, OPT_LANG, OPT_OWN = 512 };
struct shared_option {
	const char *name;   /* long name ("format" for OPT_FORMAT) */
	int short_name;     /* 0 if none; the format's is the command's */
	int key;
	unsigned needs;     /* the command flag that brings it; 0: every command */
	const char *arg;    /* placeholder, or NULL for a flag */
	int repeatable;
	const char *help;
};
enum { SHARED_OPTIONS_MAX = 16 };
extern const struct shared_option shared_options[]; /* ends with name NULL */
int shared_option_applies(const struct command *cmd, const struct shared_option *o);

/* One option of a command beyond the shared ones. Its value (or "" for a
   flag) lands in invocation.values[key]. */
enum { COMMAND_VALUES = 8 };
struct command_option {
	const char *name; /* long name, without -- */
	int key;          /* index into invocation.values */
	const char *arg;  /* the argument's placeholder ("SEV"), or NULL for a flag */
	const char *help; /* what it does; "\n" continues on the next line */
	const char *const *values; /* the values it takes (NULL-ended), or NULL for any */
};

struct invocation;

struct command {
	const char *name;
	const char *summary;     /* one line, for bunkai --help */
	const char *args;        /* the positional arguments, as in the synopsis */
	int min_args, max_args;  /* max_args < 0: no limit */
	const char *args_error;  /* what to say when their number is wrong */
	unsigned flags;          /* enum command_flags */
	char format_option;      /* 'f' or 'T', with formats */
	const char *const *formats;      /* NULL-ended, the first is the default */
	const char *format_help;         /* what the formats are */
	const struct command_option *options; /* own options, ending with name NULL */
	const char *description; /* the body of --help: what it does, why */
	const char *examples;    /* lines of the Examples section */
	/* Optional: check the command's own option values before anything is
	   loaded; returns EXIT_OK or EXIT_USAGE after usage_error(). */
	int (*prepare)(struct invocation *inv);
	/* The command itself, after the shared steps; returns an exit status. */
	int (*run)(struct invocation *inv);
};

/* The arguments of most commands: one inventory. */
#define ONE_INVENTORY                                                  \
	.args = "INVENTORY", .min_args = 1, .max_args = 1,             \
	.args_error = N_("expected one INVENTORY file (or - for standard input)")

/* One run of a command: what was parsed, and what the shared steps made. */
struct invocation {
	const struct command *cmd;
	char **args;   /* the positional arguments (argv's) */
	int n_args;
	const char *format; /* the chosen format's name */
	size_t format_index;
	const char *out;    /* -o, or NULL */
	const char *values[COMMAND_VALUES]; /* the own options given, by key */
	struct view view;   /* --system (owned array), --vendor */
	const char *as_of;
	const char *max_check_age; /* --max-check-age, checked */
	const char **rule_dirs; /* --rules, owned array of argv's */
	size_t n_rule_dirs, cap_rule_dirs, cap_systems;
	const char **without;   /* --without, owned array of argv's */
	size_t n_without, cap_without;
	int no_plan;
	int read_leads;     /* set by a command's prepare() whose format prints the leads */
	int every_table;    /* ... that saves the model (--db): no table left empty */
	int no_findings;    /* ... whose format shows no finding: the built-in rules need not run */
	int quiet;
	struct pipeline p;  /* with CMD_LOAD: p.s; with CMD_ANALYZE: all of it */
	struct output o;    /* with CMD_OUTPUT: open while run() writes */
	void *state;        /* the command's own, from prepare(); freed by free() */
};

/* NULL-ended, in the order of bunkai --help. */
extern const struct command *const command_table[];

const struct command *command_find(const char *name);
/* Parse argv (argv[0] is the command's name), do the shared steps, run it. */
int run_command(const struct command *cmd, int argc, char **argv);

/* Print "bunkai CMD: message" and the hint to --help; returns EXIT_USAGE. */
int usage_error(const struct invocation *inv, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* "text, json, csv or md" into sb. */
struct strbuf;
void word_list(struct strbuf *sb, const char *const *words);

/* help.c: what the table says, for people and tools. */
void command_help(const struct command *cmd, FILE *fp);
void program_help(FILE *fp);
void program_man_page(FILE *fp);
void program_completion(FILE *fp);

#endif
