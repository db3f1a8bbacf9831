#include "catalog.h"

#include <string.h>

#include "model/json/json_arena.h"
#include "model/util/embedded.h"
#include "model/util/exit_codes.h"
#include "model/util/i18n.h"
#include "model/util/xalloc.h"

void catalog_load(struct catalog *cat)
{
	memset(cat, 0, sizeof(*cat));
	cat->items = xmalloc(catalog_builtin_n * sizeof(*cat->items));
	memcpy(cat->items, catalog_builtin, catalog_builtin_n * sizeof(*cat->items));
	cat->n = catalog_builtin_n;
}

const void *catalog_json(struct catalog *cat)
{
	if (!cat->json) {
		const struct embedded_file *f = embedded_find("rules/catalog.json");
		if (!f || !(cat->json = json_arena_parse(&cat->pool, f->data, f->len, NULL)))
			die(EXIT_FAILURE_IO, _("internal error: the catalog is not built in"));
	}
	return cat->json;
}
