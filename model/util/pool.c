#include "pool.h"

#include <stdlib.h>
#include <string.h>

#include "model/util/xalloc.h"

enum { POOL_BLOCK = 64 * 1024 };

/* Under AddressSanitizer every allocation is a block of its own, so that
   reading past a string or a JSON node still hits a red zone (tests,
   fuzzing). */
#if defined(__SANITIZE_ADDRESS__) /* gcc */
#define UNDER_ASAN 1
#elif defined(__has_feature)      /* clang */
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifdef UNDER_ASAN
enum { BLOCK_PER_ALLOCATION = 1 };
#else
enum { BLOCK_PER_ALLOCATION = 0 };
#endif

struct pool_block {
	struct pool_block *next;
	size_t used, size;
	_Alignas(8) char data[];
};

/* n bytes at an offset that is a multiple of align (1 or 8). */
static void *take(struct pool *p, size_t n, size_t align)
{
	struct pool_block *b = p->head;
	size_t at = b ? (b->used + align - 1) & ~(align - 1) : 0;
	if (!b || at > b->size || b->size - at < n) {
		size_t size = BLOCK_PER_ALLOCATION || n > POOL_BLOCK / 4 ? n : POOL_BLOCK;
		b = xmalloc(sizeof(*b) + size);
		b->used = 0;
		b->size = size;
		at = 0;
		/* Oversized allocations get their own block behind the current
		   one, so the current block keeps filling. */
		if (p->head && size != POOL_BLOCK) {
			b->next = p->head->next;
			p->head->next = b;
		} else {
			b->next = p->head;
			p->head = b;
		}
	}
	b->used = at + n;
	return b->data + at;
}

void *pool_alloc(struct pool *p, size_t n)
{
	return take(p, n ? n : 1, 8);
}

const char *pool_strndup(struct pool *p, const char *s, size_t n)
{
	char *dst = take(p, n + 1, 1);
	memcpy(dst, s, n);
	dst[n] = '\0';
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
