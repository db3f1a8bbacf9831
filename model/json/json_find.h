/*
** Looking things up in a parsed JSON document (the plan's edits, the
** what-if, reports read back): one definition of "a key holding a string".
*/
#ifndef BUNKAI_JSON_FIND_H
#define BUNKAI_JSON_FIND_H

#include <cJSON.h>
#include <string.h>

/* obj[key] when it is a string, else NULL. */
static inline const char *json_string(const cJSON *obj, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* Whether obj[key] is the string `value`. */
static inline int json_string_is(const cJSON *obj, const char *key, const char *value)
{
	const char *s = json_string(obj, key);
	return s && !strcmp(s, value);
}

#endif
