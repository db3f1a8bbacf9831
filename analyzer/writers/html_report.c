/*
** The HTML report: one self-contained file for an auditor — summary,
** coverage, findings (filterable with a few lines of JavaScript, complete
** without it), the 責任分界表 and the diagram as inline SVG. Nothing is
** fetched: no external script, style, font or image. Every user string goes
** through html_text(). The page is also well-formed XML, which the tests check.
*/
#include <stdlib.h>
#include <string.h>

#include "analyzer/writers/html.h"
#include "analyzer/writers/paths.h"
#include "analyzer/writers/plan_out.h"
#include "analyzer/writers/report.h"
#include "html_report.h"
#include "model/util/i18n.h"
#include "model/util/strbuf.h"
#include "model/util/xalloc.h"

/* Beyond these, a group of findings starts closed and shows its first rows
   only (the JSON and CSV reports list every finding). */
enum { HTML_OPEN_FINDINGS_MAX = 500, HTML_CAUSE_ROWS_MAX = 200 };
/* A browser lays out a 28,000-row matrix in tens of seconds: the report
   shows the first tables, `bunkai matrix` has them all. */
enum { HTML_MATRIX_TABLES_MAX = 30 };

static const char style[] =
	"body{font-family:\"Noto Sans CJK JP\",\"Hiragino Sans\",\"Yu Gothic\",\"Meiryo\",sans-serif;"
	"margin:1.5em;color:#222;line-height:1.45}\n"
	"h1{font-size:1.5em;margin-bottom:.2em}h2{border-bottom:2px solid #1f4e79;margin-top:1.6em}\n"
	"table{border-collapse:collapse;margin:.5em 0 1.2em}th,td{border:1px solid #aaa;padding:.2em .5em;"
	"vertical-align:top}th{background:#eef2f7}\n"
	"td.num{text-align:right}td.cell{text-align:center}code{font-size:.9em}\n"
	".meta td{border:none;padding:.05em .6em .05em 0}\n"
	"td.sev{white-space:nowrap}tr.error td.sev{background:#c00000;color:#fff}tr.warning td.sev{background:#f0b000}"
	"tr.info td.sev{background:#dde6f0}\n"
	"tr.unowned{background:#fde9e7}tr.conflicting{background:#fff3cd}\n"
	".controls{display:none;margin:.5em 0;padding:.4em;background:#f4f6f9}.js .controls{display:block}\n"
	".controls label{margin-right:1em}\n"
	"#diagram svg{max-width:100%;height:auto;border:1px solid #ccc}\n"
	"details.cause{margin:.6em 0}details.cause>summary{font-weight:bold;cursor:pointer}\n"
	"ol.plan li{margin:.2em 0}.resolves{color:#555}\n"
	"dl.recommendations dt{font-weight:bold;margin-top:.6em}dl.recommendations dd{margin-left:1.5em}\n"
	/* Printed (SPEC 9.4): A4 landscape, no row split across pages, the
	   diagram scaled to one page. */
	"@page{size:A4 landscape;margin:12mm}\n"
	"@media print{.controls{display:none !important}body{margin:0;font-size:10pt}"
	"tr{page-break-inside:avoid;break-inside:avoid}h2{page-break-after:avoid;break-after:avoid}"
	"#diagram{page-break-before:always;break-before:page}"
	"#diagram svg{width:100%;height:auto;max-height:180mm;border:none}}\n";

/* Filters rows by data-* attributes; reads initial values from the URL hash
   (#severity=error&system=ehr) so a filtered view can be linked. */
static const char script[] =
	"//<![CDATA[\n"
	"(function () {\n"
	"  document.documentElement.className += ' js';\n"
	"  var form = document.getElementById('filters');\n"
	"  var rows = document.querySelectorAll('table.findings tbody tr');\n"
	"  function apply() {\n"
	"    var sev = form.severity.value, sys = form.system.value, ven = form.vendor.value, shown = 0;\n"
	"    for (var i = 0; i < rows.length; i++) {\n"
	"      var r = rows[i];\n"
	"      var ok = (!sev || r.getAttribute('data-severity') === sev)\n"
	"        && (!sys || r.getAttribute('data-system') === sys)\n"
	"        && (!ven || (' ' + r.getAttribute('data-parties') + ' ').indexOf(' ' + ven + ' ') >= 0);\n"
	"      r.hidden = !ok;\n"
	"      if (ok) shown++;\n"
	"    }\n"
	"    document.getElementById('shown').textContent = shown + ' / ' + rows.length;\n"
	"  }\n"
	"  location.hash.replace(/^#/, '').split('&').forEach(function (kv) {\n"
	"    var p = kv.split('=');\n"
	"    if (form[p[0]]) form[p[0]].value = decodeURIComponent(p[1] || '');\n"
	"  });\n"
	"  form.addEventListener('change', apply);\n"
	"  apply();\n"
	"})();\n"
	"//]]>\n";

