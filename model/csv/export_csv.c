#include "export_csv.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/csv/csv_layout.h"
#include "model/csv/csv_write.h"
#include "model/util/folder_output.h"
#include "model/util/strbuf.h"
#include "model/util/xalloc.h"

/* Japanese spelling of an enum value, as the templates show it. */
static const char *ja_value(const struct csv_column *c, const char *value)
{
	for (size_t i = 0; c->aliases && c->aliases[i]; i += 2)
		if (!strcmp(c->aliases[i + 1], value))
			return c->aliases[i];
	return value;
}

static void header(FILE *fp, const struct csv_file *f)
{
	csv_bom(fp);
	for (size_t i = 0; i < f->n_cols; i++)
		csv_field(fp, f->cols[i].ja, i == 0);
	csv_end(fp);
}

static void joined(FILE *fp, const struct strlist *l, int explicit_empty)
{
	fputc(',', fp);
	if (explicit_empty && l->n == 0)
		fputs("-", fp);
	else
		csv_joined(fp, l->v, l->n, ";");
}

static void itemlist(FILE *fp, itemset set, const struct catalog *cat)
{
	const char *v[64];
	size_t n = 0;
	for (size_t i = 0; i < cat->n; i++)
		if (set & ((itemset)1 << i))
			v[n++] = cat->items[i].id;
	fputc(',', fp);
	csv_joined(fp, v, n, ";");
}

static const char *yes(int b)
{
	return b ? "はい" : "いいえ";
}

/* Write one ledger of the set. */
static int write_file(struct folder_output *set, const struct csv_file *f, const struct inventory *inv,
		      const struct catalog *cat)
{
	struct output o;
	int rc = folder_output_file(set, &o, f->file);
	if (rc)
		return rc;
	FILE *fp = o.fp;
	header(fp, f);
	const struct csv_column *c = f->cols;
	if (!f->array) {
		csv_field(fp, inv->org_id, 1);
		csv_field(fp, inv->org_name, 0);
		csv_field(fp, inv->as_of, 0);
		csv_end(fp);
	} else if (!strcmp(f->array, "vendors")) {
		for (size_t i = 0; i < inv->n_vendors; i++) {
			const struct vendor *v = &inv->vendors[i];
			csv_field(fp, v->id, 1);
			csv_field(fp, v->name, 0);
			joined(fp, &v->disclosures, 0);
			joined(fp, &v->certifications, 0);
			csv_end(fp);
		}
	} else if (!strcmp(f->array, "systems")) {
		for (size_t i = 0; i < inv->n_systems; i++) {
			const struct system *s = &inv->systems[i];
			csv_field(fp, s->id, 1);
			csv_field(fp, s->name, 0);
			csv_field(fp, yes(s->medical_info), 0);
			csv_field(fp, yes(s->external_storage), 0);
			csv_field(fp, yes(s->external_access), 0);
			csv_end(fp);
		}
	} else if (!strcmp(f->array, "devices")) {
		for (size_t i = 0; i < inv->n_devices; i++) {
			const struct device *d = &inv->devices[i];
			csv_field(fp, d->id, 1);
			csv_field(fp, d->name, 0);
			csv_field(fp, ja_value(&c[2], device_type_names[d->type]), 0);
			csv_field(fp, d->system, 0);
			csv_field(fp, d->maintainer, 0);
			csv_end(fp);
		}
	} else if (!strcmp(f->array, "contracts")) {
		for (size_t i = 0; i < inv->n_contracts; i++) {
			const struct contract *k = &inv->contracts[i];
			csv_field(fp, k->id, 1);
			csv_field(fp, k->vendor, 0);
			csv_field(fp, ja_value(&c[2], contract_kind_names[k->kind]), 0);
			joined(fp, &k->systems, 0);
			csv_field(fp, yes(k->prime), 0);
			csv_field(fp, k->start, 0);
			csv_field(fp, k->end, 0);
			csv_field(fp, k->confirmed, 0);
			itemlist(fp, k->lead, cat);
			itemlist(fp, k->support & ~k->lead, cat);
			csv_end(fp);
		}
	} else if (!strcmp(f->array, "subcontracts")) {
		for (size_t i = 0; i < inv->n_subcontracts; i++) {
			const struct subcontract *s = &inv->subcontracts[i];
			csv_field(fp, s->id, 1);
			csv_field(fp, s->prime, 0);
			csv_field(fp, s->sub, 0);
			if (s->has_systems)
				joined(fp, &s->systems, 1);
			else
				csv_field(fp, NULL, 0);
			csv_field(fp, s->approved, 0);
			csv_field(fp, s->start, 0);
			csv_field(fp, s->end, 0);
			itemlist(fp, s->lead, cat);
			itemlist(fp, s->support & ~s->lead, cat);
			csv_end(fp);
		}
	} else if (!strcmp(f->array, "assignments")) {
		for (size_t i = 0; i < inv->n_assignments; i++) {
			const struct assignment *a = &inv->assignments[i];
			csv_field(fp, cat->items[a->item].id, 1);
			csv_field(fp, a->system, 0);
			csv_field(fp, a->party, 0);
			csv_field(fp, ja_value(&c[3], role_names[a->role]), 0);
			csv_field(fp, a->confirmed, 0);
			csv_end(fp);
		}
	} else if (!strcmp(f->array, "remote_access")) {
		for (size_t i = 0; i < inv->n_remotes; i++) {
			const struct remote_access *r = &inv->remotes[i];
			csv_field(fp, r->id, 1);
			csv_field(fp, r->vendor, 0);
			csv_field(fp, r->target, 0);
			joined(fp, &r->via, 0);
			csv_field(fp, ja_value(&c[4], remote_method_names[r->method]), 0);
			csv_end(fp);
		}
	} else if (!strcmp(f->array, "interfaces")) {
		for (size_t i = 0; i < inv->n_interfaces; i++) {
			const struct interface *k = &inv->interfaces[i];
			csv_field(fp, k->id, 1);
			joined(fp, &k->parties, 0);
			joined(fp, &k->systems, 0);
			csv_field(fp, k->confirmed, 0);
			csv_end(fp);
		}
	}
	return output_commit(&o);
}

