/*
** Reading values into entity fields, with the checks and messages of SPEC §3
** — the one place both loaders (JSON, CSV) go through, so a value is held
** to the same rules and reported in the same words whatever file it came
** from. Messages are placed by entity, index and field; the diag's locate
** callback says where that is in the file the user wrote (a JSON path by
** default, "devices.csv:57: column 機器種別" for a CSV ledger).
*/
#ifndef BUNKAI_FIELDS_H
#define BUNKAI_FIELDS_H

#include <stddef.h>

#include "model/inventory.h"
#include "model/util/diag.h"

/* Where a value is: an entity's element, one of its fields, an element of a
   list. index ARRAY_WHOLE: the whole array; f NULL: the element itself. */
enum { ARRAY_WHOLE = -1 };
struct place {
	const struct entity *e;
	long index;
	const struct field *f;
	long sub; /* -1: none */
};

/* Record a problem at a place. */
void diag_place(struct diag *d, const struct place *p, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* The JSON path of a place ("$.devices[3].type"), into buf. */
const char *place_json_path(const struct place *p, char *buf, size_t size);

/* A value as the document gave it, before the checks. */
enum raw_kind { RAW_ABSENT, RAW_STRING, RAW_BOOL, RAW_LIST, RAW_INVALID /* already reported */ };
struct raw {
	enum raw_kind kind;
	const char *s;           /* RAW_STRING */
	int b;                   /* RAW_BOOL */
	const char *const *list; /* RAW_LIST: n strings; a NULL element was already reported */
	size_t n;
};

struct field_checks {
	struct inventory *inv;
	const struct catalog *cat;
	struct diag *d;
};

/* Check raw against field f of entity e's element `index` and store it in
   obj (strings into the inventory's pool). Absent values take the field's
   default; a problem is reported and leaves the field empty. */
void field_set(struct field_checks *fc, const struct entity *e, long index, const struct field *f, void *obj,
	       const struct raw *raw);
/* After every field of an element: the checks across its fields. */
void entity_finish(struct field_checks *fc, const struct entity *e, long index, void *obj);

#endif