static void meta_row(FILE *fp, const char *key, const char *value)
{
	fprintf(fp, "<tr><td>%s</td><td>", _(key));
	html_text(fp, value);
	fputs("</td></tr>\n", fp);
}

static void summary(FILE *fp, const struct analysis *a)
{
	fprintf(fp, "<h2 id=\"summary\">%s</h2>\n<table>\n", _("Summary"));
	fprintf(fp, "<tr><th>%s</th><td class=\"num\">%ld</td></tr>\n<tr><th>%s</th><td class=\"num\">%ld</td></tr>\n"
		    "<tr><th>%s</th><td class=\"num\">%ld</td></tr>\n<tr><th>%s</th><td class=\"num\">%ld</td></tr>\n"
		    "<tr><th>%s</th><td class=\"num\">%ld / %ld / %ld</td></tr>\n"
		    "<tr><th>%s</th><td class=\"num\">%ld</td></tr>\n</table>\n",
		_("Applicable items (項目×システム)"), a->summary.applicable, _("Led by exactly one party"), a->summary.led,
		_("Unowned (未割当)"), a->summary.unowned, _("Conflicting (重複)"), a->summary.conflicts,
		_("Errors / warnings / infos"), a->summary.errors, a->summary.warnings, a->summary.infos,
		_("Accepted (リスク受容)"), a->summary.accepted);
	if (!a->summary.applicable)
		fprintf(fp, "<p>%s</p>\n", no_findings_line(a));
	if (!a->n_systems)
		return;
	fprintf(fp, "<h3>%s</h3>\n<table>\n<thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
		    "<th>%s</th><th>%s</th></tr></thead>\n<tbody>\n",
		_("Coverage per system"), _("Name"), _("System"), _("Items"), _("Led"), _("Unowned"), _("Conflicting"),
		_("Findings"));
	for (size_t i = 0; i < a->n_systems; i++) {
		const struct coverage *c = &a->systems[i];
		fputs("<tr><td>", fp);
		html_text(fp, c->name);
		fputs("</td><td><code>", fp);
		html_text(fp, c->system);
		fputs("</code>", fp);
		if (c->in_scope)
			fprintf(fp, "</td><td class=\"num\">%ld</td><td class=\"num\">%ld</td><td class=\"num\">%ld</td>"
				    "<td class=\"num\">%ld</td>",
				c->applicable, c->led, c->unowned, c->conflicts);
		else
			fprintf(fp, " %s</td><td>-</td><td>-</td><td>-</td><td>-</td>", _("(no medical information)"));
		fprintf(fp, "<td class=\"num\">%ld</td></tr>\n", c->findings);
	}
	fputs("</tbody>\n</table>\n", fp);
}

/* A filter: values[i] is what the rows carry, labels[i] what people read. */
static void options(FILE *fp, const char *name, const char *label, const char *const *values,
		    const char *const *labels, size_t n)
{
	fprintf(fp, "<label>%s <select name=\"%s\"><option value=\"\">%s</option>", label, name, _("all"));
	for (size_t i = 0; i < n; i++) {
		fputs("<option value=\"", fp);
		html_text(fp, values[i]);
		fputs("\">", fp);
		html_text(fp, labels[i]);
		fputs("</option>", fp);
	}
	fputs("</select></label>\n", fp);
}

/* The rows of one group's findings table; accepted findings show their
   acceptance where the others say what to do. */
