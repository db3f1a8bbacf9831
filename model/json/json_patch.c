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

/* Resolve every token but the last: the parent container and the last
   token (caller frees). */
static cJSON *parent_of(cJSON *doc, const char *path, char **last, const char **why)
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
			next = cJSON_GetArrayItem(at, (int)i);
		free(t);
		if (!next) {
			*why = "a path names something the document does not have";
			return NULL;
		}
		at = next;
	}
}

static int apply_one(cJSON *doc, const cJSON *op, const char **why)
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
	cJSON *parent = parent_of(doc, p->valuestring, &last, why);
	if (!parent)
		return -1;
	int rc = -1;
	long i = 0;
	if (cJSON_IsObject(parent)) {
		int exists = cJSON_GetObjectItemCaseSensitive(parent, last) != NULL;
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
	const cJSON *op;
	cJSON_ArrayForEach(op, patch)
		if (apply_one(doc, op, why) < 0)
			return -1;
	return 0;
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
