#include "json_arena.h"

#include <stdlib.h>
#include <string.h>

#include "model/util/xalloc.h"

struct json_arena_block {
	struct json_arena_block *next;
	size_t used, size;
	_Alignas(16) char data[]; /* blocks are malloc's; allocations in them 8-aligned (pointers, doubles) */
};

enum { FIRST_BLOCK = 64 << 10, LARGEST_BLOCK = 64 << 20 };

/* Under AddressSanitizer every allocation is a block of its own, so that
   reading past a node or string still hits a red zone (tests, fuzzing). */
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

/* cJSON's hooks are global: the arena being filled, only during a parse. */
static struct json_arena *filling;

static void *take(size_t n)
{
	struct json_arena *a = filling;
	struct json_arena_block *b = a->head;
	if (!BLOCK_PER_ALLOCATION)
		n = (n + 7) & ~(size_t)7;
	if (!b || b->size - b->used < n) {
		size_t size = BLOCK_PER_ALLOCATION || a->next_size < n ? n : a->next_size;
		b = xmalloc(sizeof(*b) + size);
		b->used = 0;
		b->size = size;
		b->next = a->head;
		a->head = b;
		if (a->next_size < LARGEST_BLOCK)
			a->next_size *= 2;
	}
	void *p = b->data + b->used;
	b->used += n;
	return p;
}

/* A node freed during the parse (cJSON drops what it built when the text
   is bad) stays in its block until the arena goes. */
static void keep(void *p)
{
	(void)p;
}

cJSON *json_arena_parse(struct json_arena *a, const char *buf, size_t len, const char **end)
{
	if (!a->next_size) /* a quarter of the text's size first (the tree is larger), then doubling */
		a->next_size = len / 4 > FIRST_BLOCK ? (len / 4 < LARGEST_BLOCK ? len / 4 : LARGEST_BLOCK) : FIRST_BLOCK;
	cJSON_Hooks hooks = { take, keep };
	filling = a;
	cJSON_InitHooks(&hooks);
	cJSON *root = cJSON_ParseWithLengthOpts(buf, len, end, 0);
	cJSON_InitHooks(NULL); /* malloc, free and realloc again for every other tree */
	filling = NULL;
	return root;
}

void json_arena_release(struct json_arena *a)
{
	while (a->head) {
		struct json_arena_block *b = a->head;
		a->head = b->next;
		free(b);
	}
	a->next_size = 0;
}