static void finding_rows(FILE *fp, const struct analysis *a, const size_t *idx, size_t n, int accepted)
{
	fprintf(fp, "<table class=\"findings\">\n<thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
		    "<th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead>\n<tbody>\n",
		_("Severity"), _("Code"), _("System"), _("Item"), _("Parties"), _("Message"),
		accepted ? _("Accepted (リスク受容)") : _("What to do"), _("Id / ref"));
	for (size_t i = 0; i < n; i++) {
		const struct finding *f = &a->findings[idx[i]];
		struct strbuf parties = STRBUF_INIT, names = STRBUF_INIT;
		for (size_t p = 0; p < f->n_parties; p++) {
			strbuf_addf(&parties, "%s%s", p ? " " : "", f->parties[p]);
			strbuf_addf(&names, "%s%s", p ? list_sep() : "", party_label(a, f->parties[p]));
		}
		fprintf(fp, "<tr class=\"%s\" data-severity=\"%s\" data-system=\"", f->severity, f->severity);
		html_text(fp, f->system ? f->system : "");
		fputs("\" data-parties=\"", fp);
		html_text(fp, parties.buf);
		fprintf(fp, "\"><td class=\"sev\">%s</td><td><code>%s</code></td><td>", severity_label(f->severity),
			f->code);
		html_text(fp, f->system_label);
		fputs("</td><td>", fp);
		if (f->item) {
			html_text(fp, f->item);
			fputs(" ", fp);
			html_text(fp, f->item_title);
		}
		fputs("</td><td>", fp);
		html_text(fp, names.buf);
		fputs("</td><td>", fp);
		html_text(fp, f->message);
		fputs("</td><td>", fp);
		if (f->accepted) {
			char *line = acceptance_line(f->accepted);
			html_text(fp, line);
			free(line);
		} else {
			html_text(fp, f->fix);
		}
		fputs("</td><td><code>", fp);
		html_text(fp, f->id);
		fputs("</code><br/>", fp);
		char *ref = f->ref ? ref_display(f->ref) : NULL;
		html_text(fp, ref);
		free(ref);
		fputs("</td></tr>\n", fp);
		strbuf_release(&parties);
		strbuf_release(&names);
	}
	fputs("</tbody>\n</table>\n", fp);
}

/* The filters the script applies to every findings table. */
static void filters(FILE *fp, const struct analysis *a, const struct matrix *m)
{
	static const char *const sevs[] = { "error", "warning", "info" };
	const char *sev_labels[] = { severity_label("error"), severity_label("warning"), severity_label("info") };
	fputs("<form id=\"filters\" class=\"controls\">\n", fp);
	options(fp, "severity", _("Severity"), sevs, sev_labels, 3);
	size_t n = a->n_systems > m->n_parties ? a->n_systems : m->n_parties, k = 0;
	const char **ids = xcalloc(n + 1, sizeof(*ids)), **labels = xcalloc(n + 1, sizeof(*labels));
	for (size_t i = 0; i < a->n_systems; i++, k++) {
		ids[k] = a->systems[i].system;
		labels[k] = a->systems[i].name;
	}
	options(fp, "system", _("System"), ids, labels, k);
	k = 0;
	for (size_t i = 0; i < m->n_parties; i++)
		if (!m->parties[i].is_org) {
			ids[k] = m->parties[i].id;
			labels[k++] = party_label(a, m->parties[i].id);
		}
	options(fp, "vendor", _("Vendor"), ids, labels, k);
	free(ids);
	free(labels);
	fprintf(fp, "<span>%s <output id=\"shown\"></output></span>\n</form>\n", _("shown:"));
}

