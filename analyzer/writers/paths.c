#include "paths.h"

#include <string.h>

#include "analyzer/writers/html.h"
#include "analyzer/writers/markdown.h"
#include "analyzer/writers/xlsx.h"
#include "model/csv/csv_write.h"
#include "model/util/i18n.h"
#include "model/util/strbuf.h"

/* How a path authenticates, as people read it. */
static const char *auth_label(const char *auth)
{
	static const char *const names[] = { N_("mfa"), N_("certificate"), N_("password"), N_("none") };
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(auth, names[i]))
			return _(names[i]);
	return auth;
}

static const char *yes_no_unknown(int v)
{
	return v < 0 ? _("unknown") : v ? _("yes") : _("no");
}

/* The cells of one path as people read them; index by enum column. */
enum column { C_PATH, C_VENDOR, C_TARGET, C_DOOR, C_REACH, C_CONDITIONS, C_CHECK, C_OPEN, C_COLUMNS };
static const char *const headers[C_COLUMNS] = { N_("Path"), N_("Vendor"), N_("Target"), N_("Door"), N_("Reaches"),
						N_("Conditions"), N_("Door patch check"), N_("Open") };

/* "yes"/"no" of a check as people read it. */
static const char *answer(const char *a)
{
	return !strcmp(a, "yes") ? _("yes") : !strcmp(a, "no") ? _("no") : a;
}

static void cells(const struct remote_path *p, struct strbuf out[C_COLUMNS])
{
	for (int c = 0; c < C_COLUMNS; c++)
		out[c] = (struct strbuf)STRBUF_INIT;
	strbuf_addstr(&out[C_PATH], p->id);
	strbuf_addf(&out[C_VENDOR], "%s (%s)", p->vendor_name, p->vendor);
	strbuf_addstr(&out[C_TARGET], p->target_label ? p->target_label : p->target);
	strbuf_addstr(&out[C_DOOR], p->door ? (p->door_label ? p->door_label : p->door) : "-");
	strbuf_addf(&out[C_REACH], ngettext("%ld device", "%ld devices", (unsigned long)p->reached), p->reached);
	if (p->reached_labels)
		strbuf_addf(&out[C_REACH], " (%s)", p->reached_labels);
	if (p->approved)
		strbuf_addf(&out[C_CONDITIONS], _("approved %s"), p->approved);
	else
		strbuf_addstr(&out[C_CONDITIONS], _("never approved"));
	strbuf_addf(&out[C_CONDITIONS], _(", auth %s, source restricted: %s, on demand: %s"),
		    p->auth ? auth_label(p->auth) : _("unknown"), yes_no_unknown(p->source_restricted),
		    yes_no_unknown(p->on_demand));
	if (!p->door)
		strbuf_addstr(&out[C_CHECK], _("no door named"));
	else if (p->check_date)
		strbuf_addf(&out[C_CHECK], _("%s on %s by %s"), answer(p->check_answer), p->check_date,
			    p->check_by_label ? p->check_by_label : p->check_by);
	else
		strbuf_addstr(&out[C_CHECK], _("none"));
	strbuf_addstr(&out[C_OPEN], p->open ? p->open : "-");
}

static void release(struct strbuf c[C_COLUMNS])
{
	for (int i = 0; i < C_COLUMNS; i++)
		strbuf_release(&c[i]);
}

void paths_text(FILE *fp, const struct remote_path *v, size_t n)
{
	if (!n)
		return;
	fprintf(fp, _("\nPaths into the hospital (%zu)\n"), n);
	for (size_t i = 0; i < n; i++) {
		struct strbuf c[C_COLUMNS];
		cells(&v[i], c);
		fprintf(fp, "  %s: %s -> %s", c[C_PATH].buf, c[C_VENDOR].buf, c[C_TARGET].buf);
		if (v[i].door)
			fprintf(fp, _(" through %s"), c[C_DOOR].buf);
		fprintf(fp, _("\n    reaches %s\n    %s\n    door patch check: %s\n    open: %s\n"), c[C_REACH].buf,
			c[C_CONDITIONS].buf, c[C_CHECK].buf, c[C_OPEN].buf);
		release(c);
	}
}

void paths_md(FILE *fp, const struct remote_path *v, size_t n)
{
	if (!n)
		return;
	fprintf(fp, "\n## %s\n\n|", _("Paths into the hospital"));
	for (int c = 0; c < C_COLUMNS; c++)
		fprintf(fp, " %s |", _(headers[c]));
	fputs("\n|", fp);
	for (int c = 0; c < C_COLUMNS; c++)
		fputs(" --- |", fp);
	fputc('\n', fp);
	for (size_t i = 0; i < n; i++) {
		struct strbuf c[C_COLUMNS];
		cells(&v[i], c);
		for (int k = 0; k < C_COLUMNS; k++) {
			fputs("| ", fp);
			md_text(fp, c[k].buf);
			fputc(' ', fp);
		}
		fputs("|\n", fp);
		release(c);
	}
}

