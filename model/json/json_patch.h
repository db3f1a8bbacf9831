/*
** RFC 6902 JSON Patch, the three operations the plan's edits use (add,
** replace, remove), with RFC 6901 JSON Pointers, on a cJSON document.
**
** Debian's libcjson-dev does not ship cJSON_Utils (its patch support), so
** this is written here; it is small and the tests check every edit the plan
** offers against an independent applier (python3-jsonpatch).
*/
#ifndef BUNKAI_JSON_PATCH_H
#define BUNKAI_JSON_PATCH_H

#include <cJSON.h>

struct strbuf;

/* Append "/" and `token` escaped as a pointer segment (~ → ~0, / → ~1). */
void json_pointer_add(struct strbuf *sb, const char *token);
/* Append "/" and a decimal array index. */
void json_pointer_add_index(struct strbuf *sb, long index);

/* Apply the operations of `patch` (an array) to `doc` in order. Returns 0,
   or -1 with `*why` (static text) saying what could not be applied; the
   document may then be partly changed. */
int json_patch_apply(cJSON *doc, const cJSON *patch, const char **why);

/* One operation {"op", "path"[, "value"]}; `value` is taken over (NULL for
   remove). */
cJSON *json_patch_op(const char *op, const char *path, cJSON *value);

#endif
