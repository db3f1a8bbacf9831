#include "json_patch.h"

#include <stdlib.h>
#include <string.h>

#include "model/util/strbuf.h"
#include "model/util/xalloc.h"

void json_pointer_add(struct strbuf *sb, const char *token)
{
	strbuf_addch(sb, '/');
	for (const char *p = token; *p; p++) {
		if (*p == '~')
			strbuf_addstr(sb, "~0");
		else if (*p == '/')
			strbuf_addstr(sb, "~1");
		else
			strbuf_addch(sb, *p);
	}
}

void json_pointer_add_index(struct strbuf *sb, long index)
{
	strbuf_addf(sb, "/%ld", index);
}

/* The next reference token of *path, unescaped into a new string (caller
   frees); *path moves past it. NULL for a bad escape. */
static char *next_token(const char **path)
{
	const char *p = *path + 1; /* past '/' */
	struct strbuf sb = STRBUF_INIT;
	for (; *p && *p != '/'; p++) {
		if (*p == '~') {
			if (p[1] != '0' && p[1] != '1') {
				strbuf_release(&sb);
				return NULL;
			}
			strbuf_addch(&sb, p[1] == '0' ? '~' : '/');
			p++;
		} else {
			strbuf_addch(&sb, *p);
		}
	}
	*path = p;
	char *t = xstrdup(strbuf_str(&sb));
	strbuf_release(&sb);
	return t;
}

/* An array index token: digits without a leading zero (RFC 6901 §4). */
static int array_index(const char *t, long *out)
{
	if (!*t || (t[0] == '0' && t[1]) || strspn(t, "0123456789") != strlen(t) || strlen(t) > 9)
		return -1;
	*out = strtol(t, NULL, 10);
	return 0;
}

/* The arrays a patch has looked into by index, their items in order: cJSON's
   arrays are linked lists, so each look-up by index walked the list (the
   plan's edits of 100,000 devices spent more than half their time there).
   Every entry goes when an operation changes an array or frees a container
   (which may hold a cached array); a scalar changed in an object keeps them. */
enum { CACHED_ARRAYS = 4 };
struct array_index {
	const cJSON *array;
	cJSON **items;
	int n;
};
struct patch_cache {
	struct array_index a[CACHED_ARRAYS];
	int next; /* the entry to reuse */
};

static cJSON *item_at(struct patch_cache *c, cJSON *array, long i)
{
	struct array_index *e = NULL;
	for (int k = 0; k < CACHED_ARRAYS && !e; k++)
		if (c->a[k].array == array)
			e = &c->a[k];
	if (!e) {
		e = &c->a[c->next];
		c->next = (c->next + 1) % CACHED_ARRAYS;
		free(e->items);
		e->array = array;
		e->n = 0;
		for (cJSON *it = array->child; it; it = it->next)
			e->n++;
		e->items = xcalloc((size_t)e->n + 1, sizeof(*e->items));
		int k = 0;
		for (cJSON *it = array->child; it; it = it->next)
			e->items[k++] = it;
	}
	return i >= 0 && i < e->n ? e->items[i] : NULL;
}

static void forget(struct patch_cache *c)
{
	for (int k = 0; k < CACHED_ARRAYS; k++)
		free(c->a[k].items);
	*c = (struct patch_cache){ 0 };
}

/* Resolve every token but the last: the parent container and the last
   token (caller frees). */
static cJSON *parent_of(struct patch_cache *c, cJSON *doc, const char *path, char **last, const char **why)
{
	*last = NULL;
	if (*path != '/') {
		*why = "a path must start with '/' (the whole document cannot be patched)";
		return NULL;
	}
	cJSON *at = doc;
	const char *p = path;
	for (;;) {
		char *t = next_token(&p);
		if (!t) {
			*why = "bad '~' escape in a path";
			return NULL;
		}
		if (!*p) {
			*last = t;
			return at;
		}
		cJSON *next = NULL;
		long i;
		if (cJSON_IsObject(at))
			next = cJSON_GetObjectItemCaseSensitive(at, t);
		else if (cJSON_IsArray(at) && array_index(t, &i) == 0)
			next = item_at(c, at, i);
		free(t);
		if (!next) {
			*why = "a path names something the document does not have";
			return NULL;
		}
		at = next;
	}
}

