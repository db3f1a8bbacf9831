#include "export_csv.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../model/csv_layout.h"
#include "../model/strbuf.h"
#include "../model/xalloc.h"
#include "csvout.h"
#include "output.h"

static int make_dir(const char *dir)
{
	if (mkdir(dir, 0777) == 0 || errno == EEXIST)
		return 0;
	return error("%s: cannot create the folder: %s", dir, strerror(errno));
}

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

/* Write one file through a temporary name. */
static int write_file(const char *dir, const struct csv_file *f, const struct inventory *inv,
		      const struct catalog *cat)
{
	char *path = xasprintf("%s/%s", dir, f->file);
	struct output o;
	int rc = output_open(&o, path);
	free(path);
	if (rc < 0)
		return -1;
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

int export_csv(const struct inventory *inv, const struct catalog *cat, const char *dir)
{
	if (make_dir(dir) < 0)
		return -1;
	for (const struct csv_file *f = csv_files; f->file; f++)
		if (write_file(dir, f, inv, cat) < 0)
			return -1;
	return 0;
}

int write_templates(const char *dir, int force)
{
	if (make_dir(dir) < 0)
		return -1;
	for (const struct csv_file *f = csv_files; f->file; f++) {
		char *path = xasprintf("%s/%s", dir, f->file);
		if (!force && access(path, F_OK) == 0) {
			error("%s: exists; not overwritten (use --force)", path);
			free(path);
			return -2;
		}
		struct output o;
		int rc = output_open(&o, path);
		free(path);
		if (rc < 0)
			return -1;
		header(o.fp, f);
		/* The example row is a comment: the importer skips rows starting with #. */
		for (size_t i = 0; i < f->n_cols; i++) {
			char *cell = i == 0 ? xasprintf("#%s", f->cols[i].example) : xstrdup(f->cols[i].example);
			csv_field(o.fp, cell, i == 0);
			free(cell);
		}
		csv_end(o.fp);
		if (output_commit(&o) < 0)
			return -1;
	}
	/* The wide 責任分界表: a row per item and system, a column per party. */
	char *path = xasprintf("%s/%s", dir, CSV_MATRIX_FILE);
	if (!force && access(path, F_OK) == 0) {
		error("%s: exists; not overwritten (use --force)", path);
		free(path);
		return -2;
	}
	struct output o;
	int rc = output_open(&o, path);
	free(path);
	if (rc < 0)
		return -1;
	csv_bom(o.fp);
	fputs("システムID,項番,確認日,○○病院 (hosp),A社 (v-si)\r\n#ehr,I-6,2024-03-15,,○\r\n#ehr,I-2,2024-03-15,○,△\r\n", o.fp);
	return output_commit(&o);
}
