#include "inventory.h"

#include <stdlib.h>
#include <string.h>

const char *const device_type_names[] = { "server", "terminal", "network", "medical-device",
					   "printer", "storage", "other", NULL };
const char *const contract_kind_names[] = { "introduction", "maintenance", "operation",
					     "cloud", "sales", "other", NULL };
const char *const remote_method_names[] = { "vpn", "direct", "cloud", "other", NULL };
const char *const role_names[] = { "lead", "support", NULL };

void inventory_init(struct inventory *inv)
{
	memset(inv, 0, sizeof(*inv));
}

static void free_lists(struct inventory *inv)
{
	for (size_t i = 0; i < inv->n_vendors; i++) {
		free(inv->vendors[i].disclosures.v);
		free(inv->vendors[i].certifications.v);
	}
	for (size_t i = 0; i < inv->n_contracts; i++)
		free(inv->contracts[i].systems.v);
	for (size_t i = 0; i < inv->n_subcontracts; i++)
		free(inv->subcontracts[i].systems.v);
	for (size_t i = 0; i < inv->n_remotes; i++)
		free(inv->remotes[i].via.v);
	for (size_t i = 0; i < inv->n_interfaces; i++) {
		free(inv->interfaces[i].parties.v);
		free(inv->interfaces[i].systems.v);
	}
}

void inventory_release(struct inventory *inv)
{
	free_lists(inv);
	free(inv->vendors);
	free(inv->systems);
	free(inv->devices);
	free(inv->contracts);
	free(inv->subcontracts);
	free(inv->assignments);
	free(inv->remotes);
	free(inv->interfaces);
	pool_release(&inv->pool);
	memset(inv, 0, sizeof(*inv));
}