static int apply_one(struct patch_cache *c, cJSON *doc, const cJSON *op, const char **why)
{
	const cJSON *o = cJSON_GetObjectItemCaseSensitive(op, "op");
	const cJSON *p = cJSON_GetObjectItemCaseSensitive(op, "path");
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(op, "value");
	if (!cJSON_IsString(o) || !cJSON_IsString(p)) {
		*why = "an operation needs \"op\" and \"path\" strings";
		return -1;
	}
	int add = !strcmp(o->valuestring, "add"), replace = !strcmp(o->valuestring, "replace"),
	    remove = !strcmp(o->valuestring, "remove");
	if (!add && !replace && !remove) {
		*why = "only add, replace and remove are supported";
		return -1;
	}
	if (!remove && !v) {
		*why = "add and replace need a \"value\"";
		return -1;
	}
	char *last;
	cJSON *parent = parent_of(c, doc, p->valuestring, &last, why);
	if (!parent)
		return -1;
	int rc = -1;
	long i = 0;
	if (cJSON_IsObject(parent)) {
		const cJSON *old = cJSON_GetObjectItemCaseSensitive(parent, last);
		int exists = old != NULL;
		if (cJSON_IsObject(old) || cJSON_IsArray(old))
			forget(c); /* the container goes (add replaces an existing key too) */
		if (!add && !exists) {
			*why = "replace or remove of a key the object does not have";
		} else if (remove) {
			cJSON_DeleteItemFromObjectCaseSensitive(parent, last);
			rc = 0;
		} else if (exists) {
			cJSON_ReplaceItemInObjectCaseSensitive(parent, last, cJSON_Duplicate(v, 1));
			rc = 0;
		} else {
			cJSON_AddItemToObject(parent, last, cJSON_Duplicate(v, 1));
			rc = 0;
		}
	} else if (cJSON_IsArray(parent)) {
		forget(c); /* its items change, or go */
		int n = cJSON_GetArraySize(parent);
		if (add && !strcmp(last, "-")) {
			cJSON_AddItemToArray(parent, cJSON_Duplicate(v, 1));
			rc = 0;
		} else if (array_index(last, &i) < 0 || i > n || (!add && i == n)) {
			*why = "an array index out of range";
		} else if (remove) {
			cJSON_DeleteItemFromArray(parent, (int)i);
			rc = 0;
		} else if (replace) {
			cJSON_ReplaceItemInArray(parent, (int)i, cJSON_Duplicate(v, 1));
			rc = 0;
		} else if (i == n) {
			cJSON_AddItemToArray(parent, cJSON_Duplicate(v, 1));
			rc = 0;
		} else {
			cJSON_InsertItemInArray(parent, (int)i, cJSON_Duplicate(v, 1));
			rc = 0;
		}
	} else {
		*why = "a path goes through a value that is neither object nor array";
	}
	free(last);
	return rc;
}

int json_patch_apply(cJSON *doc, const cJSON *patch, const char **why)
{
	if (!cJSON_IsArray(patch)) {
		*why = "a patch is an array of operations";
		return -1;
	}
	struct patch_cache c = { 0 };
	const cJSON *op;
	int rc = 0;
	cJSON_ArrayForEach(op, patch)
		if ((rc = apply_one(&c, doc, op, why)) < 0)
			break;
	forget(&c);
	return rc;
}

cJSON *json_patch_op(const char *op, const char *path, cJSON *value)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "op", op);
	cJSON_AddStringToObject(o, "path", path);
	if (value)
		cJSON_AddItemToObject(o, "value", value);
	return o;
}
