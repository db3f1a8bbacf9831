#include "message.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/util/i18n.h"
#include "model/util/xalloc.h"

/* How a placeholder's value is printed, by the placeholder's name. */
enum kind { K_PLAIN, K_PARTY, K_SYSTEM, K_DEVICE, K_TARGET, K_WORD };
static const struct {
	const char *name;
	enum kind kind;
	int list; /* comma-separated ids */
} placeholders[] = {
	{ "party", K_PARTY, 0 },    { "vendor", K_PARTY, 0 },  { "prime", K_PARTY, 0 },
	{ "sub", K_PARTY, 0 },      { "by", K_PARTY, 0 },      { "maintainer", K_PARTY, 0 },
	{ "leads", K_PARTY, 1 },    { "vendors", K_PARTY, 1 }, { "responsible", K_PARTY, 1 },
	{ "system", K_SYSTEM, 0 },  { "device", K_DEVICE, 0 }, { "door", K_DEVICE, 0 },
	{ "target", K_TARGET, 0 },  { "role", K_WORD, 0 },     { "unknown", K_WORD, 1 },
	{ "kind", K_WORD, 0 },
};

/* The words a K_WORD placeholder takes, for the catalog (xgettext reads
   them here; the rules print them through gettext). */
static const char *const words[] __attribute__((unused)) = {
	N_("lead"), N_("support"),
	/* open-item: where a claim comes from */
	N_("contract"), N_("subcontract"), N_("assignment"),
	/* remote-conditions-unknown: what is not recorded about a path */
	N_("authentication"), N_("source restriction"), N_("whether it is opened only on demand"),
};

void namebook_open(struct namebook *nb, sqlite3 *db)
{
	memset(nb, 0, sizeof(*nb));
	nb->db = db;
}

void namebook_close(struct namebook *nb)
{
	sqlite3_finalize(nb->device);
	if (nb->loaded)
		idmap_release(&nb->ids);
	free(nb->names);
	pool_release(&nb->pool);
	memset(nb, 0, sizeof(*nb));
}

/* An id that has no other name (or is not in the model): asked once. */
#define NAMEBOOK_NONE SIZE_MAX

static void remember(struct namebook *nb, const char *id, const char *name)
{
	size_t index = NAMEBOOK_NONE;
	if (name && *name && strcmp(id, name)) {
		nb->names = xgrow(nb->names, &nb->cap, nb->n + 1, sizeof(*nb->names));
		nb->names[nb->n] = pool_strdup(&nb->pool, name);
		index = nb->n++;
	}
	idmap_put(&nb->ids, pool_strdup(&nb->pool, id), ID_NONE, index);
}

/* The parties and systems in one query, instead of one per placeholder. */
static void load(struct namebook *nb)
{
	nb->loaded = 1;
	idmap_init(&nb->ids, 1024);
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(nb->db, "SELECT id, name FROM parties UNION ALL SELECT id, name FROM systems", -1, &st,
			       NULL) != SQLITE_OK)
		return;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(st, 0), *name = (const char *)sqlite3_column_text(st, 1);
		if (id && name && *name && strcmp(id, name))
			remember(nb, id, name);
	}
	sqlite3_finalize(st);
}

/* The name of key, a party's or system's, else a device's looked up now. */
static const char *name_of(struct namebook *nb, const char *key)
{
	if (!nb->loaded)
		load(nb);
	const struct idref *r = idmap_get(&nb->ids, key);
	if (!r) {
		if (!nb->device && sqlite3_prepare_v2(nb->db, "SELECT name FROM devices WHERE id = ?", -1, &nb->device,
						      NULL) != SQLITE_OK)
			return NULL;
		sqlite3_bind_text(nb->device, 1, key, -1, SQLITE_STATIC);
		remember(nb, key,
			 sqlite3_step(nb->device) == SQLITE_ROW ? (const char *)sqlite3_column_text(nb->device, 0) : NULL);
		sqlite3_reset(nb->device);
		r = idmap_get(&nb->ids, key);
	}
	return r && r->index != NAMEBOOK_NONE ? nb->names[r->index] : NULL;
}

/* Appends "NAME (ID)" if id has another name; 1 if it did. */
static int add_name(struct strbuf *out, struct namebook *nb, const char *id, size_t len)
{
	char key[256];
	if (len >= sizeof(key))
		return 0;
	memcpy(key, id, len);
	key[len] = '\0';
	const char *name = name_of(nb, key);
	if (!name)
		return 0;
	strbuf_addstr(out, name); /* "name (id)" */
	strbuf_add(out, " (", 2);
	strbuf_add(out, id, len);
	strbuf_addch(out, ')');
	return 1;
}

