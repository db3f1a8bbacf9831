/*
** A JSON tree that is read once and dropped whole: its nodes and strings
** taken from a few large blocks instead of one malloc each, and freed with
** the blocks instead of node by node.
**
** cJSON allocates every node, key and string separately: the 15 MB
** benchmark inventory became about 2 million allocations to make and as
** many to free (docs/performance.md). The arena is used only where the
** tree is parsed, loaded into the inventory and thrown away; a document the
** plan edits (SESSION_DOC) is an ordinary cJSON tree.
*/
#ifndef BUNKAI_JSON_ARENA_H
#define BUNKAI_JSON_ARENA_H

#include <cJSON.h>
#include <stddef.h>

struct json_arena_block;

struct json_arena {
	struct json_arena_block *head;
	size_t next_size; /* of the next block */
};

/* Parse buf[0..len) like cJSON_ParseWithLengthOpts(), the tree in `a`
   (empty, or holding earlier trees). Release with json_arena_release(),
   never cJSON_Delete(). */
cJSON *json_arena_parse(struct json_arena *a, const char *buf, size_t len, const char **end);
/* Every tree parsed into `a` is gone. */
void json_arena_release(struct json_arena *a);

#endif
