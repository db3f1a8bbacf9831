/*
** What the command table says, for people and for tools: bunkai --help,
** bunkai COMMAND --help, the man page (bunkai --man, installed as bunkai.1)
** and the bash completion (bunkai --completion bash). One source: the table.
*/
#include <stdio.h>
#include <string.h>

#include "analyzer/commands/command.h"
#include "model/util/i18n.h"
#include "model/util/strbuf.h"

static const char *const program_summary =
	N_("Finds the holes and overlaps in 責任分界 (who leads what) between a hospital and\n"
	"its vendors, checked against Part2 of the MHLW checklist on role sharing\n"
	"(医療情報システムの契約における関係者間の役割分担等に関するチェックリスト).\n");

static const char *const inventory_note =
	N_("INVENTORY is a bunkai-inventory/1 JSON file, - for standard input, a\n"
	"folder of CSV ledgers, or an Excel workbook of them (bunkai template DIR\n"
	"or FILE.xlsx writes empty ones).\n");

static const char *const exit_status =
	N_("Exit status: 0 nothing at or above --fail-on, 1 findings at or above it,\n"
	"2 bad usage or invalid input, 3 I/O or internal failure.\n");

static const char *const program_examples =
	N_("bunkai check hospital.json\n"
	"bunkai analyze hospital.json                  # text report for people\n"
	"bunkai analyze -f json -o gaps.json hospital.json\n"
	"bunkai analyze --as-of 2027-04-01 hospital.json   # what lapses by then\n"
	"bunkai diagram -o boundaries.svg hospital.json  # the picture\n"
	"bunkai matrix -o 責任分界表.csv hospital.json   # for Excel\n"
	"bunkai report -o report.html hospital.json      # one file for auditors\n"
	"bunkai template 台帳/ && bunkai analyze 台帳/     # from CSV ledgers\n"
	"bunkai items                                   # the checklist items\n");

void word_list(struct strbuf *sb, const char *const *words)
{
	for (size_t i = 0; words[i]; i++)
		strbuf_addf(sb, "%s%s", i == 0 ? "" : words[i + 1] ? list_sep() : _(" or "), words[i]);
}

/* A text of the command table in the language of the messages ("" stays
   "": gettext would answer with the catalog's header). */
static const char *tr(const char *s)
{
	return s && *s ? _(s) : s;
}

/* The synopsis words of one option: "[-f text|json]", "[--system ID]...". */
static void synopsis_word(struct strbuf *sb, const struct command *cmd, const char *name, int short_name,
			  const char *arg, int repeatable)
{
	strbuf_addch(sb, '[');
	if (short_name)
		strbuf_addf(sb, "-%c", short_name);
	else
		strbuf_addf(sb, "--%s", name);
	if (arg && !strcmp(name, "format")) {
		for (size_t i = 0; cmd->formats[i]; i++)
			strbuf_addf(sb, "%c%s", i ? '|' : ' ', cmd->formats[i]);
	} else if (arg) {
		strbuf_addf(sb, " %s", arg);
	}
	strbuf_addf(sb, "]%s", repeatable ? "..." : "");
}

/* The words of the synopsis after "bunkai NAME", each a separate string. */
static size_t synopsis_words(const struct command *cmd, struct strbuf words[32])
{
	size_t n = 0;
	for (const struct shared_option *o = shared_options; o->name; o++) {
		if (!shared_option_applies(cmd, o) || o->key == 'h' || o->key == OPT_QUIET)
			continue;
		words[n] = (struct strbuf)STRBUF_INIT;
		int s = o->key == OPT_FORMAT ? cmd->format_option : o->short_name;
		synopsis_word(&words[n++], cmd, o->name, s, o->arg, o->repeatable);
	}
	for (const struct command_option *o = cmd->options; o && o->name && n < 32; o++) {
		words[n] = (struct strbuf)STRBUF_INIT;
		synopsis_word(&words[n++], cmd, o->name, 0, o->arg, 0);
	}
	return n;
}

static void synopsis(const struct command *cmd, FILE *fp)
{
	struct strbuf words[32];
	size_t n = synopsis_words(cmd, words);
	int indent = fprintf(fp, _("usage: bunkai %s "), cmd->name), col = indent;
	col += fprintf(fp, "%s", cmd->args ? cmd->args : "");
	for (size_t i = 0; i < n; i++) {
		/* Display width: count characters, not bytes. */
		int w = 0;
		for (const char *p = words[i].buf; *p; p++)
			w += (*p & 0xC0) != 0x80;
		if (col + 1 + w > 86) {
			fprintf(fp, "\n%*s", indent, "");
			col = indent;
		} else if (col > indent || cmd->args) {
			fputc(' ', fp);
			col++;
		}
		fputs(words[i].buf, fp);
		col += w;
		strbuf_release(&words[i]);
	}
	fputc('\n', fp);
}

