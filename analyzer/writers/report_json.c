/*
** The JSON report, format bunkai-report/1 (SPEC §5, a contract): built as a
** cJSON tree and printed by cJSON, so escaping is never ours to get wrong.
*/
#include <cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/writers/plan_out.h"
#include "analyzer/writers/report.h"
#include "model/json/json_write.h"
#include "model/util/xalloc.h"

/* Keys are literals and values belong to the analysis, which outlives the
   tree: both are referenced, not copied (a report of 100,000 devices has
   about 900,000 of them, each a malloc and a free). */
static void add(cJSON *o, const char *key, cJSON *item)
{
	cJSON_AddItemToObjectCS(o, key, item);
}

static void add_str(cJSON *o, const char *key, const char *v)
{
	add(o, key, v ? cJSON_CreateStringReference(v) : cJSON_CreateNull());
}

static cJSON *add_array(cJSON *o, const char *key)
{
	cJSON *a = cJSON_CreateArray();
	add(o, key, a);
	return a;
}

/* "a, b" (as the analysis joins them) as a JSON array; NULL: empty. */
static cJSON *split_list(const char *s)
{
	cJSON *arr = cJSON_CreateArray();
	while (s && *s) {
		const char *end = strstr(s, ", ");
		size_t n = end ? (size_t)(end - s) : strlen(s);
		char *one = xstrndup(s, n);
		cJSON_AddItemToArray(arr, cJSON_CreateString(one));
		free(one);
		s = end ? end + 2 : NULL;
	}
	return arr;
}

static cJSON *tribool(int v)
{
	return v < 0 ? cJSON_CreateNull() : cJSON_CreateBool(v);
}

/* The paths into the hospital (SPEC 9.1), before the findings. */
static void add_paths(cJSON *root, const struct analysis *a)
{
	cJSON *list = cJSON_AddArrayToObject(root, "paths");
	for (size_t i = 0; i < a->n_paths; i++) {
		const struct remote_path *p = &a->paths[i];
		cJSON *o = cJSON_CreateObject();
		add_str(o, "id", p->id);
		add_str(o, "vendor", p->vendor);
		add_str(o, "target", p->target);
		add_str(o, "door", p->door);
		cJSON *reach = cJSON_AddObjectToObject(o, "reach");
		cJSON_AddNumberToObject(reach, "devices", (double)p->reached);
		cJSON_AddItemToObject(reach, "systems", split_list(p->reached_systems));
		add_str(o, "approved", p->approved);
		add_str(o, "auth", p->auth);
		cJSON_AddItemToObject(o, "source_restricted", tribool(p->source_restricted));
		cJSON_AddItemToObject(o, "on_demand", tribool(p->on_demand));
		if (p->check_date) {
			cJSON *c = cJSON_AddObjectToObject(o, "patch_check");
			add_str(c, "date", p->check_date);
			add_str(c, "answer", p->check_answer);
			add_str(c, "by", p->check_by);
		} else {
			cJSON_AddNullToObject(o, "patch_check");
		}
		cJSON_AddItemToObject(o, "open", split_list(p->open));
		cJSON_AddItemToArray(list, o);
	}
}

void report_json(FILE *fp, const struct analysis *a)
{
	cJSON *root = cJSON_CreateObject();
	add_str(root, "format", "bunkai-report/1");
	add_str(root, "organization", a->org_id);
	add_str(root, "as_of", a->as_of);
	if (a->n_without) {
		cJSON *w = cJSON_AddArrayToObject(root, "without");
		for (size_t i = 0; i < a->n_without; i++)
			cJSON_AddItemToArray(w, cJSON_CreateString(a->without[i]));
	}
	cJSON *s = cJSON_AddObjectToObject(root, "summary");
	cJSON_AddNumberToObject(s, "applicable", (double)a->summary.applicable);
	cJSON_AddNumberToObject(s, "led", (double)a->summary.led);
	cJSON_AddNumberToObject(s, "unowned", (double)a->summary.unowned);
	cJSON_AddNumberToObject(s, "conflicts", (double)a->summary.conflicts);
	cJSON_AddNumberToObject(s, "errors", (double)a->summary.errors);
	cJSON_AddNumberToObject(s, "warnings", (double)a->summary.warnings);
	cJSON_AddNumberToObject(s, "infos", (double)a->summary.infos);
	cJSON_AddNumberToObject(s, "accepted", (double)a->summary.accepted);
	if (a->plan)
		cJSON_AddItemToObject(root, "plan", plan_json(a->plan));
	add_paths(root, a);
	/* Who validly leads what (SPEC 9.3), so that two reports can be compared. */
	cJSON *leads = add_array(root, "leads");
	for (size_t i = 0; i < a->n_leads; i++) {
		cJSON *o = cJSON_CreateObject();
		add_str(o, "system", a->leads[i].system);
		add_str(o, "item", a->leads[i].item);
		add_str(o, "party", a->leads[i].party);
		cJSON_AddItemToArray(leads, o);
	}
	cJSON *list = add_array(root, "findings");
	for (size_t i = 0; i < a->n_findings; i++) {
		const struct finding *f = &a->findings[i];
		cJSON *o = cJSON_CreateObject();
		add_str(o, "id", f->id);
		add_str(o, "code", f->code);
		add_str(o, "severity", f->severity);
		add_str(o, "item", f->item);
		add_str(o, "system", f->system);
		cJSON *p = add_array(o, "parties");
		for (size_t k = 0; k < f->n_parties; k++)
			cJSON_AddItemToArray(p, cJSON_CreateStringReference(f->parties[k]));
		add_str(o, "device", f->device);
		add_str(o, "remote", f->remote);
		add_str(o, "contract", f->contract);
		add_str(o, "ref", f->ref);
		add_str(o, "message", f->message);
		add_str(o, "cause", f->cause);
		if (f->accepted) {
			cJSON *acc = cJSON_CreateObject();
			add(o, "accepted", acc);
			add_str(acc, "reason", f->accepted->reason);
			add_str(acc, "by", f->accepted->by);
			add_str(acc, "until", f->accepted->until);
			add_str(acc, "ticket", f->accepted->ticket);
		} else {
			add(o, "accepted", cJSON_CreateNull());
		}
		cJSON_AddItemToArray(list, o);
	}
	json_write(fp, root, "the JSON report");
}
