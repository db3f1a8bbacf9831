#include "rules.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "model/db/db.h"
#include "model/db/statements.h"
#include "analyzer/analysis/message.h"
#include "model/util/embedded.h"
#include "model/util/i18n.h"
#include "model/util/progress.h"
#include "model/util/read_input.h"
#include "model/util/strbuf.h"
#include "model/util/xalloc.h"

const char *const severity_names[] = { "error", "warning", "info", "none", NULL };

enum severity severity_from_name(const char *name)
{
	for (int i = 0; name && severity_names[i]; i++)
		if (!strcmp(name, severity_names[i]))
			return (enum severity)i;
	return SEV_ERROR;
}

/* The columns a rule may return; the first six can make up its key. */
enum col { C_ITEM, C_SYSTEM, C_DEVICE, C_REMOTE, C_CONTRACT, C_PARTIES, C_REF, C_MESSAGE, C_KEY, C_N };
static const char *const col_names[] = { "item", "system", "device", "remote", "contract", "parties", "ref", "message",
					 "key" };
_Static_assert(C_PARTIES + 1 == RULE_KEY_MAX, "key columns come first");

static char *trimmed(const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	return xstrndup(s, n);
}

static int valid_code(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
			return 0;
	return 1;
}

/* "-- key: system item" into column indexes ending with -1; 0, or -1 if a
   name is not a key column (or there are none, or too many). "key" alone
   means the rule's own `key` column makes the id. */
