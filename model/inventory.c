#include "inventory.h"

#include <stdlib.h>
#include <string.h>

void inventory_init(struct inventory *inv)
{
	memset(inv, 0, sizeof(*inv));
}

void inventory_release(struct inventory *inv)
{
	/* The list arrays of every element, then the element arrays; the
	   strings all live in the pool. */
	for (const struct entity *e = entities + 1; e->fields; e++) {
		for (size_t i = 0, n = entity_count(inv, e); i < n; i++)
			for (size_t k = 0; k < e->n_fields; k++)
				if (e->fields[k].type == FT_REFS || e->fields[k].type == FT_TEXTS)
					free(((struct strlist *)field_ptr(entity_at(inv, e, i), &e->fields[k]))->v);
		free(*(void **)((char *)inv + e->at));
	}
	pool_release(&inv->pool);
	memset(inv, 0, sizeof(*inv));
}