/* "  -o, --output FILE  " and the help, continued lines aligned. */
static void option_line(FILE *fp, int short_name, const char *name, const char *arg, const char *help)
{
	struct strbuf head = STRBUF_INIT;
	if (short_name)
		strbuf_addf(&head, "  -%c, --%s", short_name, name);
	else
		strbuf_addf(&head, "      --%s", name);
	if (arg)
		strbuf_addf(&head, " %s", arg);
	fputs(head.buf, fp);
	int pad = 23 - (int)head.len;
	if (pad < 2) {
		fprintf(fp, "\n%23s", "");
	} else {
		fprintf(fp, "%*s", pad, "");
	}
	for (const char *p = tr(help); *p; p++) {
		fputc(*p, fp);
		if (*p == '\n')
			fprintf(fp, "%23s", "");
	}
	fputc('\n', fp);
	strbuf_release(&head);
}

/* Each line of text, indented. */
static void indented(FILE *fp, const char *text, const char *indent)
{
	for (const char *p = text; *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		fprintf(fp, "%s%.*s\n", n ? indent : "", (int)n, p);
		p += n + (nl != NULL);
	}
}

void command_help(const struct command *cmd, FILE *fp)
{
	synopsis(cmd, fp);
	fprintf(fp, "\n%s\n%s\n", tr(cmd->description), _("Options:"));
	for (const struct shared_option *o = shared_options; o->name; o++) {
		if (!shared_option_applies(cmd, o) || o->key == 'h')
			continue;
		int s = o->key == OPT_FORMAT ? cmd->format_option : o->short_name;
		option_line(fp, s, o->name, o->arg, o->key == OPT_FORMAT ? cmd->format_help : o->help);
	}
	for (const struct command_option *o = cmd->options; o && o->name; o++)
		option_line(fp, 0, o->name, o->arg, o->help);
	option_line(fp, 'h', "help", NULL, N_("show this help"));
	if (cmd->examples) {
		fprintf(fp, "\n%s\n", _("Examples:"));
		indented(fp, tr(cmd->examples), "  ");
	}
}

void program_help(FILE *fp)
{
	fprintf(fp, _("usage: bunkai COMMAND [OPTIONS] [INVENTORY]\n\n%s\nCommands:\n"), _(program_summary));
	for (size_t i = 0; command_table[i]; i++)
		fprintf(fp, "  %-9s %s\n", command_table[i]->name, tr(command_table[i]->summary));
	fprintf(fp, "\n%s\n%s\n", _(inventory_note), _("Examples:"));
	indented(fp, _(program_examples), "  ");
	fprintf(fp, _("\n%sRun 'bunkai COMMAND --help' for a command's options.\n"), _(exit_status));
}

/* ---- the man page ---- */

/* Text for roff: backslashes doubled, a line never starts with . or '. */
static void roff(FILE *fp, const char *text)
{
	int bol = 1;
	for (const char *p = text; *p; p++) {
		if (bol && (*p == '.' || *p == '\''))
			fputs("\\&", fp);
		if (*p == '\\')
			fputs("\\e", fp);
		else if (*p == '-')
			fputs("\\-", fp);
		else
			fputc(*p, fp);
		bol = *p == '\n';
	}
}

static void man_option(FILE *fp, int short_name, const char *name, const char *arg, const char *help)
{
	fputs(".TP\n", fp);
	if (short_name)
		fprintf(fp, "\\fB\\-%c\\fR, ", short_name);
	fprintf(fp, "\\fB\\-\\-");
	roff(fp, name);
	fputs("\\fR", fp);
	if (arg)
		fprintf(fp, " \\fI%s\\fR", arg);
	fputc('\n', fp);
	roff(fp, help);
	fputc('\n', fp);
}

