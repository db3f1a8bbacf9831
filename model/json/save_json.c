/*
** The inventory as its canonical JSON document (what `bunkai import`
** writes), field by field from the descriptions in entities.h.
*/
#include <cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "model/json/save.h"
#include "model/util/exit_codes.h"
#include "model/util/xalloc.h"
#include "model/util/i18n.h"

static void add_field(cJSON *o, const struct field *f, const void *obj, const struct catalog *cat);

/* A nested field (first_check.answer) goes into its parent object, made
   when the first of its fields has a value. */
static void add_nested(cJSON *o, const struct field *f, const void *obj, const struct catalog *cat)
{
	cJSON *tmp = cJSON_CreateObject();
	struct field inner = *f;
	inner.parent = NULL;
	add_field(tmp, &inner, obj, cat);
	if (tmp->child) {
		cJSON *p = cJSON_GetObjectItemCaseSensitive(o, f->parent);
		if (!p)
			p = cJSON_AddObjectToObject(o, f->parent);
		cJSON_AddItemToObject(p, field_json_key(f), cJSON_DetachItemViaPointer(tmp, tmp->child));
	}
	cJSON_Delete(tmp);
}

static void add_field(cJSON *o, const struct field *f, const void *obj, const struct catalog *cat)
{
	const void *m = (const char *)obj + f->offset;
	if (f->parent) {
		add_nested(o, f, obj, cat);
		return;
	}
	switch (f->type) {
	case FT_BOOL:
		cJSON_AddBoolToObject(o, f->key, *(const bool *)m);
		break;
	case FT_TRIBOOL:
		if (*(const int *)m >= 0)
			cJSON_AddBoolToObject(o, f->key, *(const int *)m);
		break;
	case FT_ENUM:
		if (*(const int *)m >= 0) /* -1: not given (unknown) */
			cJSON_AddStringToObject(o, f->key, f->names[*(const int *)m]);
		break;
	case FT_ITEM:
		cJSON_AddStringToObject(o, f->key, cat->items[*(const int *)m].id);
		break;
	case FT_REFS:
	case FT_TEXTS: {
		const struct strlist *l = m;
		/* Written when it has entries, or always, or (F_GIVEN) when it was given. */
		if (!l->n && !(f->flags & F_ALWAYS) && !((f->flags & F_GIVEN) && l->given))
			break;
		cJSON *a = cJSON_AddArrayToObject(o, f->key);
		for (size_t i = 0; i < l->n; i++)
			cJSON_AddItemToArray(a, cJSON_CreateString(l->v[i]));
		break;
	}
	case FT_ITEMS: {
		itemset set = *(const itemset *)m;
		if (!set)
			break;
		cJSON *a = cJSON_AddArrayToObject(o, f->key);
		for (size_t i = 0; i < cat->n; i++)
			if (set & ((itemset)1 << i))
				cJSON_AddItemToArray(a, cJSON_CreateString(cat->items[i].id));
		break;
	}
	default:
		if (*(const char *const *)m)
			cJSON_AddStringToObject(o, f->key, *(const char *const *)m);
	}
}

char *inventory_to_json(const struct inventory *inv, const struct catalog *cat)
{
	cJSON *root = cJSON_CreateObject();
	cJSON_AddStringToObject(root, "format", "bunkai-inventory/1");
	cJSON *org = cJSON_AddObjectToObject(root, "organization");
	for (size_t k = 0; k < entities[0].n_fields; k++) {
		const struct field *f = &entities[0].fields[k];
		add_field(f->flags & F_ROOT ? root : org, f, inv, cat);
	}
	for (const struct entity *e = entities + 1; e->fields; e++) {
		cJSON *a = cJSON_AddArrayToObject(root, e->array);
		for (size_t i = 0, n = entity_count(inv, e); i < n; i++) {
			cJSON *o = cJSON_CreateObject();
			for (size_t k = 0; k < e->n_fields; k++)
				add_field(o, &e->fields[k], entity_at(inv, e, i), cat);
			cJSON_AddItemToArray(a, o);
		}
	}
	char *text = cJSON_Print(root);
	cJSON_Delete(root);
	if (!text)
		die(EXIT_FAILURE_IO, _("out of memory writing the inventory"));
	char *out = xstrdup(text);
	cJSON_free(text);
	return out;
}
