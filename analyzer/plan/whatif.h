/*
** What-if (SPEC 9.2): `--without VENDOR` — the vendor leaves on the as-of
** date. Its contracts and subcontracts, as prime or as sub, end the day
** before; its remote paths and its assignments are dropped. Applied to the
** inventory document before anything is analyzed, so every command shows
** the world without it (a future --as-of shows what lapses by itself).
*/
#ifndef BUNKAI_WHATIF_H
#define BUNKAI_WHATIF_H

#include <stddef.h>

#include "analyzer/analysis/session.h"

/* Change s->doc and reload s->inv from it. Returns EXIT_OK, or EXIT_USAGE
   after printing an unknown vendor id. */
int whatif_without(struct session *s, const char *const *vendors, size_t n);

#endif