void program_man_page(FILE *fp)
{
	fputs(".TH BUNKAI 1 \"\" \"bunkai " BUNKAI_VERSION "\" \"User Commands\"\n"
	      ".SH NAME\nbunkai \\- find the holes and overlaps in responsibility boundaries (責任分界)\n"
	      ".SH SYNOPSIS\n.B bunkai\n.I COMMAND\n[\\fIOPTIONS\\fR] [\\fIINVENTORY\\fR]\n"
	      ".SH DESCRIPTION\n",
	      fp);
	roff(fp, program_summary);
	fputs(".PP\n", fp);
	roff(fp, inventory_note);
	fputs(".SH COMMANDS\n", fp);
	for (size_t i = 0; command_table[i]; i++) {
		const struct command *cmd = command_table[i];
		fputs(".SS \"", fp);
		struct strbuf words[32];
		size_t n = synopsis_words(cmd, words);
		struct strbuf line = STRBUF_INIT;
		strbuf_addf(&line, "bunkai %s %s", cmd->name, cmd->args ? cmd->args : "");
		for (size_t k = 0; k < n; k++) {
			strbuf_addf(&line, " %s", words[k].buf);
			strbuf_release(&words[k]);
		}
		roff(fp, line.buf);
		strbuf_release(&line);
		fputs("\"\n", fp);
		roff(fp, cmd->description);
		for (const struct shared_option *o = shared_options; o->name; o++) {
			if (!shared_option_applies(cmd, o) || o->key == 'h')
				continue;
			int s = o->key == OPT_FORMAT ? cmd->format_option : o->short_name;
			man_option(fp, s, o->name, o->arg, o->key == OPT_FORMAT ? cmd->format_help : o->help);
		}
		for (const struct command_option *o = cmd->options; o && o->name; o++)
			man_option(fp, 0, o->name, o->arg, o->help);
		if (cmd->examples) {
			fputs(".PP\nExamples:\n.nf\n", fp);
			roff(fp, cmd->examples);
			fputs(".fi\n", fp);
		}
	}
	fputs(".SH EXIT STATUS\n", fp);
	roff(fp, exit_status);
	fputs(".SH EXAMPLES\n.nf\n", fp);
	roff(fp, program_examples);
	fputs(".fi\n.SH SEE ALSO\n"
	      "The documentation in /usr/share/doc/bunkai (or docs/ of the source): the inventory\n"
	      "format, every finding code with its checklist passage, the diagram's legend.\n",
	      fp);
}

/* ---- bash completion ---- */

/* What to complete after an option taking `arg`. */
static void complete_arg(FILE *fp, const char *arg, const char *const *words)
{
	if (words) {
		fputs("COMPREPLY=($(compgen -W \"", fp);
		for (size_t i = 0; words[i]; i++)
			fprintf(fp, "%s%s", i ? " " : "", words[i]);
		fputs("\" -- \"$cur\"))", fp);
	} else if (!strcmp(arg, "DIR")) {
		fputs("COMPREPLY=($(compgen -d -- \"$cur\"))", fp);
	} else if (!strcmp(arg, "FILE")) {
		fputs("COMPREPLY=($(compgen -f -- \"$cur\"))", fp);
	} else {
		fputs("COMPREPLY=()", fp);
	}
}

void program_completion(FILE *fp)
{
	fputs("# bash completion for bunkai, generated by `bunkai --completion bash` from its command table.\n"
	      "_bunkai() {\n"
	      "\tlocal cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
	      "\tif [ \"$COMP_CWORD\" -eq 1 ]; then\n"
	      "\t\tCOMPREPLY=($(compgen -W \"",
	      fp);
	for (size_t i = 0; command_table[i]; i++)
		fprintf(fp, "%s ", command_table[i]->name);
	fputs("--help --version\" -- \"$cur\"))\n\t\treturn\n\tfi\n\tcase \"${COMP_WORDS[1]}\" in\n", fp);
	for (size_t i = 0; command_table[i]; i++) {
		const struct command *cmd = command_table[i];
		fprintf(fp, "\t%s)\n\t\tcase \"$prev\" in\n", cmd->name);
		struct strbuf all = STRBUF_INIT;
		for (const struct shared_option *o = shared_options; o->name; o++) {
			if (!shared_option_applies(cmd, o))
				continue;
			int s = o->key == OPT_FORMAT ? cmd->format_option : o->short_name;
			strbuf_addf(&all, "%s--%s", all.len ? " " : "", o->name);
			if (s)
				strbuf_addf(&all, " -%c", s);
			if (!o->arg)
				continue;
			fputs("\t\t", fp);
			if (s)
				fprintf(fp, "-%c|", s);
			fprintf(fp, "--%s) ", o->name);
			complete_arg(fp, o->arg, o->key == OPT_FORMAT ? cmd->formats : NULL);
			fputs("; return ;;\n", fp);
		}
		for (const struct command_option *o = cmd->options; o && o->name; o++) {
			strbuf_addf(&all, " --%s", o->name);
			if (!o->arg)
				continue;
			fprintf(fp, "\t\t--%s) ", o->name);
			complete_arg(fp, o->arg, o->values);
			fputs("; return ;;\n", fp);
		}
		fprintf(fp, "\t\tesac\n\t\tif [[ $cur == -* ]]; then\n"
			    "\t\t\tCOMPREPLY=($(compgen -W \"%s\" -- \"$cur\"))\n"
			    "\t\telse\n\t\t\tCOMPREPLY=($(compgen -f -- \"$cur\"))\n\t\tfi\n\t\t;;\n",
			all.buf);
		strbuf_release(&all);
	}
	fputs("\tesac\n}\ncomplete -o filenames -F _bunkai bunkai\n", fp);
}
