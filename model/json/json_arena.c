#include "json_arena.h"

/* cJSON's hooks are global: the pool being filled, only during a parse. */
static struct pool *filling;

static void *take(size_t n)
{
	return pool_alloc(filling, n);
}

/* A node freed during the parse (cJSON drops what it built when the text
   is bad) stays in the pool until the pool goes. */
static void keep(void *p)
{
	(void)p;
}

cJSON *json_arena_parse(struct pool *p, const char *buf, size_t len, const char **end)
{
	cJSON_Hooks hooks = { take, keep };
	filling = p;
	cJSON_InitHooks(&hooks);
	cJSON *root = cJSON_ParseWithLengthOpts(buf, len, end, 0);
	cJSON_InitHooks(NULL); /* malloc, free and realloc again for every other tree */
	filling = NULL;
	return root;
}
