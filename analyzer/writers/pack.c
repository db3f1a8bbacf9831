/*
** A pack per party for the vendors' meeting (SPEC 9.4, docs/pack.md): for
** each vendor that works on a system or comes in by a path, and for the
** organization, one printable HTML page (A4 landscape) and one workbook
** holding what concerns that party — its systems and devices, its paths
** into the hospital, the items it leads (○) or supports (△) with their
** whole 推奨される対応例 and empty 初回確認 / 完了日 columns to fill in
** together, and the findings that name it.
**
** Each party is the analysis seen through --vendor (the organization: the
** whole inventory), so a pack says what `bunkai report --vendor` says.
*/
#include "analyzer/writers/pack.h"

#include <stdlib.h>
#include <string.h>

#include "analyzer/writers/html.h"
#include "analyzer/writers/matrix.h"
#include "analyzer/writers/paths.h"
#include "analyzer/writers/report.h"
#include "analyzer/writers/xlsx.h"
#include "model/db/db.h"
#include "model/util/exit_codes.h"
#include "model/util/folder_output.h"
#include "model/util/i18n.h"
#include "model/util/strbuf.h"
#include "model/util/xalloc.h"

/* What one party's pack holds, read through its view. */
struct pack {
	const char *id;
	int is_org;
	struct analysis a;
	struct matrix m;
	long party;                  /* its column in the matrix, or -1 */
	size_t *items, n_items;      /* matrix rows it leads or supports */
	size_t *findings, n_findings; /* findings that name it */
	struct remote_path *paths;   /* its paths (shallow copies of a.paths) */
	size_t n_paths;
	struct pack_device { char *id, *name, *type, *system; } *devices;
	size_t n_devices;
};

/* The catalog item a row names, or NULL when the catalog does not have it. */
static const struct catalog_item *item_of(const struct catalog *cat, const char *id)
{
	int i = catalog_index(cat, id);
	return i < 0 ? NULL : &cat->items[i];
}

static int names_party(const struct finding *f, const char *id)
{
	for (size_t i = 0; i < f->n_parties; i++)
		if (!strcmp(f->parties[i], id))
			return 1;
	return 0;
}

static int pack_read(struct pack *k, sqlite3 *db, const char *id, int is_org)
{
	memset(k, 0, sizeof(*k));
	k->id = id;
	k->is_org = is_org;
	struct view v = { NULL, 0, is_org ? NULL : id };
	view_reset(db);
	if (view_apply(db, &v) != EXIT_OK || analysis_read(db, &v, &k->a) < 0 || matrix_read(db, &k->m, 1) < 0)
		return -1;
	k->party = -1;
	for (size_t p = 0; p < k->m.n_parties; p++)
		if (!strcmp(k->m.parties[p].id, id))
			k->party = (long)p;
	k->items = xmalloc((k->m.n_rows ? k->m.n_rows : 1) * sizeof(*k->items));
	for (size_t r = 0; k->party >= 0 && r < k->m.n_rows; r++)
		if (k->m.rows[r].cells[k->party] != ' ')
			k->items[k->n_items++] = r;
	k->findings = xmalloc((k->a.n_findings ? k->a.n_findings : 1) * sizeof(*k->findings));
	for (size_t i = 0; i < k->a.n_findings; i++)
		if (names_party(&k->a.findings[i], id))
			k->findings[k->n_findings++] = i;
	k->paths = xmalloc((k->a.n_paths ? k->a.n_paths : 1) * sizeof(*k->paths));
	for (size_t i = 0; i < k->a.n_paths; i++)
		if (is_org || !strcmp(k->a.paths[i].vendor, id))
			k->paths[k->n_paths++] = k->a.paths[i];
	sqlite3_stmt *st = db_prepare(db,
				      "SELECT d.id, d.name, d.type, d.system FROM devices d JOIN systems s ON s.id = d.system"
				      " WHERE d.system IN (SELECT id FROM view_systems) ORDER BY s.seq, d.seq",
				      "pack");
	size_t cap = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		k->devices = xgrow(k->devices, &cap, k->n_devices + 1, sizeof(*k->devices));
		struct pack_device *d = &k->devices[k->n_devices++];
		d->id = db_column_dup(st, 0);
		d->name = db_column_dup(st, 1);
		d->type = db_column_dup(st, 2);
		d->system = db_column_dup(st, 3);
	}
	sqlite3_finalize(st);
	return 0;
}

static void pack_release(struct pack *k)
{
	for (size_t i = 0; i < k->n_devices; i++) {
		free(k->devices[i].id);
		free(k->devices[i].name);
		free(k->devices[i].type);
		free(k->devices[i].system);
	}
	free(k->devices);
	free(k->paths);
	free(k->findings);
	free(k->items);
	matrix_release(&k->m);
	analysis_release(&k->a);
}

static const char *role_of(char cell)
{
	return cell == 'L' ? _("○ lead (主担当)") : _("△ support (協力)");
}

/* ---- the printable page ---- */

