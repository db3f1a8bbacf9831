/*
** The inventory of one organization (SPEC §3): what the loaders produce and
** what model/db/db.c puts into SQLite.
**
** Every string lives in the inventory's pool; the arrays are owned by the
** inventory. inventory_release() frees it all. Optional values are NULL.
*/
#ifndef BUNKAI_INVENTORY_H
#define BUNKAI_INVENTORY_H

#include <stdbool.h>
#include <stddef.h>

#include "model/catalog.h"
#include "model/util/pool.h"

struct strlist {
	const char **v;
	size_t n;
};

struct vendor {
	const char *id, *name;
	struct strlist disclosures, certifications;
};

struct system {
	const char *id, *name;
	bool medical_info, external_storage, external_access;
};

enum device_type { DEV_SERVER, DEV_TERMINAL, DEV_NETWORK, DEV_MEDICAL, DEV_PRINTER, DEV_STORAGE, DEV_OTHER };

struct device {
	const char *id, *name;
	enum device_type type;
	const char *system, *maintainer;
};

enum contract_kind { CK_INTRODUCTION, CK_MAINTENANCE, CK_OPERATION, CK_CLOUD, CK_SALES, CK_OTHER };

struct contract {
	const char *id, *vendor;
	enum contract_kind kind;
	struct strlist systems;
	bool prime;
	const char *start, *end, *confirmed;
	itemset lead, support;
};

struct subcontract {
	const char *id, *prime, *sub;
	struct strlist systems;
	bool has_systems; /* false: covers every system the prime is bound to */
	const char *approved, *start, *end;
	itemset lead, support;
};

enum role { ROLE_LEAD, ROLE_SUPPORT };

struct assignment {
	int item;           /* catalog index */
	const char *system; /* a system id, "*", or NULL for the organization item */
	const char *party;
	enum role role;
	const char *confirmed;
};

enum remote_method { RM_VPN, RM_DIRECT, RM_CLOUD, RM_OTHER };

struct remote_access {
	const char *id, *vendor, *target;
	struct strlist via;
	enum remote_method method;
};

struct interface {
	const char *id;
	struct strlist parties, systems;
	const char *confirmed;
};

#define ARRAY(T, name) \
	T *name;       \
	size_t n_##name, cap_##name

struct inventory {
	struct pool pool;
	const char *org_id, *org_name, *as_of;
	ARRAY(struct vendor, vendors);
	ARRAY(struct system, systems);
	ARRAY(struct device, devices);
	ARRAY(struct contract, contracts);
	ARRAY(struct subcontract, subcontracts);
	ARRAY(struct assignment, assignments);
	ARRAY(struct remote_access, remotes);
	ARRAY(struct interface, interfaces);
};

#undef ARRAY

extern const char *const device_type_names[];   /* indexed by enum device_type */
extern const char *const contract_kind_names[]; /* indexed by enum contract_kind */
extern const char *const remote_method_names[]; /* indexed by enum remote_method */
extern const char *const role_names[];          /* indexed by enum role */

void inventory_init(struct inventory *inv);
void inventory_release(struct inventory *inv);

#endif