/* The file names a ledger folder may hold, the wide matrix.csv included. */
enum { LEDGER_NAMES_MAX = 16 };
static const char *const *ledger_names(const char *names[LEDGER_NAMES_MAX])
{
	size_t n = 0;
	for (const struct csv_file *f = csv_files; f->file && n + 2 < LEDGER_NAMES_MAX; f++)
		names[n++] = f->file;
	names[n++] = CSV_MATRIX_FILE;
	names[n] = NULL;
	return names;
}

int export_csv(const struct inventory *inv, const struct catalog *cat, const char *dir, int force)
{
	const char *names[LEDGER_NAMES_MAX];
	struct folder_output set;
	int rc = folder_output_begin(&set, dir, ledger_names(names), force);
	if (rc)
		return rc;
	for (const struct csv_file *f = csv_files; f->file; f++)
		if ((rc = write_file(&set, f, inv, cat)) != 0) {
			folder_output_abort(&set);
			return rc;
		}
	return folder_output_commit(&set);
}

/* One template: the header and an example row commented out with #. */
static int write_template(struct folder_output *set, const struct csv_file *f)
{
	struct output o;
	int rc = folder_output_file(set, &o, f->file);
	if (rc)
		return rc;
	header(o.fp, f);
	/* The example row is a comment: the importer skips rows starting with #. */
	for (size_t i = 0; i < f->n_cols; i++) {
		char *cell = i == 0 ? xasprintf("#%s", f->cols[i].example) : xstrdup(f->cols[i].example);
		csv_field(o.fp, cell, i == 0);
		free(cell);
	}
	csv_end(o.fp);
	return output_commit(&o);
}

/* The wide 責任分界表: a row per item and system, a column per party. */
static int write_matrix_template(struct folder_output *set)
{
	struct output o;
	int rc = folder_output_file(set, &o, CSV_MATRIX_FILE);
	if (rc)
		return rc;
	csv_bom(o.fp);
	fputs("システムID,項番,確認日,○○病院 (hosp),A社 (v-si)\r\n#ehr,I-6,2024-03-15,,○\r\n#ehr,I-2,2024-03-15,○,△\r\n", o.fp);
	return output_commit(&o);
}

int write_templates(const char *dir, int force)
{
	const char *names[LEDGER_NAMES_MAX];
	struct folder_output set;
	int rc = folder_output_begin(&set, dir, ledger_names(names), force);
	for (const struct csv_file *f = csv_files; rc == 0 && f->file; f++)
		rc = write_template(&set, f);
	if (rc == 0)
		rc = write_matrix_template(&set);
	if (rc == 0)
		return folder_output_commit(&set);
	folder_output_abort(&set);
	return rc;
}