static void findings(FILE *fp, const struct analysis *a, const struct matrix *m)
{
	fprintf(fp, "<h2 id=\"findings-title\">%s (%zu)</h2>\n",
		a->plan ? _("Findings under the action that resolves them") : _("Findings"), a->n_findings);
	filters(fp, a, m);
	if (!a->n_findings) {
		fprintf(fp, "<p>%s</p>\n", no_findings_line(a));
		return;
	}
	struct cause_group *g;
	size_t n = cause_groups(a, &g);
	/* Groups start open unless the report is large: a browser must open a
	   100k-device report in seconds. */
	int open = a->n_findings <= HTML_OPEN_FINDINGS_MAX;
	for (size_t k = 0; k < n; k++) {
		char counts[96];
		const struct action *act = g[k].step >= 0 ? &a->plan->offered.v[a->plan->steps[g[k].step]] : NULL;
		fputs("<details class=\"cause\" id=\"cause-", fp);
		html_text(fp, act ? act->id : "none");
		fprintf(fp, "\"%s><summary>", open ? " open=\"open\"" : "");
		if (act) {
			fprintf(fp, "%ld. ", g[k].step + 1);
			html_text(fp, act->title);
			fputs(_(" — resolves "), fp);
			html_text(fp, plan_step_summary(a->plan, (size_t)g[k].step, counts, sizeof(counts)));
			fputs(" <code>", fp);
			html_text(fp, act->id);
			fputs("</code>", fp);
		} else {
			if (a->plan)
				fprintf(fp, _("No offered action resolves these (%zu)"), g[k].n);
			else
				fprintf(fp, _("All findings (%zu)"), g[k].n);
		}
		fputs("</summary>\n", fp);
		finding_rows(fp, a, g[k].findings, g[k].n < HTML_CAUSE_ROWS_MAX ? g[k].n : HTML_CAUSE_ROWS_MAX, 0);
		if (g[k].n > HTML_CAUSE_ROWS_MAX)
			fprintf(fp, _("<p>… and %zu more findings of this group: <code>bunkai analyze -f json</code> or "
				      "<code>-f csv</code> lists every one.</p>\n"),
				g[k].n - HTML_CAUSE_ROWS_MAX);
		fputs("</details>\n", fp);
	}
	cause_groups_release(g, n);
	size_t n_accepted = accepted_count(a);
	if (n_accepted) {
		size_t *idx = xmalloc(n_accepted * sizeof(*idx));
		for (size_t i = 0; i < n_accepted; i++)
			idx[i] = a->n_findings - n_accepted + i;
		fprintf(fp, "<details class=\"cause\" id=\"accepted\"%s><summary>", open ? " open=\"open\"" : "");
		fprintf(fp, _("Accepted (リスク受容) (%zu): not counted toward --fail-on"), n_accepted);
		fputs("</summary>\n", fp);
		finding_rows(fp, a, idx, n_accepted, 1);
		fputs("</details>\n", fp);
		free(idx);
	}
}

static void recommended_item(void *ctx, const struct finding *f)
{
	FILE *fp = ctx;
	fputs("<dt>", fp);
	html_text(fp, f->item);
	fputc(' ', fp);
	html_text(fp, f->item_title);
	fputs("</dt><dd>", fp);
	html_text(fp, f->item_recommendation);
	fputs("</dd>\n", fp);
}

/* The whole 推奨される対応例 of each item the findings name (SPEC 9.4). */
static void recommendations(FILE *fp, const struct analysis *a)
{
	if (!has_recommended_item(a))
		return;
	fprintf(fp, "<h2 id=\"recommendations\">%s</h2>\n<dl class=\"recommendations\">\n",
		_("推奨される対応例 of the items above"));
	each_recommended_item(a, recommended_item, fp);
	fputs("</dl>\n", fp);
}

void report_html(FILE *fp, const struct analysis *a, const struct matrix *m, const char *svg,
		 const char *sha256, const char *version)
{
	fprintf(fp, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\"/>\n"
		    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>%s",
		i18n_lang(), _("bunkai 責任分界 report — "));
	html_text(fp, a->org_name);
	fprintf(fp, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>%s", style, _("責任分界 gap report: "));
	html_text(fp, a->org_name);
	fputs("</h1>\n<table class=\"meta\">\n", fp);
	meta_row(fp, N_("Organization id"), a->org_id);
	meta_row(fp, N_("As of"), a->as_of);
	char *what_if = what_if_line(a);
	if (what_if)
		meta_row(fp, N_("What-if"), what_if);
	free(what_if);
	meta_row(fp, N_("Inventory SHA-256"), sha256);
	meta_row(fp, N_("Generated by"), version);
	fputs("</table>\n", fp);
	if (a->plan)
		plan_html(fp, a->plan, PLAN_TOP);
	paths_html(fp, a->paths, a->n_paths); /* before the findings (SPEC 9.1) */
	summary(fp, a);
	findings(fp, a, m);
	recommendations(fp, a);
	fprintf(fp, "<h2 id=\"matrix\">%s</h2>\n<p>%s</p>\n", _("責任分界表 / responsibility matrix"),
		_("○ lead (主担当), △ support (協力); only claims that count on the as-of date."));
	size_t left = matrix_html_tables(fp, m, HTML_MATRIX_TABLES_MAX);
	if (left)
		fprintf(fp, _("<p>… and %zu more systems: <code>bunkai matrix -f html</code> or <code>-f csv</code> "
			      "has the whole 責任分界表.</p>\n"),
			left);
	fprintf(fp, "<h2>%s</h2>\n<div id=\"diagram\">\n", _("責任分界図 / boundary diagram"));
	if (svg)
		fputs(svg, fp);
	else
		fprintf(fp, "<p>%s</p>\n", _("(the diagram could not be drawn)"));
	fprintf(fp, "</div>\n<script>\n%s</script>\n</body>\n</html>\n", script);
}
