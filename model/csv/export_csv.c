/*
** The CSV ledgers written (export, template), column by column from the
** descriptions in entities.h, into a folder all or nothing
** (model/util/folder_output.c).
*/
#include "export_csv.h"

#include <stdlib.h>
#include <string.h>

#include "model/csv/csv_write.h"
#include "model/csv/import_csv.h"
#include "model/util/exit_codes.h"
#include "model/util/folder_output.h"
#include "model/util/strbuf.h"
#include "model/util/xalloc.h"

static void header(FILE *fp, const struct entity *e)
{
	csv_bom(fp);
	for (size_t i = 0; i < e->n_fields; i++)
		csv_field(fp, e->fields[i].ja, i == 0);
	csv_end(fp);
}

/* One cell, as people read it: Japanese kinds, はい/いいえ, lists joined with ;. */
static void cell(FILE *fp, const struct field *f, const void *obj, const struct catalog *cat, int first)
{
	const void *m = (const char *)obj + f->offset;
	const char *v[64];
	size_t n = 0;
	switch (f->type) {
	case FT_BOOL:
		csv_field(fp, *(const bool *)m ? "はい" : "いいえ", first);
		return;
	case FT_TRIBOOL:
		csv_field(fp, *(const int *)m < 0 ? NULL : *(const int *)m ? "はい" : "いいえ", first);
		return;
	case FT_ENUM:
		csv_field(fp, *(const int *)m < 0 ? NULL : field_ja_value(f, *(const int *)m), first);
		return;
	case FT_ITEM:
		csv_field(fp, cat->items[*(const int *)m].id, first);
		return;
	case FT_ITEMS:
		for (size_t i = 0; i < cat->n; i++)
			if (*(const itemset *)m & ((itemset)1 << i))
				v[n++] = cat->items[i].id;
		if (!first)
			fputc(',', fp);
		csv_joined(fp, v, n, ";");
		return;
	case FT_REFS:
	case FT_TEXTS: {
		const struct strlist *l = m;
		if (!first)
			fputc(',', fp);
		if ((f->flags & F_GIVEN) && !l->given)
			return; /* empty: "every system of the prime" */
		if ((f->flags & F_GIVEN) && !l->n)
			fputs("-", fp); /* given and empty: "none" */
		else
			csv_joined(fp, l->v, l->n, ";");
		return;
	}
	default:
		csv_field(fp, *(const char *const *)m, first);
	}
}

/* Write one ledger of the set. */
static int write_ledger(struct folder_output *set, const struct entity *e, const struct inventory *inv,
			const struct catalog *cat)
{
	struct output o;
	int rc = folder_output_file(set, &o, e->file);
	if (rc)
		return rc;
	header(o.fp, e);
	for (size_t i = 0, n = entity_count(inv, e); i < n; i++) {
		const void *obj = entity_at(inv, e, i);
		for (size_t k = 0; k < e->n_fields; k++)
			cell(o.fp, &e->fields[k], obj, cat, k == 0);
		csv_end(o.fp);
	}
	return output_commit(&o);
}

/* The file names a ledger folder may hold, the wide matrix.csv included. */
enum { LEDGER_NAMES_MAX = 16 };
static const char *const *ledger_names(const char *names[LEDGER_NAMES_MAX])
{
	size_t n = 0;
	for (const struct entity *e = entities; e->fields && n + 2 < LEDGER_NAMES_MAX; e++)
		names[n++] = e->file;
	names[n++] = CSV_MATRIX_FILE;
	names[n] = NULL;
	return names;
}

int export_csv(const struct inventory *inv, const struct catalog *cat, const char *dir, int force)
{
	const char *names[LEDGER_NAMES_MAX];
	struct folder_output set;
	int rc = folder_output_begin(&set, dir, ledger_names(names), force);
	for (const struct entity *e = entities; rc == 0 && e->fields; e++)
		rc = write_ledger(&set, e, inv, cat);
	if (rc == 0)
		return folder_output_commit(&set);
	folder_output_abort(&set);
	return rc;
}

/* One template: the header and an example row commented out with #. */
static int write_template(struct folder_output *set, const struct entity *e)
{
	struct output o;
	int rc = folder_output_file(set, &o, e->file);
	if (rc)
		return rc;
	header(o.fp, e);
	/* The example row is a comment: the importer skips rows starting with #. */
	for (size_t i = 0; i < e->n_fields; i++) {
		char *c = i == 0 ? xasprintf("#%s", e->fields[i].example) : xstrdup(e->fields[i].example);
		csv_field(o.fp, c, i == 0);
		free(c);
	}
	csv_end(o.fp);
	return output_commit(&o);
}

/* The wide 責任分界表: a row per item and system, a column per party, with
   the published 確認表's 初回確認, 初回確認日 and 完了日 (the older single
   確認日 column is read too: docs/csv-import.md). */
static int write_matrix_template(struct folder_output *set)
{
	struct output o;
	int rc = folder_output_file(set, &o, CSV_MATRIX_FILE);
	if (rc)
		return rc;
	csv_bom(o.fp);
	fputs("システムID,項番,初回確認,初回確認日,完了日,○○病院 (hosp),A社 (v-si)\r\n"
	      "#ehr,I-6,はい,2024-03-15,,,○\r\n"
	      "#ehr,I-2,いいえ,2024-03-15,2024-06-30,○,△\r\n",
	      o.fp);
	return output_commit(&o);
}

int write_templates(const char *dir, int force)
{
	const char *names[LEDGER_NAMES_MAX];
	struct folder_output set;
	int rc = folder_output_begin(&set, dir, ledger_names(names), force);
	for (const struct entity *e = entities; rc == 0 && e->fields; e++)
		rc = write_template(&set, e);
	if (rc == 0)
		rc = write_matrix_template(&set);
	if (rc == 0)
		return folder_output_commit(&set);
	folder_output_abort(&set);
	return rc;
}