static void one(struct strbuf *out, struct namebook *nb, enum kind kind, const char *id, size_t len)
{
	int done = 0;
	if (kind == K_PARTY || kind == K_SYSTEM || kind == K_DEVICE || kind == K_TARGET)
		done = add_name(out, nb, id, len);
	else if (kind == K_WORD) {
		char word[128];
		if (len < sizeof(word)) {
			memcpy(word, id, len);
			word[len] = '\0';
			strbuf_addstr(out, _(word));
			done = 1;
		}
	}
	if (!done)
		strbuf_add(out, id, len);
}

static int ends_with(const char *name, size_t len, const char *suffix)
{
	size_t n = strlen(suffix);
	return len > n && !memcmp(name + len - n, suffix, n);
}

/* By the table, else by suffix: "expired_leads" is a list of parties. */
static enum kind kind_of(const char *name, size_t len, int *list)
{
	for (size_t i = 0; i < sizeof(placeholders) / sizeof(placeholders[0]); i++)
		if (strlen(placeholders[i].name) == len && !memcmp(placeholders[i].name, name, len)) {
			*list = placeholders[i].list;
			return placeholders[i].kind;
		}
	*list = ends_with(name, len, "_leads");
	return *list ? K_PARTY : K_PLAIN;
}

char *name_label(struct namebook *nb, const char *id)
{
	struct strbuf sb = STRBUF_INIT;
	if (!add_name(&sb, nb, id, strlen(id)))
		strbuf_addstr(&sb, id);
	return strbuf_detach(&sb);
}

static void value(struct strbuf *out, struct namebook *nb, const char *name, size_t len, const char *v)
{
	int list;
	enum kind kind = kind_of(name, len, &list);
	if (!list) {
		one(out, nb, kind, v, strlen(v));
		return;
	}
	for (const char *p = v; *p;) {
		size_t n = strcspn(p, ",");
		if (p != v)
			strbuf_addstr(out, list_sep());
		one(out, nb, kind, p, n);
		p += n + (p[n] == ',');
	}
}

static int column(sqlite3_stmt *row, const char *name, size_t len)
{
	for (int i = 0; i < sqlite3_column_count(row); i++) {
		const char *c = sqlite3_column_name(row, i);
		if (strlen(c) == len && !memcmp(c, name, len))
			return i;
	}
	return -1;
}

/* Fill [p, end); returns 0 if a placeholder had no value. */
static int fill(struct strbuf *out, const char *p, const char *end, sqlite3_stmt *row, struct namebook *nb)
{
	int complete = 1;
	while (p < end) {
		const char *open = memchr(p, '{', (size_t)(end - p));
		const char *close = open ? memchr(open, '}', (size_t)(end - open)) : NULL;
		if (!close) {
			strbuf_add(out, p, (size_t)(end - p));
			break;
		}
		strbuf_add(out, p, (size_t)(open - p));
		const char *name = open + 1;
		size_t len = (size_t)(close - name);
		int c = column(row, name, len);
		const char *v = c >= 0 ? (const char *)sqlite3_column_text(row, c) : NULL;
		if (v)
			value(out, nb, name, len, v);
		else
			complete = 0;
		p = close + 1;
	}
	return complete;
}

void message_fill(struct strbuf *out, const char *tmpl, sqlite3_stmt *row, struct namebook *nb)
{
	const char *end = tmpl + strlen(tmpl);
	for (const char *p = tmpl; p < end;) {
		const char *open = strstr(p, "[["), *close = open ? strstr(open, "]]") : NULL;
		if (!close) {
			fill(out, p, end, row, nb);
			return;
		}
		fill(out, p, open, row, nb);
		/* An optional part: kept only when each of its placeholders has a value. */
		size_t mark = out->len;
		if (!fill(out, open + 2, close, row, nb))
			strbuf_setlen(out, mark);
		p = close + 2;
	}
}

int message_placeholders(const char *tmpl, void (*fn)(void *ctx, const char *name, size_t len), void *ctx)
{
	for (const char *p = tmpl; (p = strchr(p, '{'));) {
		const char *close = strchr(p, '}');
		if (!close)
			return 1;
		fn(ctx, p + 1, (size_t)(close - p - 1));
		p = close + 1;
	}
	return 0;
}