static int parse_key(const char *key, int out[RULE_KEY_MAX + 1])
{
	char *copy = xstrdup(key), *save = NULL;
	int n = 0, ok = 1, own = 0;
	for (char *t = strtok_r(copy, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
		int c = 0;
		if (!strcmp(t, "key") && !own && !n) {
			own = 1;
			continue;
		}
		while (c < RULE_KEY_MAX && strcmp(t, col_names[c]))
			c++;
		if (c == RULE_KEY_MAX || n == RULE_KEY_MAX)
			ok = 0;
		else
			out[n++] = c;
	}
	out[n] = -1;
	free(copy);
	return ok && (n > 0) != own ? 0 : -1;
}

/* "message KEY" / "message.ja KEY": add or complete the template KEY;
   -1 if the line is not one or repeats one. */
static int template_line(struct rule *r, const char *name, char *value)
{
	int ja = !strncmp(name, "message.ja ", 11);
	if (!ja && strncmp(name, "message ", 8))
		return -1;
	const char *key = name + (ja ? 11 : 8);
	if (!valid_code(key))
		return -1;
	struct rule_template *t = NULL;
	for (size_t i = 0; i < r->n_templates; i++)
		if (!strcmp(r->templates[i].key, key))
			t = &r->templates[i];
	if (!t) {
		r->templates = xgrow(r->templates, &r->cap_templates, r->n_templates + 1, sizeof(*r->templates));
		t = &r->templates[r->n_templates++];
		*t = (struct rule_template){ xstrdup(key), NULL, NULL };
	}
	char **slot = ja ? &t->ja : &t->en;
	if (*slot)
		return -1;
	*slot = value;
	return 0;
}

static void rule_free(struct rule *r)
{
	free(r->origin);
	free(r->code);
	free(r->ref);
	free(r->fix);
	free(r->fix_ja);
	for (size_t i = 0; i < r->n_templates; i++) {
		free(r->templates[i].key);
		free(r->templates[i].en);
		free(r->templates[i].ja);
	}
	free(r->templates);
	free(r->sql);
}

const char *rule_fix(const struct rule *r)
{
	if (!r->fix)
		return NULL;
	const char *t = _(r->fix);
	/* A user's rule is not in the catalog: its own Japanese line, if any. */
	return t == r->fix && r->fix_ja && !strcmp(i18n_lang(), "ja") ? r->fix_ja : t;
}

static const char *template_text(const struct rule_template *t)
{
	const char *s = _(t->en);
	return s == t->en && t->ja && !strcmp(i18n_lang(), "ja") ? t->ja : s;
}

int rule_parse(struct ruleset *rs, const char *origin, const char *text)
{
	struct rule r = { 0 };
	char *sev = NULL, *key = NULL, *parties = NULL, *runs = NULL;
	int bad = 0;
	/* The header is the leading run of "-- name: value" comment lines. */
	const char *p = text; /* then the body, where the header ends */
	while (!strncmp(p, "--", 2)) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		const char *colon = memchr(p, ':', len);
		if (colon) {
			char *name = trimmed(p + 2, (size_t)(colon - p - 2));
			char *value = trimmed(colon + 1, len - (size_t)(colon + 1 - p));
			char **slot = !strcmp(name, "code") ? &r.code : !strcmp(name, "severity") ? &sev
				    : !strcmp(name, "ref") ? &r.ref : !strcmp(name, "key") ? &key
				    : !strcmp(name, "fix") ? &r.fix : !strcmp(name, "parties") ? &parties
				    : !strcmp(name, "runs") ? &runs : !strcmp(name, "fix.ja") ? &r.fix_ja : NULL;
			if (slot && !*slot)
				*slot = value;
			else if (!strncmp(name, "message", 7) && template_line(&r, name, value) < 0) {
				bad = error(_("%s: \"-- %s:\" is not a message template (\"-- message KEY:\" or "
					    "\"-- message.ja KEY:\", KEY in lowercase letters, digits and -, each once)"),
					    origin, name);
				free(value);
			} else if (strncmp(name, "message", 7))
				free(value);
			free(name);
		}
		if (!eol)
			break;
		p = eol + 1;
	}
	for (size_t i = 0; i < r.n_templates; i++)
		if (!r.templates[i].en)
			bad = error(_("%s: \"-- message.ja %s:\" has no English \"-- message %s:\""), origin,
				    r.templates[i].key, r.templates[i].key);
	r.ordered_parties = parties && !strcmp(parties, "ordered");
	if (parties && !r.ordered_parties)
		bad = error(_("%s: \"-- parties:\" takes \"ordered\" (the rule's order instead of sorted)"), origin);
	free(parties);
	r.last = runs && !strcmp(runs, "last");
	if (runs && !r.last)
		bad = error(_("%s: \"-- runs:\" takes \"last\" (after every other rule, on their findings)"), origin);
	free(runs);
	if (!r.code || !valid_code(r.code))
		bad = error(_("%s: the header needs \"-- code: NAME\" (lowercase letters, digits, -)"), origin);
	if (!sev)
		bad = error(_("%s: the header needs \"-- severity: error|warning|info\""), origin);
	else if (!strcmp(sev, "error"))
		r.severity = SEV_ERROR;
	else if (!strcmp(sev, "warning"))
		r.severity = SEV_WARNING;
	else if (!strcmp(sev, "info"))
		r.severity = SEV_INFO;
	else
		bad = error(_("%s: unknown severity \"%s\" (error, warning or info)"), origin, sev);
	if (parse_key(key ? key : "system item device remote contract parties", r.key) < 0)
		bad = error(_("%s: \"-- key:\" takes column names among system item device remote contract parties, "
			    "or \"key\" (the rule's own key column)"), origin);
	for (size_t i = 0; !bad && i < rs->n; i++)
		if (!strcmp(rs->v[i].code, r.code))
			bad = error(_("%s: code \"%s\" is already defined by %s"), origin, r.code, rs->v[i].origin);
	free(sev);
	free(key);
	if (bad) {
		rule_free(&r);
		return -1;
	}
	r.origin = xstrdup(origin);
	r.sql = xstrdup(text);
	r.body = r.sql + (p - text);
	rs->v = xgrow(rs->v, &rs->cap, rs->n + 1, sizeof(*rs->v));
	rs->v[rs->n++] = r;
	return 0;
}

