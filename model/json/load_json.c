/*
** Inventory format v1 from JSON, with cJSON.
**
** Three passes: a byte scan that cJSON does not do (UTF-8, NUL bytes, nesting
** depth, with line:column), cJSON's parse, then a walk of the tree that checks
** keys, types and value forms entity by entity. References between entities
** are checked afterwards by inventory_validate(). inventory_load_json() first
** tries the same walk element by element (load_streamed, below), the whole
** tree only for a document that does not load cleanly.
*/
#include <cJSON.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/fields.h"
#include "model/json/json_arena.h"
#include "model/json/load_json.h"
#include "model/limits.h"
#include "model/validate.h"
#include "model/util/strbuf.h"
#include "model/util/textcheck.h"
#include "model/util/xalloc.h"
#include "model/util/i18n.h"

/* An object's allowed keys: at most KEYS_MAX - 1, then NULL. */
enum { KEY_SETS = 32, KEYS_MAX = 24 };

struct loader {
	struct inventory *inv;
	const struct catalog *cat;
	struct diag *d;
	/* allowed_keys() of each entity and nested object met so far: the
	   same for every one of 100,000 elements. */
	struct key_set {
		const struct entity *e;
		const char *parent;
		const char *keys[KEYS_MAX];
	} key_sets[KEY_SETS];
	size_t n_key_sets;
};

