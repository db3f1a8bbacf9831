/*
** The empty ledgers as one Excel workbook (`bunkai template FILE.xlsx`,
** SPEC 9.4): a sheet per ledger with the Japanese headers of the CSV
** ledgers, an example row commented out with #, and what Excel can check as
** a person types — drop-down lists of the fixed values (機器種別, はい/いいえ,
** ○/△), of the ids on the other sheets (a device's システムID from the
** システム sheet), and date-formatted date columns. A filled workbook is read
** back as INVENTORY by every command (model/xlsx).
*/
#include <stdlib.h>
#include <string.h>

#include "analyzer/writers/template_xlsx.h"
#include "analyzer/writers/xlsx.h"
#include "model/catalog.h"
#include "model/csv/import_csv.h"
#include "model/entities.h"
#include "model/xlsx/read_xlsx.h"
#include "model/util/xalloc.h"

enum { ROWS = 2000 }; /* rows the lists and formats cover, below the example */

/* A ledger's sheet name, the one the importer looks for (医療機関（1行）→ 医療機関). */
static char *sheet_name(const struct entity *e)
{
	return xstrndup(e->title, sheet_name_len(e->title));
}

/* `'機器台帳'!$A$3:$A$2001`: the ids the ledger of `kind` holds. */
static char *ids_of(enum id_kind kind)
{
	for (const struct entity *e = entities; e->fields; e++) {
		if (e->kind != kind || !e->array)
			continue;
		for (size_t k = 0; k < e->n_fields; k++)
			if (e->fields[k].type == FT_ID) {
				char col[8], *name = sheet_name(e);
				xlsx_column_name((int)k, col);
				char *f = xasprintf("='%s'!$%s$3:$%s$%d", name, col, col, ROWS + 2);
				free(name);
				return f;
			}
	}
	return NULL;
}

/* What Excel checks in a column as it is filled. */
static void column_rules(lxw_worksheet *ws, int col, const struct field *f)
{
	const char *values[32];
	size_t n = 0;
	switch (f->type) {
	case FT_ENUM:
		for (size_t i = 0; f->names[i] && n + 1 < sizeof(values) / sizeof(*values); i++)
			values[n++] = field_ja_value(f, (int)i);
		values[n] = NULL;
		xlsx_list(ws, 2, col, ROWS + 1, col, values);
		break;
	case FT_BOOL:
	case FT_TRIBOOL:
		xlsx_list(ws, 2, col, ROWS + 1, col, xlsx_yes_no);
		break;
	case FT_REF: {
		char *ids = ids_of(f->refers);
		if (ids)
			xlsx_list_formula(ws, 2, col, ROWS + 1, col, ids);
		free(ids);
		break;
	}
	default:
		break;
	}
}

static void ledger_sheet(struct xlsx *x, const struct entity *e)
{
	char *name = sheet_name(e);
	lxw_worksheet *ws = xlsx_sheet(x, name, e->title);
	free(name);
	const char *titles[64];
	double widths[64];
	size_t n = e->n_fields < 64 ? e->n_fields : 64;
	for (size_t k = 0; k < n; k++) {
		titles[k] = e->fields[k].ja;
		widths[k] = e->fields[k].type == FT_NAME || e->fields[k].type == FT_TEXT ? 24 : 14;
	}
	xlsx_header(x, ws, titles, widths, (int)n);
	/* The example: a comment the importer skips (# in its first cell). */
	for (size_t k = 0; k < n; k++) {
		char *v = k == 0 ? xasprintf("#%s", e->fields[k].example) : xstrdup(e->fields[k].example);
		xlsx_cell(x, ws, 1, (int)k, v, XC_TEXT, XR_CONFLICTING);
		free(v);
		if (e->fields[k].type == FT_DATE)
			xlsx_date_column(x, ws, (int)k, widths[k]);
		column_rules(ws, (int)k, &e->fields[k]);
	}
	xlsx_finish(ws, 1, (int)n, 1);
}

/* The wide 責任分界表: a row per item and system, a column per party. */
static void matrix_sheet(struct xlsx *x)
{
	static const char *const titles[] = { "システムID", "項番", "初回確認", "初回確認日", "完了日", "○○病院 (hosp)",
					      "A社 (v-si)" };
	static const double widths[] = { 14, 8, 10, 12, 12, 16, 16 };
	static const char *const example[] = { "#ehr", "I-6", "はい", "2024-03-15", "", "", "○" };
	enum { N = sizeof(titles) / sizeof(*titles), PARTIES = 5, LAST = 40 };
	lxw_worksheet *ws = xlsx_sheet(x, XLSX_MATRIX_SHEET, XLSX_MATRIX_SHEET);
	xlsx_header(x, ws, titles, widths, N);
	for (int k = 0; k < N; k++)
		xlsx_cell(x, ws, 1, k, example[k], k == 3 ? XC_DATE : XC_TEXT, XR_CONFLICTING);
	char *systems = ids_of(ID_SYSTEM);
	xlsx_list_formula(ws, 2, 0, ROWS + 1, 0, systems);
	free(systems);
	struct catalog cat;
	catalog_load(&cat);
	const char *list[64];
	size_t n = 0;
	for (size_t i = 0; i < cat.n && n + 1 < sizeof(list) / sizeof(*list); i++)
		list[n++] = cat.items[i].id;
	list[n] = NULL;
	xlsx_list(ws, 2, 1, ROWS + 1, 1, list);
	xlsx_list(ws, 2, 2, ROWS + 1, 2, xlsx_yes_no);
	xlsx_date_column(x, ws, 3, widths[3]);
	xlsx_date_column(x, ws, 4, widths[4]);
	/* Parties: the example's two columns and room for more, ○/△ each. */
	xlsx_list(ws, 2, PARTIES, ROWS + 1, LAST, xlsx_marks);
	xlsx_finish(ws, 1, N, 2);
	catalog_release(&cat);
}

int template_xlsx(FILE *fp)
{
	struct xlsx x;
	if (xlsx_open(&x, "bunkai 台帳", NULL) != 0)
		return -1;
	for (const struct entity *e = entities; e->fields; e++)
		ledger_sheet(&x, e);
	matrix_sheet(&x);
	return xlsx_close(&x, fp);
}
