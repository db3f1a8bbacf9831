/*
** The Part2 catalog of the MHLW checklist (rules/catalog.json), in memory.
**
** Item references in an inventory ("I-6", "C-*", "*") resolve against it to a
** set of items, kept as a bit mask: the catalog is small (≤ 64 items).
*/
#ifndef BUNKAI_CATALOG_H
#define BUNKAI_CATALOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/util/pool.h"

typedef uint64_t itemset;

enum item_scope { SCOPE_SYSTEM, SCOPE_ORGANIZATION };

enum item_applies {
	APPLIES_ALWAYS,
	APPLIES_REMOTE_ACCESS,
	APPLIES_EXTERNAL_STORAGE,
	APPLIES_SUBCONTRACTED,
	APPLIES_MULTIPLE_VENDORS
};

/* An item's texts, each required: its member and its key in the JSON. */
#define CATALOG_TEXTS(X)                                                                                    \
	X(id, "id") X(section, "section") X(category, "category") X(title, "title") X(content, "content")     \
	X(risk, "risk") X(recommendation, "recommendation") X(references, "references") X(scope_name, "scope") \
	X(applies_name, "applies")

struct catalog_item {
	/* All strings point into the catalog's parsed JSON (or, built in, are C literals). */
#define CATALOG_MEMBER(m, key) const char *m;
	CATALOG_TEXTS(CATALOG_MEMBER)
#undef CATALOG_MEMBER
	enum item_scope scope;
	enum item_applies applies;
	bool each_vendor;
};

struct catalog {
	struct catalog_item *items; /* owned (the strings are not: see json) */
	size_t n;
	void *json;       /* the parsed cJSON tree the strings point into, in `pool`;
			     NULL for the built-in catalog until catalog_json() */
	struct pool pool; /* owned: read once per run, so no node is freed alone */
};

/* The built-in catalog (model/catalog_builtin.c): rules/catalog.json as
   checked and written into C at build time, so no run parses it. Release
   with catalog_release(). */
void catalog_load(struct catalog *cat);
/* The catalog as its JSON document (a cJSON tree; the built-in one's parsed
   on first use, from the text compiled in). */
const void *catalog_json(struct catalog *cat);
/* build/gen/catalog_items.c, written by model/tools/catalog_items.c from
   rules/catalog.json with catalog_parse(): the items catalog_load() copies. */
extern const struct catalog_item catalog_builtin[];
extern const size_t catalog_builtin_n;
/* Parse a catalog document; returns 0, or -1 with *err set (caller frees). */
int catalog_parse(struct catalog *cat, const char *text, char **err);
void catalog_release(struct catalog *cat);

/* Index of the item with this exact id, or -1. */
int catalog_index(const struct catalog *cat, const char *id);
/* Resolve an item reference: an exact id, a section wildcard ("I-*") or "*".
   Returns false for anything else. */
bool catalog_resolve(const struct catalog *cat, const char *ref, itemset *out);

#endif