int ruleset_add_builtin(struct ruleset *rs)
{
	for (const struct embedded_file *f = embedded_files; f->name; f++) {
		size_t n = strlen(f->name);
		if (strncmp(f->name, "rules/", 6) || n < 4 || strcmp(f->name + n - 4, ".sql"))
			continue;
		if (rule_parse(rs, f->name, f->data) < 0)
			return -1;
	}
	return 0;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int is_sql(const struct dirent *e)
{
	size_t n = strlen(e->d_name);
	return e->d_name[0] != '.' && n > 4 && !strcmp(e->d_name + n - 4, ".sql");
}

int ruleset_add_dir(struct ruleset *rs, const char *dir)
{
	struct dirent **list = NULL;
	int n = scandir(dir, &list, is_sql, by_name);
	if (n < 0)
		return error(_("%s: cannot read rules directory: %s"), dir, strerror(errno));
	int rc = 0;
	if (n == 0)
		rc = error(_("%s: no *.sql rule files"), dir);
	for (int i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", dir, list[i]->d_name);
		char *text = NULL;
		size_t len;
		if (rc == 0 && !read_input(path, &text, &len))
			rc = rule_parse(rs, path, text);
		else if (rc == 0)
			rc = -1;
		free(text);
		free(path);
		free(list[i]);
	}
	free(list);
	return rc;
}

void ruleset_release(struct ruleset *rs)
{
	for (size_t i = 0; i < rs->n; i++)
		rule_free(&rs->v[i]);
	free(rs->v);
	memset(rs, 0, sizeof(*rs));
}

/* --- running --- */

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Split "b,a,b" into unique parts, sorted unless `ordered` (then first
   occurrences in order); returns the count (caller frees). */
static size_t split_parties(const char *s, int ordered, char ***out)
{
	char *copy = xstrdup(s ? s : ""), *save = NULL;
	char **v = NULL;
	size_t n = 0, cap = 0;
	for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		v = xgrow(v, &cap, n + 1, sizeof(*v));
		v[n++] = xstrdup(t);
	}
	free(copy);
	if (n && !ordered)
		qsort(v, n, sizeof(*v), cmp_str);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		size_t j = ordered ? 0 : k ? k - 1 : 0;
		while (j < k && strcmp(v[j], v[i]))
			j++;
		if (j < k)
			free(v[i]);
		else
			v[k++] = v[i];
	}
	*out = v;
	return k;
}

struct sink {
	sqlite3 *db;
	sqlite3_stmt *finding, *party, *rule; /* the INSERTs of a finding, its parties, a rule */
	struct namebook names;
	int messages; /* fill the templates (rules_run) */
};

