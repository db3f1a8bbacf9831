#include "whatif.h"

#include <string.h>

#include "model/json/json_find.h"
#include "model/util/exit_codes.h"
#include "model/util/textcheck.h"
#include "model/util/xalloc.h"
#include "model/util/i18n.h"

static void set_date(cJSON *obj, const char *key, const char *date)
{
	if (cJSON_GetObjectItemCaseSensitive(obj, key))
		cJSON_ReplaceItemInObjectCaseSensitive(obj, key, cJSON_CreateString(date));
	else
		cJSON_AddStringToObject(obj, key, date);
}

/* The agreement ends the day before the as-of date, unless it ended
   earlier; one that had not started yet ends the same day it starts. */
static void end_before(cJSON *obj, const char *day_before)
{
	const cJSON *end = cJSON_GetObjectItemCaseSensitive(obj, "end");
	if (cJSON_IsString(end) && strcmp(end->valuestring, day_before) <= 0)
		return;
	set_date(obj, "end", day_before);
	const cJSON *start = cJSON_GetObjectItemCaseSensitive(obj, "start");
	if (cJSON_IsString(start) && strcmp(start->valuestring, day_before) > 0)
		set_date(obj, "start", day_before);
}

/* Remove the elements of doc[array] whose `key` is `vendor`. */
static void drop(cJSON *doc, const char *array, const char *key, const char *vendor)
{
	cJSON *arr = cJSON_GetObjectItemCaseSensitive(doc, array);
	for (int i = cJSON_GetArraySize(arr) - 1; i >= 0; i--)
		if (json_string_is(cJSON_GetArrayItem(arr, i), key, vendor))
			cJSON_DeleteItemFromArray(arr, i);
}

int whatif_without(struct session *s, const char *const *vendors, size_t n)
{
	int rc = EXIT_OK;
	for (size_t k = 0; k < n; k++) {
		size_t i;
		for (i = 0; i < s->inv.n_vendors; i++)
			if (!strcmp(s->inv.vendors[i].id, vendors[k]))
				break;
		if (i == s->inv.n_vendors) {
			char show[SHOWN_SIZE];
			error(_("--without: unknown vendor \"%s\""), shown(show, vendors[k]));
			rc = EXIT_USAGE;
		}
	}
	if (rc != EXIT_OK || !n)
		return rc;
	char day_before[11];
	date_day_before(s->as_of, day_before);
	for (size_t k = 0; k < n; k++) {
		const char *v = vendors[k];
		cJSON *el;
		cJSON_ArrayForEach(el, cJSON_GetObjectItemCaseSensitive(s->doc, "contracts"))
			if (json_string_is(el, "vendor", v))
				end_before(el, day_before);
		cJSON_ArrayForEach(el, cJSON_GetObjectItemCaseSensitive(s->doc, "subcontracts"))
			if (json_string_is(el, "prime", v) || json_string_is(el, "sub", v))
				end_before(el, day_before);
		drop(s->doc, "remote_access", "vendor", v);
		drop(s->doc, "assignments", "party", v);
	}
	return session_reload(s);
}
