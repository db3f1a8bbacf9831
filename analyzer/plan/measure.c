#include "measure.h"

#include <stdlib.h>
#include <string.h>

#include "analyzer/analysis/pipeline.h"
#include "model/db/db.h"
#include "model/util/exit_codes.h"
#include "model/json/json_patch.h"
#include "model/json/load_json.h"
#include "model/util/diag.h"
#include "model/util/xalloc.h"
#include "model/util/i18n.h"

int finding_set_read(sqlite3 *db, struct finding_set *out)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st = db_prepare(db, "SELECT id, rank FROM findings WHERE in_view AND accepted IS NULL ORDER BY id", "plan findings");
	size_t cap = 0, cap_r = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		out->ids = xgrow(out->ids, &cap, out->n + 1, sizeof(*out->ids));
		out->ranks = xgrow(out->ranks, &cap_r, out->n + 1, sizeof(*out->ranks));
		out->ids[out->n] = xstrdup((const char *)sqlite3_column_text(st, 0));
		out->ranks[out->n++] = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : error(_("plan: reading the findings: %s"), sqlite3_errmsg(db));
}

long finding_set_find(const struct finding_set *s, const char *id)
{
	size_t lo = 0, hi = s->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(s->ids[mid], id);
		if (!c)
			return (long)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

void finding_set_release(struct finding_set *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->ids[i]);
	free(s->ids);
	free(s->ranks);
	memset(s, 0, sizeof(*s));
}

int measure_edit(const struct measure *m, const cJSON *edit, struct finding_set *out)
{
	memset(out, 0, sizeof(*out));
	cJSON *doc = cJSON_Duplicate(m->doc, 1);
	const char *why;
	if (!doc)
		die(3, _("out of memory"));
	if (json_patch_apply(doc, edit, &why) < 0) {
		cJSON_Delete(doc);
		return 1;
	}
	struct inventory inv;
	inventory_init(&inv);
	struct diag d;
	diag_init(&d, "plan");
	int valid = inventory_load_tree(&inv, m->cat, doc, &d) == 0;
	diag_release(&d);
	int rc = valid ? -1 : 1;
	sqlite3 *db = NULL;
	if (valid) {
		db = db_open(&inv);
		if (db && db_load(db, m->cat, &inv, m->as_of) == 0 &&
		    pipeline_analyze(db, m->rules, 0, m->max_check_age, m->view, 0) == EXIT_OK)
			rc = finding_set_read(db, out);
	}
	if (db)
		sqlite3_close(db);
	inventory_release(&inv);
	cJSON_Delete(doc);
	return rc;
}