static const char page_style[] =
	"@page{size:A4 landscape;margin:12mm}\n"
	"body{font-family:\"Noto Sans CJK JP\",\"Hiragino Sans\",\"Yu Gothic\",\"Meiryo\",sans-serif;font-size:10pt;"
	"color:#222;margin:0}\n"
	"h1{font-size:15pt;margin:0 0 .2em}h2{font-size:12pt;border-bottom:2px solid #1f4e79;margin:1.2em 0 .4em;"
	"break-after:avoid;page-break-after:avoid}\n"
	"table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.15em .35em;vertical-align:top}"
	"th{background:#eef2f7}\n"
	"tr{break-inside:avoid;page-break-inside:avoid}thead{display:table-header-group}\n"
	"td.blank{min-width:5em}td.rec{font-size:9pt}td.nowrap{white-space:nowrap}\n"
	"tr.error td.sev{background:#c00000;color:#fff}tr.warning td.sev{background:#f0b000}\n";

static void th_row(FILE *fp, const char *const *cols, size_t n)
{
	fputs("<thead><tr>", fp);
	for (size_t i = 0; i < n; i++) {
		fputs("<th>", fp);
		html_text(fp, cols[i]);
		fputs("</th>", fp);
	}
	fputs("</tr></thead>\n", fp);
}

static void td(FILE *fp, const char *cls, const char *text)
{
	fprintf(fp, cls ? "<td class=\"%s\">" : "<td>", cls);
	html_text(fp, text ? text : "");
	fputs("</td>", fp);
}

