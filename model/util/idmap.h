/*
** A hash map from id strings to what they name (kind and array index).
** Keys are not copied: they must outlive the map (they live in the
** inventory's pool). Release with idmap_release().
*/
#ifndef BUNKAI_IDMAP_H
#define BUNKAI_IDMAP_H

#include <stddef.h>

enum id_kind {
	ID_NONE, ID_ORGANIZATION, ID_VENDOR, ID_SYSTEM, ID_DEVICE, ID_CONTRACT,
	ID_SUBCONTRACT, ID_REMOTE, ID_INTERFACE, ID_NETWORK,
	ID_PARTY /* what a reference may name: the organization or a vendor */
};

struct idref {
	enum id_kind kind;
	size_t index;
};

struct idmap_slot;

struct idmap {
	struct idmap_slot *slots;
	size_t cap, n;
};

void idmap_init(struct idmap *m, size_t expected);
/* Insert; returns NULL, or the existing entry if the id is already there. */
const struct idref *idmap_put(struct idmap *m, const char *key, enum id_kind kind, size_t index);
/* Insert, or replace the entry (and its key) if the id is already there. */
void idmap_set(struct idmap *m, const char *key, enum id_kind kind, size_t index);
/* The entry, or NULL. */
const struct idref *idmap_get(const struct idmap *m, const char *key);
void idmap_release(struct idmap *m);

extern const char *const id_kind_names[]; /* "vendor", "system", … */

#endif
