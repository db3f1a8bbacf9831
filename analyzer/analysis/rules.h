/*
** Gap rules: SQL files with a header (the .sql files of rules/, or a user's --rules DIR).
**
**   -- code: unowned-item        finding code, [a-z0-9-]+
**   -- severity: error           error | warning | info
**   -- key: system item          columns that make the finding's stable id
**   -- ref: Part2 A-2 (a)        the checklist passage behind it (default ref)
**   -- fix: …                    what to do about it, one line
**   -- fix.ja: …                 the same in Japanese (optional for --rules)
**   -- message KEY: …{device}…   a message template (optional, repeatable):
**   -- message.ja KEY: …         with templates, the `message` column holds
**                                a template's KEY and the placeholders name
**                                the row's columns (analysis/message.h)
**   -- runs: last                (optional) after the other rules and the
**                                acceptances, reading their findings
**   SELECT … AS item, … AS system, … AS device, … AS remote, … AS contract,
**          … AS parties, … AS ref, … AS message FROM …;
**
** A rule is one SELECT over the model (model/db/schema.sql, model/db/derive.sql).
** Columns it does not return are NULL; `message` is required. Without
** templates, `message` is the message itself (a user's rule in one language).
*/
#ifndef BUNKAI_RULES_H
#define BUNKAI_RULES_H

#include <sqlite3.h>
#include <stddef.h>

enum severity { SEV_ERROR, SEV_WARNING, SEV_INFO, SEV_NONE };

extern const char *const severity_names[]; /* "error", "warning", "info", "none" */
/* A --fail-on value (checked against severity_names) as a severity; NULL: error. */
enum severity severity_from_name(const char *name);

enum { RULE_KEY_MAX = 6 }; /* system item device remote contract parties */

/* "-- message KEY: English" and "-- message.ja KEY: Japanese". */
struct rule_template {
	char *key, *en, *ja; /* ja may be NULL */
};

struct rule {
	char *origin; /* file name, for messages */
	char *code, *ref, *fix, *fix_ja;
	struct rule_template *templates;
	size_t n_templates, cap_templates;
	int key[RULE_KEY_MAX + 1]; /* "-- key:" as result-column indexes, ending with -1 */
	enum severity severity;
	int ordered_parties; /* "-- parties: ordered": keep the rule's order, else sorted */
	int last;            /* "-- runs: last": after every other rule, on their findings */
	char *sql;        /* the whole file */
	const char *body; /* in sql, after the header: what SQLite compiles (it would tokenize the header too) */
};

struct ruleset {
	struct rule *v; /* owned, with their strings */
	size_t n, cap;
};

/* Parse one rule file's text; returns 0, or -1 after printing an error. */
int rule_parse(struct ruleset *rs, const char *origin, const char *text);
/* Add the built-in rules (the .sql files of rules/, compiled in). */
int ruleset_add_builtin(struct ruleset *rs);
/* Add every .sql file of a directory, in name order. */
int ruleset_add_dir(struct ruleset *rs, const char *dir);
void ruleset_release(struct ruleset *rs);

/* The rule's what-to-do in the language of the messages (i18n.h). */
const char *rule_fix(const struct rule *r);

/* Run every rule against the model and fill the findings tables. With
   `messages` 0 a finding's message is its template's key: the plan's
   re-analyses compare finding ids only, and filling templates with names
   is most of the rules' time at 100,000 devices. Returns 0, or -1 after
   printing which rule failed. */
int rules_run(sqlite3 *db, const struct ruleset *rs, int messages);

#endif
