/*
** SQLite's memory: small blocks from per-size free lists.
**
** Debian builds SQLite with SQLITE_OMIT_LOOKASIDE, so every node of every
** statement SQLite parses and plans — hundreds per statement, 270
** statements per analysis — is a malloc and a free. The allocator given to
** SQLite here (SQLITE_CONFIG_MALLOC) keeps freed blocks of up to 1 KiB on a
** list per size class and hands them out again: what the lookaside would
** have done. Larger blocks (pages, the model's image) go to malloc.
*/
#ifndef BUNKAI_SQLITE_MEMORY_H
#define BUNKAI_SQLITE_MEMORY_H

/* Give SQLite the allocator; before SQLite's first use (later, SQLite
   refuses and keeps its own, which is correct too). */
void sqlite_memory_install(void);

#endif