void paths_html(FILE *fp, const struct remote_path *v, size_t n)
{
	if (!n)
		return;
	fprintf(fp, "<h2 id=\"paths\">%s</h2>\n<table>\n<thead><tr>", _("Paths into the hospital"));
	for (int c = 0; c < C_COLUMNS; c++)
		fprintf(fp, "<th>%s</th>", _(headers[c]));
	fputs("</tr></thead>\n<tbody>\n", fp);
	for (size_t i = 0; i < n; i++) {
		struct strbuf c[C_COLUMNS];
		cells(&v[i], c);
		fputs("<tr>", fp);
		for (int k = 0; k < C_COLUMNS; k++) {
			fputs("<td>", fp);
			html_text(fp, c[k].buf);
			fputs("</td>", fp);
		}
		fputs("</tr>\n", fp);
		release(c);
	}
	fputs("</tbody>\n</table>\n", fp);
}

const char *const paths_head[PATHS_COLS] = { "経路ID", "事業者ID", "事業者", "接続先ID", "入口機器", "到達機器数",
					     "到達システム", "許可日", "認証方式", "接続元制限", "都度接続",
					     "パッチ確認日", "回答", "確認者ID", "未解決の指摘" };

static const char *yes_no(int v)
{
	return v < 0 ? NULL : v ? "はい" : "いいえ";
}

void paths_row(const struct remote_path *p, const char *out[PATHS_COLS], char reached[24])
{
	snprintf(reached, 24, "%ld", p->reached);
	const char *row[PATHS_COLS] = { p->id, p->vendor, p->vendor_name, p->target, p->door, reached, p->reached_systems,
					p->approved, p->auth, yes_no(p->source_restricted), yes_no(p->on_demand),
					p->check_date, p->check_answer ? yes_no(p->check_answer[0] == 'y') : NULL,
					p->check_by, p->open };
	memcpy(out, row, sizeof(row));
}

void paths_csv(FILE *fp, const struct remote_path *v, size_t n)
{
	csv_bom(fp);
	for (size_t i = 0; i < PATHS_COLS; i++)
		csv_field(fp, paths_head[i], i == 0);
	csv_end(fp);
	for (size_t i = 0; i < n; i++) {
		const char *row[PATHS_COLS];
		char reached[24];
		paths_row(&v[i], row, reached);
		for (size_t k = 0; k < PATHS_COLS; k++)
			csv_field(fp, row[k], k == 0);
		csv_end(fp);
	}
}

/* The same table as a workbook's sheet, リモート経路 (SPEC 9.4): the
   columns of paths_csv, dates as date cells, はい/いいえ as drop-down lists,
   a path with open findings coloured. */
void paths_xlsx(struct xlsx *x, const struct remote_path *v, size_t n, const char *title)
{
	static const double widths[PATHS_COLS] = { 10, 10, 18, 12, 12, 8, 16, 11, 10, 8, 8, 11, 6, 10, 30 };
	/* Which columns hold dates, numbers and はい/いいえ (paths_head's order). */
	enum { REACHED = 5, APPROVED = 7, RESTRICTED = 9, ON_DEMAND = 10, CHECKED = 11, ANSWER = 12, OPEN = 14 };
	lxw_worksheet *ws = xlsx_sheet(x, "リモート経路", title);
	xlsx_header(x, ws, paths_head, widths, PATHS_COLS);
	for (size_t i = 0; i < n; i++) {
		const char *row[PATHS_COLS];
		char reached[24];
		paths_row(&v[i], row, reached);
		enum xlsx_row rk = v[i].open ? XR_UNOWNED : XR_PLAIN;
		for (int k = 0; k < PATHS_COLS; k++)
			xlsx_cell(x, ws, (int)i + 1, k, row[k],
				  k == APPROVED || k == CHECKED		     ? XC_DATE
				  : k == RESTRICTED || k == ON_DEMAND || k == ANSWER ? XC_MARK
				  : k == OPEN					     ? XC_WRAP
				  : k == REACHED				     ? XC_NUMBER
										     : XC_TEXT,
				  rk);
		xlsx_end_row(x, ws, (int)i + 1);
	}
	if (n) {
		xlsx_list(ws, 1, RESTRICTED, (int)n, ON_DEMAND, xlsx_yes_no);
		xlsx_list(ws, 1, ANSWER, (int)n, ANSWER, xlsx_yes_no);
	}
	xlsx_finish(ws, (int)n, PATHS_COLS, 1);
}
