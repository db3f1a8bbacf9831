#include "heap.h"

#include <limits.h>
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

enum { HUGE_FROM = 1 << 20, PAGE = 4096 };

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
	uintptr_t lo = ((uintptr_t)before + PAGE - 1) & ~(uintptr_t)(PAGE - 1);
	uintptr_t hi = (uintptr_t)after & ~(uintptr_t)(PAGE - 1);
	if (hi > lo)
		madvise((void *)lo, hi - lo, MADV_HUGEPAGE); /* advice: its failure changes nothing */
#else
	(void)input_bytes;
#endif
}
