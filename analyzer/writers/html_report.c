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
	"tr.error td.sev{background:#c00000;color:#fff}tr.warning td.sev{background:#f0b000}"
	"tr.info td.sev{background:#dde6f0}\n"
	"tr.unowned{background:#fde9e7}tr.conflicting{background:#fff3cd}\n"
	".controls{display:none;margin:.5em 0;padding:.4em;background:#f4f6f9}.js .controls{display:block}\n"
	".controls label{margin-right:1em}\n"
	"#diagram svg{max-width:100%;height:auto;border:1px solid #ccc}\n"
	"details.cause{margin:.6em 0}details.cause>summary{font-weight:bold;cursor:pointer}\n"
	"ol.plan li{margin:.2em 0}.resolves{color:#555}\n"
	"@media print{.controls{display:none !important}body{margin:0;font-size:10pt}"
	"tr{page-break-inside:avoid}h2{page-break-after:avoid}#diagram{page-break-before:always}}\n";

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
	fprintf(fp, "<tr><td>%s</td><td>", key);
	html_text(fp, value);
	fputs("</td></tr>\n", fp);
}

static void summary(FILE *fp, const struct analysis *a)
{
	fputs("<h2 id=\"summary\">Summary / 概要</h2>\n<table>\n", fp);
	fprintf(fp, "<tr><th>Applicable items (項目×システム)</th><td class=\"num\">%ld</td></tr>\n"
		    "<tr><th>Led by exactly one party</th><td class=\"num\">%ld</td></tr>\n"
		    "<tr><th>Unowned (未割当)</th><td class=\"num\">%ld</td></tr>\n"
		    "<tr><th>Conflicting (重複)</th><td class=\"num\">%ld</td></tr>\n"
		    "<tr><th>Errors / warnings / infos</th><td class=\"num\">%ld / %ld / %ld</td></tr>\n"
		    "<tr><th>Accepted (リスク受容)</th><td class=\"num\">%ld</td></tr>\n</table>\n",
		a->summary.applicable, a->summary.led, a->summary.unowned, a->summary.conflicts, a->summary.errors,
		a->summary.warnings, a->summary.infos, a->summary.accepted);
	if (!a->n_systems)
		return;
	fputs("<h3>Coverage per system</h3>\n<table>\n<thead><tr><th>System</th><th>Name</th><th>Items</th><th>Led</th>"
	      "<th>Unowned</th><th>Conflicting</th><th>Findings</th></tr></thead>\n<tbody>\n",
	      fp);
	for (size_t i = 0; i < a->n_systems; i++) {
		const struct coverage *c = &a->systems[i];
		fputs("<tr><td><code>", fp);
		html_text(fp, c->system);
		fputs("</code></td><td>", fp);
		html_text(fp, c->name);
		if (c->in_scope)
			fprintf(fp, "</td><td class=\"num\">%ld</td><td class=\"num\">%ld</td><td class=\"num\">%ld</td>"
				    "<td class=\"num\">%ld</td>",
				c->applicable, c->led, c->unowned, c->conflicts);
		else
			fputs(" (医療情報なし)</td><td>-</td><td>-</td><td>-</td><td>-</td>", fp);
		fprintf(fp, "<td class=\"num\">%ld</td></tr>\n", c->findings);
	}
	fputs("</tbody>\n</table>\n", fp);
}

static void options(FILE *fp, const char *name, const char *label, const char *const *values, size_t n)
{
	fprintf(fp, "<label>%s <select name=\"%s\"><option value=\"\">all</option>", label, name);
	for (size_t i = 0; i < n; i++) {
		fputs("<option>", fp);
		html_text(fp, values[i]);
		fputs("</option>", fp);
	}
	fputs("</select></label>\n", fp);
}

/* The rows of one group's findings table; accepted findings show their
   acceptance where the others say what to do. */
static void finding_rows(FILE *fp, const struct analysis *a, const size_t *idx, size_t n, int accepted)
{
	fprintf(fp, "<table class=\"findings\">\n<thead><tr><th>Severity</th><th>Code</th><th>System</th><th>Item</th>"
		    "<th>Parties</th><th>Message</th><th>%s</th><th>Id / ref</th></tr></thead>\n<tbody>\n",
		accepted ? "Accepted (リスク受容)" : "What to do");
	for (size_t i = 0; i < n; i++) {
		const struct finding *f = &a->findings[idx[i]];
		struct strbuf parties = STRBUF_INIT;
		for (size_t p = 0; p < f->n_parties; p++)
			strbuf_addf(&parties, "%s%s", p ? " " : "", f->parties[p]);
		fprintf(fp, "<tr class=\"%s\" data-severity=\"%s\" data-system=\"", f->severity, f->severity);
		html_text(fp, f->system ? f->system : "");
		fputs("\" data-parties=\"", fp);
		html_text(fp, parties.buf);
		fprintf(fp, "\"><td class=\"sev\">%s</td><td><code>%s</code></td><td><code>", f->severity, f->code);
		html_text(fp, f->system);
		fputs("</code></td><td>", fp);
		if (f->item) {
			html_text(fp, f->item);
			fputs(" ", fp);
			html_text(fp, f->item_title);
		}
		fputs("</td><td>", fp);
		html_text(fp, parties.buf);
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
		html_text(fp, f->ref);
		fputs("</td></tr>\n", fp);
		strbuf_release(&parties);
	}
	fputs("</tbody>\n</table>\n", fp);
}

