#include "pool.h"

#include <stdlib.h>
#include <string.h>

#include "model/util/xalloc.h"

enum { POOL_BLOCK = 64 * 1024 };

struct pool_block {
	struct pool_block *next;
	size_t used, size;
	char data[];
};

const char *pool_strndup(struct pool *p, const char *s, size_t n)
{
	struct pool_block *b = p->head;
	if (!b || b->size - b->used < n + 1) {
		size_t size = n + 1 > POOL_BLOCK / 4 ? n + 1 : POOL_BLOCK;
		b = xmalloc(sizeof(*b) + size);
		b->used = 0;
		b->size = size;
		/* Oversized strings get their own block behind the current one,
		   so the current block keeps filling. */
		if (p->head && size != POOL_BLOCK) {
			b->next = p->head->next;
			p->head->next = b;
		} else {
			b->next = p->head;
			p->head = b;
		}
	}
	char *dst = b->data + b->used;
	memcpy(dst, s, n);
	dst[n] = '\0';
	b->used += n + 1;
	return dst;
}

const char *pool_strdup(struct pool *p, const char *s)
{
	return pool_strndup(p, s, strlen(s));
}

void pool_release(struct pool *p)
{
	struct pool_block *b = p->head;
	while (b) {
		struct pool_block *next = b->next;
		free(b);
		b = next;
	}
	p->head = NULL;
}