/* 1-based line and column (in characters) of byte offset `off`. */
static void position(const char *buf, size_t off, int *line, int *col)
{
	int l = 1, c = 1;
	for (size_t i = 0; i < off; i++) {
		unsigned char ch = (unsigned char)buf[i];
		if (ch == '\n') {
			l++;
			c = 1;
		} else if ((ch & 0xC0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*col = c;
}

/*
** What cJSON does not check: UTF-8 validity, NUL bytes (raw or escaped),
** and the nesting depth (cJSON's own limit gives only "syntax error").
** Returns 0 if clean.
*/
static int prescan(const char *buf, size_t len, struct diag *d, int *truncated)
{
	const unsigned char *p = (const unsigned char *)buf, *end = p + len;
	int depth = 0, in_string = 0;
	while (p < end) {
		unsigned char c = *p;
		if (c == 0) {
			int l, col;
			position(buf, (size_t)(p - (const unsigned char *)buf), &l, &col);
			diag_at(d, l, col, _("NUL byte in input; is this a JSON text file?"));
			return -1;
		}
		if (c >= 0x80) {
			size_t n = utf8_seq_len(p, end);
			if (!n) {
				int l, col;
				position(buf, (size_t)(p - (const unsigned char *)buf), &l, &col);
				diag_at(d, l, col, _("invalid UTF-8 byte 0x%02x; the inventory must be UTF-8"), c);
				return -1;
			}
			p += n;
			continue;
		}
		if (in_string) {
			/* cJSON decodes \u0000 into a NUL that silently ends the
			   string ("v-a\u0000../x" would load as "v-a"). */
			if (c == '\\' && end - p >= 6 && p[1] == 'u' && !memcmp(p + 2, "0000", 4)) {
				int l, col;
				position(buf, (size_t)(p - (const unsigned char *)buf), &l, &col);
				diag_at(d, l, col, _("\\u0000 (NUL) in a string; text must not contain control characters"));
				return -1;
			}
			if (c == '\\' && p + 1 < end)
				p++;
			else if (c == '"')
				in_string = 0;
		} else if (c == '"') {
			in_string = 1;
		} else if (c == '[' || c == '{') {
			if (++depth > NESTING_MAX) {
				int l, col;
				position(buf, (size_t)(p - (const unsigned char *)buf), &l, &col);
				diag_at(d, l, col, _("nesting deeper than %d levels"), NESTING_MAX);
				return -1;
			}
		} else if (c == ']' || c == '}') {
			depth--;
		}
		p++;
	}
	/* Input that ends inside a string or an open bracket was cut short. */
	*truncated = in_string || depth > 0;
	return 0;
}

/* The offset of the first non-whitespace byte at or after off (len if none);
   never reads past len, whether or not the buffer is NUL-terminated. */
static size_t skip_ws(const char *buf, size_t len, size_t off)
{
	while (off < len && (buf[off] == ' ' || buf[off] == '\t' || buf[off] == '\r' || buf[off] == '\n'))
		off++;
	return off;
}

static const char *type_name(const cJSON *v)
{
	if (cJSON_IsString(v))
		return _("a string");
	if (cJSON_IsNumber(v))
		return _("a number");
	if (cJSON_IsBool(v))
		return _("a boolean");
	if (cJSON_IsNull(v))
		return "null";
	if (cJSON_IsArray(v))
		return _("an array");
	return _("an object");
}

/* The JSON path of an object whose keys are checked: the root (p NULL), an
   element, or the object `parent` inside an element. Made only for a
   message: formatting it for each of 100,000 elements cost as much as
   checking their keys. */
static const char *keys_path(const struct place *p, const char *parent, char *buf, size_t size)
{
	if (!p)
		return "$";
	place_json_path(p, buf, size);
	size_t n = strlen(buf);
	if (parent)
		snprintf(buf + n, size - n, ".%s", parent);
	return buf;
}

/* Report unknown and duplicate keys of an object (see keys_path for p and
   parent). `allowed` ends with NULL. */
static void check_keys(struct loader *L, const cJSON *obj, const struct place *p, const char *parent,
		       const char *const *allowed, const cJSON *found[KEYS_MAX])
{
	char show[SHOWN_SIZE], path[256];
	const cJSON *mine[KEYS_MAX] = { 0 };
	if (!found)
		found = mine;
	for (const cJSON *k = obj->child; k; k = k->next) {
		size_t i;
		for (i = 0; allowed[i]; i++)
			if (!strcmp(k->string, allowed[i]))
				break;
		if (!allowed[i]) {
			struct strbuf sb = STRBUF_INIT;
			for (size_t j = 0; allowed[j]; j++)
				strbuf_addf(&sb, "%s%s", j ? ", " : "", allowed[j]);
			diag_path(L->d, keys_path(p, parent, path, sizeof(path)), _("unknown key \"%s\" (allowed: %s)"),
				  shown(show, k->string), strbuf_str(&sb));
			strbuf_release(&sb);
		} else if (found[i]) {
			diag_path(L->d, keys_path(p, parent, path, sizeof(path)), _("duplicate key \"%s\""),
				  shown(show, k->string));
		} else {
			found[i] = k; /* the first, as cJSON's lookup finds */
		}
	}
}

/* The value of field f in JSON, as a raw value for field_set(); type errors
   are reported here (only JSON has types). *elems is a temporary array the
   caller frees. */
static void raw_of(struct loader *L, const cJSON *v, const struct place *p, struct raw *raw, const char ***elems)
{
	const struct field *f = p->f;
	memset(raw, 0, sizeof(*raw));
	*elems = NULL;
	if (!v || cJSON_IsNull(v)) {
		raw->kind = RAW_ABSENT;
		return;
	}
	raw->kind = RAW_INVALID;
	if (f->type == FT_BOOL || f->type == FT_TRIBOOL) {
		if (cJSON_IsBool(v)) {
			raw->kind = RAW_BOOL;
			raw->b = cJSON_IsTrue(v);
		} else {
			diag_place(L->d, p, _("expected true or false, got %s"), type_name(v));
		}
		return;
	}
	if (field_is_list(f)) {
		int items = f->type == FT_ITEMS;
		if (!cJSON_IsArray(v)) {
			diag_place(L->d, p, _("expected an array of %s, got %s"), items ? _("item ids") : _("strings"), type_name(v));
		} else if (cJSON_GetArraySize(v) > LIST_MAX) {
			diag_place(L->d, p, _("more than %d entries (limit, see docs/limits.md)"), LIST_MAX);
		} else {
			size_t n = (size_t)cJSON_GetArraySize(v), i = 0;
			*elems = xcalloc(n + 1, sizeof(**elems));
			const cJSON *e;
			cJSON_ArrayForEach(e, v) {
				if (cJSON_IsString(e))
					(*elems)[i] = e->valuestring;
				else
					diag_place(L->d, &(struct place){ p->e, p->index, f, (long)i }, _("expected %s, got %s"),
						   items ? _("an item id") : _("a string"), type_name(e));
				i++;
			}
			raw->kind = RAW_LIST;
			raw->list = *elems;
			raw->n = n;
		}
		return;
	}
	if (cJSON_IsString(v)) {
		raw->kind = RAW_STRING;
		raw->s = v->valuestring;
	} else {
		diag_place(L->d, p, _("expected a string, got %s"), type_name(v));
	}
}

/* The keys an element's object may have: its fields' keys, a nested
   field's parent once (first_check); or, with `parent`, the keys inside
   that parent object. `allowed` holds KEYS_MAX and ends with NULL. */
static void allowed_keys(const struct entity *e, const char *parent, const char *allowed[KEYS_MAX])
{
	size_t n = 0;
	for (size_t i = 0; i < e->n_fields && n < KEYS_MAX - 1; i++) {
		const struct field *f = &e->fields[i];
		const char *k = parent ? (f->parent && !strcmp(f->parent, parent) ? field_json_key(f) : NULL)
				       : f->flags & F_ROOT ? NULL : f->parent ? f->parent : f->key;
		size_t j = 0;
		while (k && j < n && strcmp(allowed[j], k))
			j++;
		if (k && j == n)
			allowed[n++] = k;
	}
	allowed[n] = NULL;
}

/* allowed_keys(), kept in the loader (`scratch` when it is full). */
static const char *const *keys_of(struct loader *L, const struct entity *e, const char *parent, const char *scratch[KEYS_MAX])
{
	for (size_t i = 0; i < L->n_key_sets; i++)
		if (L->key_sets[i].e == e && L->key_sets[i].parent == parent)
			return L->key_sets[i].keys;
	if (L->n_key_sets == KEY_SETS) {
		allowed_keys(e, parent, scratch);
		return scratch;
	}
	struct key_set *k = &L->key_sets[L->n_key_sets++];
	k->e = e;
	k->parent = parent;
	allowed_keys(e, parent, k->keys);
	return k->keys;
}

/* The object a field's value is in: the element's, the root's (as_of), or
   a nested object (first_check), checked once, at its first field. NULL:
   not there (or not an object, reported). */
static const cJSON *field_home(struct loader *L, const struct entity *e, long index, const struct field *f,
			       const cJSON *o, const cJSON *root)
{
	if (f->flags & F_ROOT)
		return root;
	if (!o || !f->parent)
		return o;
	const cJSON *p = cJSON_GetObjectItemCaseSensitive(o, f->parent);
	if (!p || cJSON_IsNull(p))
		return NULL;
	int first = f == e->fields || !f[-1].parent || strcmp(f[-1].parent, f->parent);
	if (!cJSON_IsObject(p)) {
		if (first)
			diag_place(L->d, &(struct place){ e, index, NULL, -1 }, _("\"%s\": expected an object, got %s"),
				   f->parent, type_name(p));
		return NULL;
	}
	if (first) {
		const char *scratch[KEYS_MAX];
		check_keys(L, p, &(struct place){ e, index, NULL, -1 }, f->parent, keys_of(L, e, f->parent, scratch), NULL);
	}
	return p;
}

/* The value of `key` in `from`: found by check_keys when `keys` (the same
   strings: compared as pointers), else looked up. */
static const cJSON *value_of(const cJSON *from, const char *key, const char *const *keys, const cJSON *const *found)
{
	for (size_t i = 0; keys && keys[i]; i++)
		if (keys[i] == key)
			return found[i];
	return cJSON_GetObjectItemCaseSensitive(from, key);
}

/* One element of an entity (or the organization) from its JSON object. */
static void load_element(struct loader *L, const struct entity *e, long index, const cJSON *o, const cJSON *root)
{
	void *obj = entity_push(L->inv, e);
	struct field_checks fc = { L->inv, L->cat, L->d };
	const char *scratch[KEYS_MAX];
	const char *const *keys = keys_of(L, e, NULL, scratch);
	const cJSON *found[KEYS_MAX] = { 0 }; /* the value of keys[i] in o */
	if (o)
		check_keys(L, o, &(struct place){ e, index, NULL, -1 }, NULL, keys, found);
	for (size_t i = 0; i < e->n_fields; i++) {
		const struct field *f = &e->fields[i];
		const cJSON *from = field_home(L, e, index, f, o, root);
		if (!from && f->parent) {
			/* An absent nested object: its fields take their defaults. */
			struct raw absent = { .kind = RAW_ABSENT };
			field_set(&fc, e, index, f, obj, &absent);
			continue;
		}
		if (!from)
			continue;
		struct raw raw;
		const char **elems;
		raw_of(L, value_of(from, field_json_key(f), from == o ? keys : NULL, found), &(struct place){ e, index, f, -1 },
		       &raw, &elems);
		field_set(&fc, e, index, f, obj, &raw);
		free(elems);
	}
	entity_finish(&fc, e, index, obj);
}

static void load_array(struct loader *L, const struct entity *e, const cJSON *root)
{
	const cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, e->array);
	const struct place whole = { e, ARRAY_WHOLE, NULL, -1 };
	if (!arr || cJSON_IsNull(arr))
		return;
	if (!cJSON_IsArray(arr)) {
		diag_place(L->d, &whole, _("expected an array, got %s"), type_name(arr));
		return;
	}
	if (cJSON_GetArraySize(arr) > ENTITY_MAX) {
		diag_place(L->d, &whole, _("more than %d entries (limit, see docs/limits.md)"), ENTITY_MAX);
		return;
	}
	long i = 0;
	const cJSON *el;
	cJSON_ArrayForEach(el, arr) {
		if (cJSON_IsObject(el)) {
			load_element(L, e, i, el, root);
		} else {
			/* Kept empty, so that later elements keep their document index. */
			entity_push(L->inv, e);
			diag_place(L->d, &(struct place){ e, i, NULL, -1 }, _("expected an object, got %s"), type_name(el));
		}
		i++;
	}
}

/* The checked text parsed: into `arena` when there is one, else as a tree
   of its own. */
static cJSON *parse(const char *buf, size_t len, struct diag *d, struct pool *arena)
{
	if (skip_ws(buf, len, 0) == len) {
		diag_file(d, _("empty input; expected an inventory JSON document"));
		return NULL;
	}
	int truncated = 0;
	if (prescan(buf, len, d, &truncated) < 0)
		return NULL;

	const char *end = NULL;
	cJSON *root = arena ? json_arena_parse(arena, buf, len, &end) : cJSON_ParseWithLengthOpts(buf, len, &end, 0);
	if (!root) {
		int l, c;
		size_t off = end && end >= buf ? (size_t)(end - buf) : 0;
		if (off > len)
			off = len;
		position(buf, off, &l, &c);
		if (truncated || skip_ws(buf, len, off) == len) {
			position(buf, len, &l, &c);
			diag_at(d, l, c, _("JSON syntax error: unexpected end of input (truncated document?)"));
		}
		else
			diag_at(d, l, c, _("JSON syntax error"));
		return NULL;
	}
	size_t off = (size_t)(end - buf);
	off = skip_ws(buf, len, off);
	if (off < len) {
		int l, c;
		position(buf, off, &l, &c);
		diag_at(d, l, c, _("JSON syntax error: unexpected data after the document"));
		if (!arena)
			cJSON_Delete(root);
		return NULL;
	}
	return root;
}

cJSON *inventory_parse_json(const char *buf, size_t len, struct diag *d)
{
	return parse(buf, len, d, NULL);
}

/*
** Streaming: the entity arrays element by element, each element's tree in a
** pool of its own dropped once it is loaded, so the whole document is never
** a tree (at 100,000 devices the tree was 100 MB, and touching fresh memory
** is slow). Everything else at the root (format, organization, as_of,
** unknown keys) is parsed whole into a skeleton root that load_root() reads.
** Only for a document that loads cleanly: at the first thing out of the
** ordinary — a syntax error, a repeated array, an element that is not an
** object, any problem with a value — it returns -1 and the caller loads the
** whole tree instead, whose messages and their order are the reference.
*/

static int load_root(struct loader *L, const cJSON *root);

static const struct entity *entity_of_array(const char *key)
{
	for (const struct entity *e = entities + 1; e->fields; e++)
		if (!strcmp(e->array, key))
			return e;
	return NULL;
}

/* The array at buf[off] == '[': each element loaded; the offset after it,
   or 0. */
static size_t stream_array(struct loader *L, const struct entity *e, const char *buf, size_t len, size_t off)
{
	off = skip_ws(buf, len, off + 1);
	if (off < len && buf[off] == ']')
		return off + 1;
	for (long i = 0; i < ENTITY_MAX; i++) {
		struct pool element = POOL_INIT;
		const char *end = NULL;
		const cJSON *el = json_arena_parse(&element, buf + off, len - off, &end);
		int ok = el && cJSON_IsObject(el);
		if (ok)
			load_element(L, e, i, el, NULL);
		pool_release(&element);
		if (!ok || L->d->count)
			return 0;
		off = skip_ws(buf, len, (size_t)(end - buf));
		if (off < len && buf[off] == ']')
			return off + 1;
		if (off >= len || buf[off] != ',')
			return 0;
		off = skip_ws(buf, len, off + 1);
	}
	return 0;
}

/* A document with a root object loaded array element by array element; -1
   when it is not one that loads cleanly (nothing printed: d is the
   caller's scratch). */
static int load_streamed(struct loader *L, const char *buf, size_t len)
{
	int truncated = 0, rc = -1;
	size_t off = skip_ws(buf, len, 0);
	if (off == len || prescan(buf, len, L->d, &truncated) < 0 || truncated || buf[off] != '{')
		return -1;
	struct pool skeleton = POOL_INIT;
	cJSON *root = json_arena_parse(&skeleton, "{}", 2, NULL);
	unsigned streamed = 0; /* bit i: entities[i]'s array was streamed */
	off = skip_ws(buf, len, off + 1);
	if (off < len && buf[off] == '}')
		off++;
	else
		for (;;) {
			const char *end = NULL;
			cJSON *key = off < len && buf[off] == '"' ? json_arena_parse(&skeleton, buf + off, len - off, &end) : NULL;
			if (!key || !cJSON_IsString(key))
				goto out;
			off = skip_ws(buf, len, (size_t)(end - buf));
			if (off >= len || buf[off] != ':')
				goto out;
			off = skip_ws(buf, len, off + 1);
			const struct entity *e = entity_of_array(key->valuestring);
			cJSON *value;
			if (e && off < len && buf[off] == '[') {
				unsigned bit = 1u << (e - entities);
				if ((streamed & bit) || !(off = stream_array(L, e, buf, len, off)))
					goto out;
				streamed |= bit;
				value = json_arena_parse(&skeleton, "null", 4, NULL); /* loaded: load_root() skips it */
			} else {
				if (!(value = json_arena_parse(&skeleton, buf + off, len - off, &end)))
					goto out;
				off = (size_t)(end - buf);
			}
			cJSON_AddItemToObjectCS(root, key->valuestring, value); /* the key stays in the pool */
			off = skip_ws(buf, len, off);
			if (off < len && buf[off] == '}') {
				off++;
				break;
			}
			if (off >= len || buf[off] != ',')
				goto out;
			off = skip_ws(buf, len, off + 1);
		}
	if (skip_ws(buf, len, off) == len)
		rc = load_root(L, root);
out:
	pool_release(&skeleton);
	return rc;
}

int inventory_load_json(struct inventory *inv, const struct catalog *cat, const char *buf, size_t len,
			struct diag *d)
{
	struct diag scratch;
	diag_init(&scratch, d->file);
	struct loader S = { .inv = inv, .cat = cat, .d = &scratch };
	int rc = load_streamed(&S, buf, len);
	diag_release(&scratch);
	if (rc == 0)
		return 0;
	/* The whole tree, read once: it lives in an arena, dropped whole
	   (json_arena.h). */
	inventory_release(inv);
	inventory_init(inv);
	struct pool arena = POOL_INIT;
	cJSON *root = parse(buf, len, d, &arena);
	rc = root ? inventory_load_tree(inv, cat, root, d) : -1;
	pool_release(&arena);
	return rc;
}

/* The document's root object: its keys, format and organization, the arrays
   still in it (a streamed array is there as null: already loaded), then the
   references between entities. */
static int load_root(struct loader *L, const cJSON *root)
{
	char show[SHOWN_SIZE];
	struct diag *d = L->d;
	size_t before = d->count;

	const char *root_keys[KEYS_MAX] = { "format", "organization" };
	size_t nk = 2;
	for (size_t k = 0; k < entities[0].n_fields; k++)
		if (entities[0].fields[k].flags & F_ROOT)
			root_keys[nk++] = entities[0].fields[k].key;
	for (const struct entity *e = entities + 1; e->fields && nk < KEYS_MAX - 1; e++)
		root_keys[nk++] = e->array;
	root_keys[nk] = NULL;
	check_keys(L, root, NULL, NULL, root_keys, NULL);
	const cJSON *fmt = cJSON_GetObjectItemCaseSensitive(root, "format");
	if (!fmt)
		diag_path(d, "$", _("missing required key \"format\" (\"bunkai-inventory/1\")"));
	else if (!cJSON_IsString(fmt) || strcmp(fmt->valuestring, "bunkai-inventory/1"))
		diag_path(d, "$.format", _("unsupported format%s%s%s; expected \"bunkai-inventory/1\""),
			  cJSON_IsString(fmt) ? " \"" : "", cJSON_IsString(fmt) ? shown(show, fmt->valuestring) : "",
			  cJSON_IsString(fmt) ? "\"" : "");

	/* The organization: one object, its as_of at the root. */
	const cJSON *org = cJSON_GetObjectItemCaseSensitive(root, "organization");
	if (!org || cJSON_IsNull(org)) {
		diag_path(d, "$", _("missing required key \"organization\""));
		org = NULL;
	} else if (!cJSON_IsObject(org)) {
		diag_path(d, "$.organization", _("expected an object, got %s"), type_name(org));
		org = NULL;
	}
	load_element(L, &entities[0], 0, org, root);
	for (const struct entity *e = entities + 1; e->fields; e++)
		load_array(L, e, root);

	/* Every entity was kept, even with bad fields (NULL), so that paths keep
	   their document index and valid ids still resolve (no cascade of
	   "unknown" errors); the model is only built from a clean document. */
	inventory_validate(L->inv, d);
	return d->count == before ? 0 : -1;
}

int inventory_load_tree(struct inventory *inv, const struct catalog *cat, const cJSON *root, struct diag *d)
{
	struct loader L = { .inv = inv, .cat = cat, .d = d };
	if (!cJSON_IsObject(root)) {
		diag_path(d, "$", _("expected an object, got %s"), type_name(root));
		return -1;
	}
	return load_root(&L, root);
}
