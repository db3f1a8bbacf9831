#include "heap.h"

#include <limits.h>
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

enum { HUGE_FROM = 1 << 20, PAGE = 4096, HUGE_PAGE = 2 << 20, START_PAD = 6 << 20 };

#ifdef MADV_HUGEPAGE
/* The whole pages of [from, to) advised to be backed by huge pages (the
   kernel uses them for each 2 MiB inside it that nothing has touched yet).
   Advice: its failure changes nothing. */
static void advise_huge(uintptr_t from, uintptr_t to)
{
	uintptr_t lo = (from + PAGE - 1) & ~(uintptr_t)(PAGE - 1), hi = to & ~(uintptr_t)(PAGE - 1);
	if (hi > lo)
		madvise((void *)lo, hi - lo, MADV_HUGEPAGE);
}
#endif

void heap_start(void)
{
#if defined(M_TOP_PAD) && defined(MADV_HUGEPAGE)
	char *cur = sbrk(0);
	if (cur == (char *)-1)
		return;
	/* The break moved to one page below a 2 MiB boundary (address space
	   only): malloc's first block and its bookkeeping land in that page, the
	   rest of the heap starts on the boundary. */
	uintptr_t c = (uintptr_t)cur, at = ((c + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1)) - PAGE;
	if (at < c)
		at += HUGE_PAGE;
	if (sbrk((intptr_t)(at - c)) == (void *)-1 || !mallopt(M_TOP_PAD, START_PAD))
		return;
	/* The first block makes the heap, START_PAD long; nothing past its first
	   page has been touched yet, so the advice can still take effect. */
	void *volatile first = malloc(1); /* volatile: the compiler may drop an unused pair */
	int ours = first && (uintptr_t)first >= at && (uintptr_t)first < at + PAGE;
	free(first);
	char *end = sbrk(0);
	if (!ours || end == (char *)-1) /* another allocator (a sanitizer's, valgrind's), or an earlier heap */
		return;
	advise_huge(at + PAGE, (uintptr_t)end);
#endif
}

void heap_keep(void)
{
#ifdef M_TRIM_THRESHOLD
	mallopt(M_TRIM_THRESHOLD, -1); /* -1: never trim (mallopt(3)); advice, its failure changes nothing */
#endif
}

void heap_expect(size_t input_bytes)
{
#if defined(M_TOP_PAD) && defined(MADV_HUGEPAGE)
	static int done;
	if (done || input_bytes < HUGE_FROM)
		return;
	done = 1;
	size_t pad = input_bytes > SIZE_MAX / 16 ? SIZE_MAX : input_bytes * 16;
	if (pad > (size_t)2 << 30)
		pad = (size_t)2 << 30;
	/* Blocks up to 32 MiB come from the heap (not a mapping of their own),
	   the heap grows by `pad` at a time and is not trimmed during the run. */
	int step = pad < INT_MAX ? (int)pad : INT_MAX;
	if (!mallopt(M_MMAP_THRESHOLD, 32 << 20) || !mallopt(M_TRIM_THRESHOLD, step) || !mallopt(M_TOP_PAD, step))
		return;
	/* Make it grow now: a block larger than the whole heap so far, which no
	   free block can hold (below the mapping threshold: from the heap). */
	char *before = sbrk(0);
	struct mallinfo2 mi = mallinfo2();
	if (mi.arena >= (16 << 20))
		return;
	void *volatile grow = malloc(mi.arena + (64 << 10)); /* volatile: the compiler may drop an unused pair */
	free(grow);
	char *after = sbrk(0);
	if (before == (char *)-1 || after == (char *)-1 || after <= before)
		return;
	advise_huge((uintptr_t)before, (uintptr_t)after);
#else
	(void)input_bytes;
#endif
}
