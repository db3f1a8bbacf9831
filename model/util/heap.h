/*
** The heap in huge pages: from the start for every run, and grown ahead for
** a run that reads a large inventory.
**
** Where this machine's time went (docs/performance.md): on a virtual machine
** every first touch of a 4 KiB page is a costly fault, and reading 100,000
** devices touches about 200 MB. cJSON alone parsed the 15 MB benchmark file
** in 0.52 s with 4 KiB pages and in 0.11 s with the heap in transparent huge
** pages. glibc can do this itself (GLIBC_TUNABLES=glibc.malloc.hugetlb=1),
** but only from the environment it was started with.
*/
#ifndef BUNKAI_HEAP_H
#define BUNKAI_HEAP_H

#include <stddef.h>

/* An input of this many bytes is being read (read_input: a file's size
   before, a pipe's as it grows): from 1 MiB on, the heap
   grows ahead by about 16 times that (address space, not memory) and that
   range is advised to be backed by huge pages. Once per run; a no-op where
   the system has no such advice or refuses it. */
void heap_expect(size_t input_bytes);

/* Memory freed from now on stays with the process: glibc no longer gives the
   top of the heap back to the system. For work that allocates and frees the
   same amounts round after round (the plan's re-analyses: each one would
   otherwise touch its pages afresh, 2,300 page faults instead of 1,550 for
   a hospital of 300 devices in 10 systems, and 4 ms of its 100). */
void heap_keep(void);

/* Called first in main, before anything is allocated: the heap starts on a
   2 MiB boundary, grows 6 MiB at a time, and its first 6 MiB are advised to
   be backed by huge pages. One hospital's analysis touched about 300 fresh
   4 KiB pages of heap (459 page faults in all, 149 after; 16.6 -> 13.5 ms
   for 300 devices); a huge page costs one fault and about 0.2 ms to clear.
   A no-op under another allocator (sanitizers, valgrind) or when the heap
   already exists. */
void heap_start(void);

#endif
