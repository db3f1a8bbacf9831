#include "catalog.h"

#include <cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/json/json_arena.h"
#include "model/util/xalloc.h"
#include "model/util/i18n.h"

static const char *field(cJSON *o, const char *key)
{
	cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	return cJSON_IsString(v) && v->valuestring[0] ? v->valuestring : NULL;
}

int catalog_parse(struct catalog *cat, const char *text, char **err)
{
	static const char *const applies[] = { "always", "remote-access", "external-storage",
					       "subcontracted", "multiple-vendors" };
	memset(cat, 0, sizeof(*cat));
	cJSON *root = json_arena_parse(&cat->pool, text, strlen(text), NULL);
	cJSON *items = root ? cJSON_GetObjectItemCaseSensitive(root, "items") : NULL;
	cat->json = root;
	if (!cJSON_IsArray(items)) {
		*err = xstrdup("catalog is not a JSON object with an \"items\" array");
		goto fail;
	}
	size_t n = (size_t)cJSON_GetArraySize(items);
	if (n == 0 || n > 64) {
		*err = xasprintf("catalog has %zu items; 1 to 64 are supported", n);
		goto fail;
	}
	cat->items = xcalloc(n, sizeof(*cat->items));
	cJSON *it;
	cJSON_ArrayForEach(it, items) {
		struct catalog_item *ci = &cat->items[cat->n];
		int missing = 0;
#define READ_TEXT(m, key) missing |= !(ci->m = field(it, key));
		CATALOG_TEXTS(READ_TEXT)
#undef READ_TEXT
		ci->each_vendor = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(it, "each_vendor"));
		if (missing) {
			*err = xasprintf("catalog item %zu lacks a required text field", cat->n + 1);
			goto fail;
		}
		if (catalog_index(cat, ci->id) >= 0) {
			*err = xasprintf("catalog item %s appears twice", ci->id);
			goto fail;
		}
		if (!strcmp(ci->scope_name, "system"))
			ci->scope = SCOPE_SYSTEM;
		else if (!strcmp(ci->scope_name, "organization"))
			ci->scope = SCOPE_ORGANIZATION;
		else {
			*err = xasprintf("catalog item %s: unknown scope \"%s\"", ci->id, ci->scope_name);
			goto fail;
		}
		size_t a;
		for (a = 0; a < sizeof(applies) / sizeof(*applies); a++)
			if (!strcmp(ci->applies_name, applies[a]))
				break;
		if (a == sizeof(applies) / sizeof(*applies)) {
			*err = xasprintf("catalog item %s: unknown applicability \"%s\"", ci->id, ci->applies_name);
			goto fail;
		}
		ci->applies = (enum item_applies)a;
		cat->n++;
	}
	return 0;
fail:
	catalog_release(cat);
	return -1;
}

void catalog_release(struct catalog *cat)
{
	free(cat->items);
	pool_release(&cat->pool);
	memset(cat, 0, sizeof(*cat));
}

int catalog_index(const struct catalog *cat, const char *id)
{
	for (size_t i = 0; i < cat->n; i++)
		if (cat->items[i].id && !strcmp(cat->items[i].id, id))
			return (int)i;
	return -1;
}

bool catalog_resolve(const struct catalog *cat, const char *ref, itemset *out)
{
	itemset set = 0;
	if (!strcmp(ref, "*")) {
		set = cat->n == 64 ? ~(itemset)0 : (((itemset)1 << cat->n) - 1);
	} else if (strlen(ref) == 3 && ref[1] == '-' && ref[2] == '*') {
		/* A section wildcard: every item whose id starts with "X-". */
		for (size_t i = 0; i < cat->n; i++)
			if (cat->items[i].id[0] == ref[0] && cat->items[i].id[1] == '-')
				set |= (itemset)1 << i;
		if (!set)
			return false;
	} else {
		int i = catalog_index(cat, ref);
		if (i < 0)
			return false;
		set = (itemset)1 << i;
	}
	*out = set;
	return true;
}
