/*
** A string pool: many small copies freed together.
**
** The inventory owns one; every string of the model lives in it, so a model
** is released with a single pool_release() and no per-field frees.
*/
#ifndef BUNKAI_POOL_H
#define BUNKAI_POOL_H

#include <stddef.h>

struct pool_block;

struct pool {
	struct pool_block *head;
};

#define POOL_INIT { NULL }

/* n bytes (8-aligned, not zeroed) that the pool owns. */
void *pool_alloc(struct pool *p, size_t n);
/* Copy n bytes plus a NUL into the pool; the pool owns the copy. */
const char *pool_strndup(struct pool *p, const char *s, size_t n);
const char *pool_strdup(struct pool *p, const char *s);
void pool_release(struct pool *p);

#endif