static int store(struct sink *S, const struct rule *r, size_t seq, const char *val[C_N])
{
	char **parties;
	size_t np = split_parties(val[C_PARTIES], r->ordered_parties, &parties);
	struct strbuf joined = STRBUF_INIT, id = STRBUF_INIT;
	for (size_t i = 0; i < np; i++) {
		if (i)
			strbuf_addch(&joined, ',');
		strbuf_addstr(&joined, parties[i]);
	}

	/* The id: the code, then the key columns in the rule's order — or the
	   rule's own `key` column, when the id cannot be made of its columns
	   (door-unchecked: the door, or the path when there is no door). */
	strbuf_addstr(&id, r->code);
	if (val[C_KEY]) {
		strbuf_addch(&id, '@');
		strbuf_addstr(&id, val[C_KEY]);
	}
	for (const int *k = r->key; !val[C_KEY] && *k >= 0; k++) {
		const char *v = *k == C_PARTIES ? (np ? joined.buf : NULL) : val[*k];
		if (v) {
			strbuf_addch(&id, '@');
			strbuf_addstr(&id, v);
		}
	}

	sqlite3_stmt *st = S->finding;
	sqlite3_bind_text(st, 1, id.buf, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, r->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, severity_names[r->severity], -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, (int)r->severity);
	const enum col order[] = { C_ITEM, C_SYSTEM, C_DEVICE, C_REMOTE, C_CONTRACT };
	for (int i = 0; i < 5; i++)
		sqlite3_bind_text(st, 5 + i, val[order[i]], -1, SQLITE_TRANSIENT);
	if (np)
		sqlite3_bind_text(st, 10, joined.buf, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, 10);
	sqlite3_bind_text(st, 11, val[C_REF] ? val[C_REF] : r->ref, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 12, val[C_MESSAGE], -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 13, (sqlite3_int64)seq);
	int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	int inserted = sqlite3_changes(S->db) > 0;
	sqlite3_reset(st);
	for (size_t i = 0; rc == 0 && inserted && i < np; i++) {
		sqlite3_bind_text(S->party, 1, id.buf, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(S->party, 2, parties[i], -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(S->party, 3, (sqlite3_int64)i);
		rc = sqlite3_step(S->party) == SQLITE_DONE ? 0 : -1;
		sqlite3_reset(S->party);
	}
	if (rc < 0)
		error(_("%s: cannot store finding %s: %s"), r->origin, id.buf, sqlite3_errmsg(S->db));
	for (size_t i = 0; i < np; i++)
		free(parties[i]);
	free(parties);
	strbuf_release(&joined);
	strbuf_release(&id);
	return rc;
}

/* Every placeholder of a template names a column of the rule's SELECT. */
struct placeholder_check {
	sqlite3_stmt *st;
	const struct rule *r;
	int bad;
	const struct rule_template *t;
};
static void check_placeholder(void *ctx, const char *name, size_t len)
{
	struct placeholder_check *pc = ctx;
	for (int i = 0; i < sqlite3_column_count(pc->st); i++) {
		const char *c = sqlite3_column_name(pc->st, i);
		if (strlen(c) == len && !memcmp(c, name, len))
			return;
	}
	pc->bad = error(_("%s: template \"%s\" uses {%.*s}, which the SELECT does not return"), pc->r->origin,
			pc->t->key, (int)len, name);
}

/* The rule's statement, prepared and checked once per connection (the plan
   runs every rule once per action it measures); NULL after an error. */
static sqlite3_stmt *rule_statement(sqlite3 *db, const struct rule *r)
{
	sqlite3_stmt *st = db_kept(db, r->body);
	if (st)
		return st;
	const char *tail = NULL;
	if (sqlite3_prepare_v2(db, r->body, -1, &st, &tail) != SQLITE_OK) {
		error("%s: %s", r->origin, sqlite3_errmsg(db));
		return NULL;
	}
	if (!st) {
		error(_("%s: the rule has no SELECT statement"), r->origin);
		return NULL;
	}
	/* One statement, read-only: a rule must not change the model. */
	int single = 1;
	if (tail && tail[strspn(tail, " \t\r\n;")] != '\0') {
		sqlite3_stmt *next = NULL;
		sqlite3_prepare_v2(db, tail, -1, &next, NULL);
		single = !next;
		sqlite3_finalize(next);
	}
	if (!single || !sqlite3_stmt_readonly(st) || sqlite3_column_count(st) == 0) {
		error(_("%s: a rule must be a single SELECT statement"), r->origin);
		sqlite3_finalize(st);
		return NULL;
	}
	struct placeholder_check pc = { st, r, 0, NULL };
	for (size_t i = 0; i < r->n_templates; i++) {
		pc.t = &r->templates[i];
		if (message_placeholders(r->templates[i].en, check_placeholder, &pc) ||
		    (r->templates[i].ja && message_placeholders(r->templates[i].ja, check_placeholder, &pc)))
			pc.bad = error(_("%s: template \"%s\" has a \"{\" without \"}\""), r->origin, r->templates[i].key);
	}
	int bad = pc.bad, has_message = 0;
	for (int i = 0; i < sqlite3_column_count(st); i++)
		has_message |= !strcmp(sqlite3_column_name(st, i), col_names[C_MESSAGE]);
	if (!bad && !has_message)
		bad = error(_("%s: the rule's SELECT has no \"message\" column"), r->origin);
	if (bad) {
		sqlite3_finalize(st);
		return NULL;
	}
	db_keep(db, r->body, st);
	return st;
}

static int run_one(struct sink *S, const struct rule *r, size_t seq)
{
	sqlite3_stmt *st = rule_statement(S->db, r);
	if (!st)
		return -1;
	struct strbuf msg = STRBUF_INIT;
	/* Each template in the language of the messages, looked up once. */
	const char **texts = xcalloc(r->n_templates + 1, sizeof(*texts));
	for (size_t k = 0; k < r->n_templates; k++)
		texts[k] = template_text(&r->templates[k]);
	int rc = 0;
	int idx[C_N];
	for (int c = 0; c < C_N; c++) {
		idx[c] = -1;
		for (int i = 0; i < sqlite3_column_count(st); i++)
			if (!strcmp(sqlite3_column_name(st, i), col_names[c]))
				idx[c] = i;
	}
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *val[C_N];
		for (int c = 0; c < C_N; c++)
			val[c] = idx[c] >= 0 ? (const char *)sqlite3_column_text(st, idx[c]) : NULL;
		if (!val[C_MESSAGE]) {
			rc = error(_("%s: a row has a NULL message"), r->origin);
			goto out;
		}
		if (r->n_templates) {
			size_t k = 0;
			while (k < r->n_templates && strcmp(r->templates[k].key, val[C_MESSAGE]))
				k++;
			if (k == r->n_templates) {
				rc = error(_("%s: a row's message \"%s\" names no \"-- message KEY:\" template"), r->origin,
					   val[C_MESSAGE]);
				goto out;
			}
			if (S->messages) {
				strbuf_reset(&msg);
				message_fill(&msg, texts[k], st, &S->names);
				val[C_MESSAGE] = strbuf_str(&msg);
			}
		}
		if (store(S, r, seq, val) < 0) {
			rc = -1;
			goto out;
		}
	}
	if (step != SQLITE_DONE)
		rc = error("%s: %s", r->origin, sqlite3_errmsg(S->db));
out:
	free(texts);
	strbuf_release(&msg);
	db_done(st);
	return rc;
}

/* Record the rule itself, so the saved model (--db) explains its findings. */
static int describe(struct sink *S, const struct rule *r, size_t seq)
{
	sqlite3_stmt *st = S->rule;
	sqlite3_bind_text(st, 1, r->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, severity_names[r->severity], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, r->ref, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, rule_fix(r), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, r->origin, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, (sqlite3_int64)seq);
	sqlite3_bind_text(st, 7, r->sql, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	if (rc < 0)
		error(_("internal error: %s"), sqlite3_errmsg(S->db));
	sqlite3_reset(st);
	return rc;
}

/* Whether the inventory accepts any finding: without an accepted[] entry
   (most inventories) accept.sql has nothing to match, and SQLite need not
   compile it. */
static int any_accepted(sqlite3 *db)
{
	sqlite3_stmt *st = db_statement(db, "SELECT EXISTS (SELECT 1 FROM accepted)", "accepted findings");
	int any = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
	db_done(st);
	return any;
}

int rules_run(sqlite3 *db, const struct ruleset *rs, int messages)
{
	struct sink S = { db, NULL, NULL, NULL, { 0 }, messages };
	namebook_open(&S.names, db);
	int rc = -1;
	S.finding = db_statement(db,
			       "INSERT OR IGNORE INTO findings (id, code, severity, rank, item, system, device, remote,"
			       " contract, parties, ref, message, rule_seq) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
			       "findings");
	S.party = db_statement(db, "INSERT INTO finding_parties VALUES (?,?,?)", "findings");
	S.rule = db_statement(db, "INSERT INTO rules VALUES (?,?,?,?,?,?,?)", "rules");
	if (sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		goto out;
	/* The rules, then which findings are accepted (SPEC 9.3), then the rules
	   that read the others' findings ("-- runs: last"). */
	for (int last = 0; last <= 1; last++) {
		for (size_t i = 0; i < rs->n; i++)
			if (rs->v[i].last == last) {
				if (describe(&S, &rs->v[i], i) < 0 || run_one(&S, &rs->v[i], i) < 0) {
					sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
					goto out;
				}
				progress_mark(rs->v[i].code);
			}
		if (!last && any_accepted(db) && db_run_script(db, "model/db/accept.sql", "accepted findings") < 0) {
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			goto out;
		}
	}
	rc = db_run_script(db, "model/db/finding_indexes.sql", "findings") == 0 &&
			     sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK
		     ? 0
		     : -1;
	if (rc < 0)
		error(_("internal error: %s"), sqlite3_errmsg(db));
out:
	namebook_close(&S.names);
	db_done(S.finding);
	db_done(S.party);
	db_done(S.rule);
	return rc;
}
