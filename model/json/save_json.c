#include <cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "model/json/save.h"
#include "model/util/exit_codes.h"
#include "model/util/xalloc.h"

static void str(cJSON *o, const char *key, const char *v)
{
	if (v)
		cJSON_AddStringToObject(o, key, v);
}

static void list(cJSON *o, const char *key, const struct strlist *l, int always)
{
	if (!l->n && !always)
		return;
	cJSON *a = cJSON_AddArrayToObject(o, key);
	for (size_t i = 0; i < l->n; i++)
		cJSON_AddItemToArray(a, cJSON_CreateString(l->v[i]));
}

static void items(cJSON *o, const char *key, itemset set, const struct catalog *cat)
{
	if (!set)
		return;
	cJSON *a = cJSON_AddArrayToObject(o, key);
	for (size_t i = 0; i < cat->n; i++)
		if (set & ((itemset)1 << i))
			cJSON_AddItemToArray(a, cJSON_CreateString(cat->items[i].id));
}

char *inventory_to_json(const struct inventory *inv, const struct catalog *cat)
{
	cJSON *root = cJSON_CreateObject();
	cJSON_AddStringToObject(root, "format", "bunkai-inventory/1");
	cJSON *org = cJSON_AddObjectToObject(root, "organization");
	str(org, "id", inv->org_id);
	str(org, "name", inv->org_name);
	str(root, "as_of", inv->as_of);

	cJSON *a = cJSON_AddArrayToObject(root, "vendors");
	for (size_t i = 0; i < inv->n_vendors; i++) {
		const struct vendor *v = &inv->vendors[i];
		cJSON *o = cJSON_CreateObject();
		str(o, "id", v->id);
		str(o, "name", v->name);
		list(o, "disclosures", &v->disclosures, 0);
		list(o, "certifications", &v->certifications, 0);
		cJSON_AddItemToArray(a, o);
	}
	a = cJSON_AddArrayToObject(root, "systems");
	for (size_t i = 0; i < inv->n_systems; i++) {
		const struct system *s = &inv->systems[i];
		cJSON *o = cJSON_CreateObject();
		str(o, "id", s->id);
		str(o, "name", s->name);
		cJSON_AddBoolToObject(o, "medical_info", s->medical_info);
		cJSON_AddBoolToObject(o, "external_storage", s->external_storage);
		cJSON_AddBoolToObject(o, "external_access", s->external_access);
		cJSON_AddItemToArray(a, o);
	}
	a = cJSON_AddArrayToObject(root, "devices");
	for (size_t i = 0; i < inv->n_devices; i++) {
		const struct device *d = &inv->devices[i];
		cJSON *o = cJSON_CreateObject();
		str(o, "id", d->id);
		str(o, "name", d->name);
		str(o, "type", device_type_names[d->type]);
		str(o, "system", d->system);
		str(o, "maintainer", d->maintainer);
		cJSON_AddItemToArray(a, o);
	}
	a = cJSON_AddArrayToObject(root, "contracts");
	for (size_t i = 0; i < inv->n_contracts; i++) {
		const struct contract *c = &inv->contracts[i];
		cJSON *o = cJSON_CreateObject();
		str(o, "id", c->id);
		str(o, "vendor", c->vendor);
		str(o, "kind", contract_kind_names[c->kind]);
		list(o, "systems", &c->systems, 1);
		cJSON_AddBoolToObject(o, "prime", c->prime);
		str(o, "start", c->start);
		str(o, "end", c->end);
		str(o, "confirmed", c->confirmed);
		items(o, "lead", c->lead, cat);
		items(o, "support", c->support & ~c->lead, cat);
		cJSON_AddItemToArray(a, o);
	}
	a = cJSON_AddArrayToObject(root, "subcontracts");
	for (size_t i = 0; i < inv->n_subcontracts; i++) {
		const struct subcontract *s = &inv->subcontracts[i];
		cJSON *o = cJSON_CreateObject();
		str(o, "id", s->id);
		str(o, "prime", s->prime);
		str(o, "sub", s->sub);
		if (s->has_systems)
			list(o, "systems", &s->systems, 1);
		str(o, "approved", s->approved);
		str(o, "start", s->start);
		str(o, "end", s->end);
		items(o, "lead", s->lead, cat);
		items(o, "support", s->support & ~s->lead, cat);
		cJSON_AddItemToArray(a, o);
	}
	a = cJSON_AddArrayToObject(root, "assignments");
	for (size_t i = 0; i < inv->n_assignments; i++) {
		const struct assignment *s = &inv->assignments[i];
		cJSON *o = cJSON_CreateObject();
		str(o, "item", cat->items[s->item].id);
		str(o, "system", s->system);
		str(o, "party", s->party);
		str(o, "role", role_names[s->role]);
		str(o, "confirmed", s->confirmed);
		cJSON_AddItemToArray(a, o);
	}
	a = cJSON_AddArrayToObject(root, "remote_access");
	for (size_t i = 0; i < inv->n_remotes; i++) {
		const struct remote_access *r = &inv->remotes[i];
		cJSON *o = cJSON_CreateObject();
		str(o, "id", r->id);
		str(o, "vendor", r->vendor);
		str(o, "target", r->target);
		list(o, "via", &r->via, 0);
		str(o, "method", remote_method_names[r->method]);
		cJSON_AddItemToArray(a, o);
	}
	a = cJSON_AddArrayToObject(root, "interfaces");
	for (size_t i = 0; i < inv->n_interfaces; i++) {
		const struct interface *f = &inv->interfaces[i];
		cJSON *o = cJSON_CreateObject();
		str(o, "id", f->id);
		list(o, "parties", &f->parties, 1);
		list(o, "systems", &f->systems, 0);
		str(o, "confirmed", f->confirmed);
		cJSON_AddItemToArray(a, o);
	}
	char *text = cJSON_Print(root);
	cJSON_Delete(root);
	if (!text)
		die(EXIT_FAILURE_IO, "out of memory writing the inventory");
	char *out = xstrdup(text);
	cJSON_free(text);
	return out;
}
