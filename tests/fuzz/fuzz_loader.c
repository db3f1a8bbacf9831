/*
** libFuzzer target: any bytes as an inventory. The loader must answer with
** diagnostics or a model, never crash, hang or grow without bound; a document
** it accepts is also built into the SQLite model and run through every rule.
** Build and run: make fuzz (FUZZ_SECONDS=60).
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/analysis/rules.h"
#include "model/db/db.h"
#include "model/csv/import_csv.h"
#include "model/json/load_json.h"
#include "model/limits.h"
#include "model/util/read_input.h"
#include "model/validate.h"

static struct catalog cat;
static struct ruleset rules;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	catalog_load(&cat);
	if (ruleset_add_builtin(&rules) < 0)
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct inventory inv;
	struct diag d;
	inventory_init(&inv);
	diag_init(&d, "fuzz");
	/* The loader must not rely on a terminating NUL: give it exactly the bytes. */
	char *buf = malloc(size ? size : 1);
	memcpy(buf, data, size);
	if (inventory_load_json(&inv, &cat, buf, size, &d) == 0) {
		sqlite3 *db = db_open(&inv);
		if (!db || db_load(db, &cat, &inv, inv.as_of ? inv.as_of : "2026-04-01", 1) < 0 || rules_run(db, &rules, 1) < 0)
			abort(); /* a valid document must always analyze */
		db_close(db);
	}
	free(buf);
	diag_release(&d);
	inventory_release(&inv);
	return 0;
}