static void pack_html(FILE *fp, const struct pack *k, const struct catalog *cat)
{
	const char *who = party_label(&k->a, k->id);
	fputs("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>", fp);
	html_text(fp, who);
	fprintf(fp, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>", page_style);
	fprintf(fp, "%s: ", _("責任分界 pack"));
	html_text(fp, who);
	fputs("</h1>\n<p>", fp);
	html_text(fp, k->a.org_name);
	fprintf(fp, " — %s %s</p>\n", _("as of"), k->a.as_of);

	fprintf(fp, "<h2>%s</h2>\n<table>\n", _("Systems and devices"));
	const char *dcols[] = { _("system"), _("device"), _("type") };
	th_row(fp, dcols, 3);
	fputs("<tbody>\n", fp);
	for (size_t i = 0; i < k->n_devices; i++) {
		const struct pack_device *d = &k->devices[i];
		fputs("<tr>", fp);
		char *dev = xasprintf("%s (%s)", d->name, d->id);
		td(fp, NULL, d->system);
		td(fp, NULL, dev);
		td(fp, NULL, d->type);
		free(dev);
		fputs("</tr>\n", fp);
	}
	fputs("</tbody>\n</table>\n", fp);

	paths_html(fp, k->paths, k->n_paths);

	fprintf(fp, "<h2>%s</h2>\n<table>\n", _("Items it leads or supports"));
	const char *icols[] = { _("system"), "項番", "項目", _("role"), "推奨される対応例", "初回確認", "初回確認日", "完了日" };
	th_row(fp, icols, 8);
	fputs("<tbody>\n", fp);
	for (size_t i = 0; i < k->n_items; i++) {
		const struct matrix_row *r = &k->m.rows[k->items[i]];
		const struct catalog_item *it = item_of(cat, r->item);
		fputs("<tr>", fp);
		td(fp, "nowrap", r->system ? r->system_name : _("organization (組織全体)"));
		td(fp, "nowrap", r->item);
		td(fp, NULL, r->title);
		td(fp, "nowrap", role_of(r->cells[k->party]));
		td(fp, "rec", it ? it->recommendation : NULL);
		fputs("<td class=\"blank\">はい・いいえ</td><td class=\"blank\"></td><td class=\"blank\"></td></tr>\n", fp);
	}
	if (!k->n_items)
		fprintf(fp, "<tr><td colspan=\"8\">%s</td></tr>\n", _("none in this view"));
	fputs("</tbody>\n</table>\n", fp);

	fprintf(fp, "<h2>%s</h2>\n<table>\n", _("Findings that concern it"));
	const char *fcols[] = { _("severity"), _("code"), _("message"), _("what to do") };
	th_row(fp, fcols, 4);
	fputs("<tbody>\n", fp);
	for (size_t i = 0; i < k->n_findings; i++) {
		const struct finding *f = &k->a.findings[k->findings[i]];
		fprintf(fp, "<tr class=\"%s\">", f->severity);
		td(fp, "sev", severity_label(f->severity));
		td(fp, "nowrap", f->code);
		td(fp, NULL, f->message);
		td(fp, NULL, f->fix);
		fputs("</tr>\n", fp);
	}
	if (!k->n_findings)
		fprintf(fp, "<tr><td colspan=\"4\">%s</td></tr>\n", _("none in this view"));
	fputs("</tbody>\n</table>\n</body>\n</html>\n", fp);
}

/* ---- the workbook ---- */

static int pack_xlsx(FILE *fp, const struct pack *k, const struct catalog *cat)
{
	struct xlsx x;
	const char *who = party_label(&k->a, k->id);
	char *title = xlsx_title(_("責任分界 pack"), who, k->a.as_of);
	if (xlsx_open(&x, title, k->a.as_of) != 0) {
		free(title);
		return -1;
	}
	const char *icols[] = { "システム", "項番", "項目", "役割", "推奨される対応例", "初回確認", "初回確認日", "完了日" };
	static const double iw[] = { 16, 7, 30, 10, 70, 9, 12, 12 };
	lxw_worksheet *ws = xlsx_sheet(&x, "担当項目", title);
	xlsx_header(&x, ws, icols, iw, 8);
	for (size_t i = 0; i < k->n_items; i++) {
		const struct matrix_row *r = &k->m.rows[k->items[i]];
		const struct catalog_item *it = item_of(cat, r->item);
		int row = (int)i + 1;
		xlsx_cell(&x, ws, row, 0, r->system ? r->system_name : "組織全体", XC_TEXT, XR_PLAIN);
		xlsx_cell(&x, ws, row, 1, r->item, XC_TEXT, XR_PLAIN);
		xlsx_cell(&x, ws, row, 2, r->title, XC_WRAP, XR_PLAIN);
		xlsx_cell(&x, ws, row, 3, matrix_mark(r->cells[k->party]), XC_MARK, XR_PLAIN);
		xlsx_cell(&x, ws, row, 4, it ? it->recommendation : NULL, XC_WRAP, XR_PLAIN);
		for (int c = 5; c < 8; c++)
			xlsx_cell(&x, ws, row, c, NULL, c == 5 ? XC_MARK : XC_DATE, XR_PLAIN);
		xlsx_end_row(&x, ws, row);
	}
	if (k->n_items) {
		xlsx_list(ws, 1, 5, (int)k->n_items, 5, xlsx_yes_no);
		xlsx_list(ws, 1, 3, (int)k->n_items, 3, xlsx_marks);
	}
	xlsx_finish(ws, (int)k->n_items, 8, 2);

	report_findings_sheet(&x, title, &k->a, k->findings, k->n_findings);

	paths_xlsx(&x, k->paths, k->n_paths, title);

	const char *dcols[] = { "システムID", "機器ID", "機器名", "機器種別" };
	static const double dw[] = { 14, 16, 30, 14 };
	ws = xlsx_sheet(&x, "機器", title);
	xlsx_header(&x, ws, dcols, dw, 4);
	for (size_t i = 0; i < k->n_devices; i++) {
		const struct pack_device *d = &k->devices[i];
		const char *row[] = { d->system, d->id, d->name, d->type };
		for (int c = 0; c < 4; c++)
			xlsx_cell(&x, ws, (int)i + 1, c, row[c], XC_TEXT, XR_PLAIN);
	}
	xlsx_finish(ws, (int)k->n_devices, 4, 1);
	free(title);
	return xlsx_close(&x, fp);
}

/* ---- the folder ---- */

int pack_write(sqlite3 *db, const struct catalog *cat, const char *dir, int force)
{
	/* The organization, then every vendor drawn in the diagram: bound to a
	   system or coming in by a path. */
	sqlite3_stmt *st = db_prepare(db,
				      "SELECT id, kind = 'organization' FROM parties p WHERE kind = 'organization'"
				      "    OR id IN (SELECT vendor FROM bound) OR id IN (SELECT vendor FROM remote_access)"
				      " ORDER BY kind <> 'organization', seq",
				      "pack");
	char **ids = NULL, **names = NULL;
	int *org = NULL;
	size_t n = 0, cap = 0, cap_names = 0, cap_org = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		ids = xgrow(ids, &cap, n + 1, sizeof(*ids));
		org = xgrow(org, &cap_org, n + 1, sizeof(*org));
		ids[n] = db_column_dup(st, 0);
		org[n] = sqlite3_column_int(st, 1);
		n++;
	}
	sqlite3_finalize(st);
	names = xgrow(names, &cap_names, 2 * n + 1, sizeof(*names));
	for (size_t i = 0; i < n; i++) {
		names[2 * i] = xasprintf("%s.html", ids[i]);
		names[2 * i + 1] = xasprintf("%s.xlsx", ids[i]);
	}
	names[2 * n] = NULL;

	struct folder_output set;
	int rc = folder_output_begin(&set, dir, (const char *const *)names, force);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		struct pack k;
		if (pack_read(&k, db, ids[i], org[i]) < 0) {
			rc = EXIT_FAILURE_IO;
		} else {
			struct output o;
			if ((rc = folder_output_file(&set, &o, names[2 * i])) == 0) {
				pack_html(o.fp, &k, cat);
				rc = output_commit(&o);
			}
			if (rc == 0 && (rc = folder_output_file(&set, &o, names[2 * i + 1])) == 0) {
				if (pack_xlsx(o.fp, &k, cat) != 0) {
					output_abort(&o);
					rc = EXIT_FAILURE_IO;
				} else {
					rc = output_commit(&o);
				}
			}
		}
		pack_release(&k);
	}
	if (rc == 0)
		rc = folder_output_commit(&set);
	else
		folder_output_abort(&set);
	for (size_t i = 0; i < n; i++) {
		free(ids[i]);
		free(names[2 * i]);
		free(names[2 * i + 1]);
	}
	free(ids);
	free(names);
	free(org);
	return rc;
}
