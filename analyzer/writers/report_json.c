/*
** The JSON report, format bunkai-report/1 (SPEC §5, a contract): built as a
** cJSON tree and printed by cJSON, so escaping is never ours to get wrong.
*/
#include <cJSON.h>
#include <stdlib.h>

#include "analyzer/writers/report.h"
#include "model/util/exit_codes.h"
#include "model/util/xalloc.h"

static void add_str(cJSON *o, const char *key, const char *v)
{
	cJSON_AddItemToObject(o, key, v ? cJSON_CreateString(v) : cJSON_CreateNull());
}

void report_json(FILE *fp, const struct analysis *a)
{
	cJSON *root = cJSON_CreateObject();
	add_str(root, "format", "bunkai-report/1");
	add_str(root, "organization", a->org_id);
	add_str(root, "as_of", a->as_of);
	cJSON *s = cJSON_AddObjectToObject(root, "summary");
	cJSON_AddNumberToObject(s, "applicable", (double)a->summary.applicable);
	cJSON_AddNumberToObject(s, "led", (double)a->summary.led);
	cJSON_AddNumberToObject(s, "unowned", (double)a->summary.unowned);
	cJSON_AddNumberToObject(s, "conflicts", (double)a->summary.conflicts);
	cJSON_AddNumberToObject(s, "errors", (double)a->summary.errors);
	cJSON_AddNumberToObject(s, "warnings", (double)a->summary.warnings);
	cJSON_AddNumberToObject(s, "infos", (double)a->summary.infos);
	cJSON *list = cJSON_AddArrayToObject(root, "findings");
	for (size_t i = 0; i < a->n_findings; i++) {
		const struct finding *f = &a->findings[i];
		cJSON *o = cJSON_CreateObject();
		add_str(o, "id", f->id);
		add_str(o, "code", f->code);
		add_str(o, "severity", f->severity);
		add_str(o, "item", f->item);
		add_str(o, "system", f->system);
		cJSON *p = cJSON_AddArrayToObject(o, "parties");
		for (size_t k = 0; k < f->n_parties; k++)
			cJSON_AddItemToArray(p, cJSON_CreateString(f->parties[k]));
		add_str(o, "device", f->device);
		add_str(o, "remote", f->remote);
		add_str(o, "contract", f->contract);
		add_str(o, "ref", f->ref);
		add_str(o, "message", f->message);
		cJSON_AddItemToArray(list, o);
	}
	char *text = cJSON_Print(root);
	if (!text)
		die(EXIT_FAILURE_IO, "out of memory printing the JSON report");
	fputs(text, fp);
	fputc('\n', fp);
	cJSON_free(text);
	cJSON_Delete(root);
}
