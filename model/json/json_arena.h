/*
** A JSON tree that is read once and dropped whole: its nodes and strings
** taken from a pool (model/util/pool.h) instead of one malloc each, and
** freed with the pool instead of node by node.
**
** cJSON allocates every node, key and string separately: the 15 MB
** benchmark inventory became about 2 million allocations to make and as
** many to free (docs/performance.md). The pool is used only where the tree
** is parsed, loaded into the inventory and thrown away; a document the plan
** edits (SESSION_DOC) is an ordinary cJSON tree.
*/
#ifndef BUNKAI_JSON_ARENA_H
#define BUNKAI_JSON_ARENA_H

#include <cJSON.h>
#include <stddef.h>

#include "model/util/pool.h"

/* Parse buf[0..len) like cJSON_ParseWithLengthOpts(), the tree in pool `p`.
   It goes with pool_release(), never cJSON_Delete(). */
cJSON *json_arena_parse(struct pool *p, const char *buf, size_t len, const char **end);

#endif