/* The filters the script applies to every findings table. */
static void filters(FILE *fp, const struct analysis *a, const struct matrix *m)
{
	static const char *const sevs[] = { "error", "warning", "info" };
	fputs("<form id=\"filters\" class=\"controls\">\n", fp);
	options(fp, "severity", "Severity", sevs, 3);
	const char **names = NULL;
	size_t n = a->n_systems > m->n_parties ? a->n_systems : m->n_parties, k = 0;
	names = calloc(n + 1, sizeof(*names));
	for (size_t i = 0; names && i < a->n_systems; i++)
		names[k++] = a->systems[i].system;
	options(fp, "system", "System", names, k);
	k = 0;
	for (size_t i = 0; names && i < m->n_parties; i++)
		if (!m->parties[i].is_org)
			names[k++] = m->parties[i].id;
	options(fp, "vendor", "Vendor", names, k);
	free(names);
	fputs("<span>shown: <output id=\"shown\"></output></span>\n</form>\n", fp);
}

static void findings(FILE *fp, const struct analysis *a, const struct matrix *m)
{
	fprintf(fp, "<h2 id=\"findings-title\">Findings / 指摘 (%zu)%s</h2>\n", a->n_findings,
		a->plan ? ", under the action that resolves them" : "");
	filters(fp, a, m);
	if (!a->n_findings) {
		fputs("<p>No findings.</p>\n", fp);
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
			fputs(" — resolves ", fp);
			html_text(fp, plan_step_summary(a->plan, (size_t)g[k].step, counts, sizeof(counts)));
			fputs(" <code>", fp);
			html_text(fp, act->id);
			fputs("</code>", fp);
		} else {
			fprintf(fp, a->plan ? "No offered action resolves these (%zu)" : "All findings (%zu)", g[k].n);
		}
		fputs("</summary>\n", fp);
		finding_rows(fp, a, g[k].findings, g[k].n < HTML_CAUSE_ROWS_MAX ? g[k].n : HTML_CAUSE_ROWS_MAX, 0);
		if (g[k].n > HTML_CAUSE_ROWS_MAX)
			fprintf(fp, "<p>… and %zu more findings of this group: <code>bunkai analyze -f json</code> or "
				    "<code>-f csv</code> lists every one.</p>\n",
				g[k].n - HTML_CAUSE_ROWS_MAX);
		fputs("</details>\n", fp);
	}
	cause_groups_release(g, n);
	size_t n_accepted = accepted_count(a);
	if (n_accepted) {
		size_t *idx = xmalloc(n_accepted * sizeof(*idx));
		for (size_t i = 0; i < n_accepted; i++)
			idx[i] = a->n_findings - n_accepted + i;
		fprintf(fp, "<details class=\"cause\" id=\"accepted\"%s><summary>Accepted (リスク受容) (%zu): not counted "
			    "toward --fail-on</summary>\n",
			open ? " open=\"open\"" : "", n_accepted);
		finding_rows(fp, a, idx, n_accepted, 1);
		fputs("</details>\n", fp);
		free(idx);
	}
}

void report_html(FILE *fp, const struct analysis *a, const struct matrix *m, const char *svg,
		 const char *sha256, const char *version)
{
	fputs("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\"/>\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>bunkai 責任分界 report — ",
	      fp);
	html_text(fp, a->org_name);
	fprintf(fp, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>責任分界 gap report: ", style);
	html_text(fp, a->org_name);
	fputs("</h1>\n<table class=\"meta\">\n", fp);
	meta_row(fp, "Organization id", a->org_id);
	meta_row(fp, "As of", a->as_of);
	char *what_if = what_if_line(a);
	if (what_if)
		meta_row(fp, "What-if", what_if);
	free(what_if);
	meta_row(fp, "Inventory SHA-256", sha256);
	meta_row(fp, "Generated by", version);
	fputs("</table>\n", fp);
	if (a->plan)
		plan_html(fp, a->plan, PLAN_TOP);
	paths_html(fp, a->paths, a->n_paths); /* before the findings (SPEC 9.1) */
	summary(fp, a);
	findings(fp, a, m);
	fputs("<h2 id=\"matrix\">責任分界表 / responsibility matrix</h2>\n"
	      "<p>○ lead (主担当), △ support (協力); only claims that count on the as-of date.</p>\n",
	      fp);
	size_t left = matrix_html_tables(fp, m, HTML_MATRIX_TABLES_MAX);
	if (left)
		fprintf(fp, "<p>… and %zu more systems: <code>bunkai matrix -f html</code> or <code>-f csv</code> "
			    "has the whole 責任分界表.</p>\n",
			left);
	fputs("<h2>責任分界図 / boundary diagram</h2>\n<div id=\"diagram\">\n", fp);
	if (svg)
		fputs(svg, fp);
	else
		fputs("<p>(the diagram could not be drawn)</p>\n", fp);
	fprintf(fp, "</div>\n<script>\n%s</script>\n</body>\n</html>\n", script);
}
