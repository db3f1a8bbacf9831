/*
** The inventory of one organization (SPEC §3): what the loaders produce and
** what model/db/db.c puts into SQLite. The entity structs come from their
** descriptions in entities.h.
**
** Every string lives in the inventory's pool; the arrays are owned by the
** inventory. inventory_release() frees it all. Optional values are NULL.
*/
#ifndef BUNKAI_INVENTORY_H
#define BUNKAI_INVENTORY_H

#include <stddef.h>

#include "model/catalog.h"
#include "model/entities.h"
#include "model/util/pool.h"

#define ARRAY(T, name) \
	T *name;       \
	size_t n_##name, cap_##name

struct inventory {
	struct pool pool;
	const char *org_id, *org_name, *as_of;
	ARRAY(struct vendor, vendors);
	ARRAY(struct system, systems);
	ARRAY(struct network, networks);
	ARRAY(struct device, devices);
	ARRAY(struct contract, contracts);
	ARRAY(struct subcontract, subcontracts);
	ARRAY(struct assignment, assignments);
	ARRAY(struct remote_access, remotes);
	ARRAY(struct interface, interfaces);
	ARRAY(struct device_check, device_checks);
	ARRAY(struct acceptance, accepted);
};

#undef ARRAY

void inventory_init(struct inventory *inv);
void inventory_release(struct inventory *inv);

#endif
