#include "sqlite_memory.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Under AddressSanitizer a freed block is poisoned until it is handed out
   again, so a read of a column's text after its statement moved on is
   still caught in the sanitizer builds. */
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION(p, n)
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

enum {
	STEP = 16,              /* class k holds blocks of k * STEP bytes */
	SMALL = 1024,           /* the largest block kept on a list */
	CLASSES = SMALL / STEP, /* 1 … CLASSES */
	/* Carved into small blocks. Under malloc's mmap threshold (128 KiB),
	   so chunks come from the heap, in huge pages (model/util/heap.h). */
	CHUNK = 64 << 10,
};

/* Before each block (8 bytes: SQLite's blocks are 8-aligned): its class
   (1 … CLASSES) or minus its size (a large block, from malloc); on a free
   list, the next free block of its class. */
union tag {
	int64_t size;
	union tag *next;
};

struct chunk {
	struct chunk *next;
};

static struct {
	union tag *free[CLASSES + 1];
	struct chunk *chunks;
	char *at, *end; /* what is left of the newest chunk */
	size_t live;    /* small blocks handed out and not freed */
} m;

static int class_of(int n)
{
	return n <= STEP ? 1 : (n + STEP - 1) / STEP;
}

/* When no small block is in use — no connection open — the chunks go back
   to malloc: nothing points into them. */
static void release_chunks(void)
{
	while (m.chunks) {
		struct chunk *c = m.chunks;
		m.chunks = c->next;
		UNPOISON(c, CHUNK);
		free(c);
	}
	memset(&m, 0, sizeof(m));
}

static union tag *carve(int k)
{
	size_t n = sizeof(union tag) + (size_t)k * STEP;
	if ((size_t)(m.end - m.at) < n) {
		struct chunk *c = malloc(CHUNK);
		if (!c)
			return NULL;
		c->next = m.chunks;
		m.chunks = c;
		m.at = (char *)(c + 1);
		m.end = (char *)c + CHUNK;
		POISON(m.at, (size_t)(m.end - m.at));
	}
	union tag *b = (union tag *)m.at;
	m.at += n;
	UNPOISON(b, sizeof(*b));
	return b;
}

static void *mem_malloc(int n)
{
	union tag *b;
	if (n > SMALL) {
		if (!(b = malloc(sizeof(*b) + (size_t)n)))
			return NULL;
		b->size = -(int64_t)n;
		return b + 1;
	}
	int k = class_of(n);
	if ((b = m.free[k]))
		m.free[k] = b->next;
	else if (!(b = carve(k)))
		return NULL;
	b->size = k;
	m.live++;
	UNPOISON(b + 1, (size_t)k * STEP);
	return b + 1;
}

static void mem_free(void *p)
{
	if (!p)
		return;
	union tag *b = (union tag *)p - 1;
	if (b->size < 0) {
		free(b);
		return;
	}
	int k = (int)b->size;
	POISON(p, (size_t)k * STEP);
	b->next = m.free[k];
	m.free[k] = b;
	if (--m.live == 0)
		release_chunks();
}

static int mem_size(void *p)
{
	if (!p)
		return 0;
	const union tag *b = (const union tag *)p - 1;
	return (int)(b->size < 0 ? -b->size : b->size * STEP);
}

static void *mem_realloc(void *p, int n)
{
	union tag *b = (union tag *)p - 1;
	if (b->size < 0 && n > SMALL) {
		if (!(b = realloc(b, sizeof(*b) + (size_t)n)))
			return NULL;
		b->size = -(int64_t)n;
		return b + 1;
	}
	if (b->size > 0 && n <= SMALL && class_of(n) == b->size)
		return p;
	void *q = mem_malloc(n);
	if (!q)
		return NULL;
	int old = mem_size(p);
	memcpy(q, p, (size_t)(old < n ? old : n));
	mem_free(p);
	return q;
}

static int mem_roundup(int n)
{
	return n <= SMALL ? class_of(n) * STEP : (n + 7) & ~7;
}

static int mem_init(void *unused)
{
	(void)unused;
	return SQLITE_OK;
}

static void mem_shutdown(void *unused)
{
	(void)unused;
}

void sqlite_memory_install(void)
{
	static const sqlite3_mem_methods methods = {
		mem_malloc, mem_free, mem_realloc, mem_size, mem_roundup, mem_init, mem_shutdown, NULL,
	};
	sqlite3_config(SQLITE_CONFIG_MALLOC, &methods);
}
