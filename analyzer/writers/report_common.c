#include <stdlib.h>
#include <string.h>

#include "analyzer/plan/plan.h"
#include "analyzer/writers/report.h"
#include "model/util/i18n.h"
#include "model/util/xalloc.h"
#include "model/util/strbuf.h"
#include "model/util/textcheck.h"

/* Does an enumeration mark "(b)" … "(z)" (or ②…) come at or after p? */
static int list_continues(const char *p)
{
	static const char *const circled[] = { "②", "③", "④", "⑤" };
	for (; *p; p++) {
		if (p[0] == '(' && p[1] >= 'b' && p[1] <= 'z' && p[2] == ')')
			return 1;
		if (p[0] != circled[0][0]) /* ②…⑤ (U+2461…2464) share their first byte */
			continue;
		for (size_t i = 0; i < sizeof(circled) / sizeof(circled[0]); i++)
			if (!strncmp(p, circled[i], strlen(circled[i])))
				return 1;
	}
	return 0;
}

char *recommendation_excerpt(const char *text)
{
	/* The first sentence: up to the first 。 outside （…） — unless a list
	   (a) (b) … goes on after it, which is never cut: then all of it. */
	static const char stop[] = "。", open[] = "（", close[] = "）";
	int depth = 0;
	for (const char *p = text; *p; p++) {
		if (*p != stop[0] && *p != open[0] && *p != close[0]) /* starts none of the three */
			continue;
		if (!strncmp(p, open, sizeof(open) - 1))
			depth++;
		else if (!strncmp(p, close, sizeof(close) - 1) && depth > 0)
			depth--;
		else if (!depth && !strncmp(p, stop, sizeof(stop) - 1)) {
			const char *end = p + sizeof(stop) - 1;
			if (list_continues(end))
				break;
			return xstrndup(text, (size_t)(end - text));
		}
	}
	return xstrdup(text);
}

void print_counts(FILE *fp, long vendors, long systems, long devices, long contracts, long subcontracts,
		  long assignments, long remotes, long interfaces)
{
	/* One call per count: xgettext and the compiler each see every literal. */
	fprintf(fp, ngettext("%ld vendor", "%ld vendors", (unsigned long)vendors), vendors);
	fputs(list_sep(), fp);
	fprintf(fp, ngettext("%ld system", "%ld systems", (unsigned long)systems), systems);
	fputs(list_sep(), fp);
	fprintf(fp, ngettext("%ld device", "%ld devices", (unsigned long)devices), devices);
	fputs(list_sep(), fp);
	fprintf(fp, ngettext("%ld contract", "%ld contracts", (unsigned long)contracts), contracts);
	fputs(list_sep(), fp);
	fprintf(fp, ngettext("%ld subcontract", "%ld subcontracts", (unsigned long)subcontracts), subcontracts);
	fputs(list_sep(), fp);
	fprintf(fp, ngettext("%ld assignment", "%ld assignments", (unsigned long)assignments), assignments);
	fputs(list_sep(), fp);
	fprintf(fp, ngettext("%ld remote link", "%ld remote links", (unsigned long)remotes), remotes);
	fputs(list_sep(), fp);
	fprintf(fp, ngettext("%ld interface agreement", "%ld interface agreements", (unsigned long)interfaces),
		interfaces);
}

size_t cause_groups(const struct analysis *a, struct cause_group **out)
{
	size_t steps = a->plan ? a->plan->n_steps : 0, n = 0;
	/* Bucket k for step k; the last for no cause. */
	struct cause_group *b = xcalloc(steps + 1, sizeof(*b));
	for (size_t i = 0; i < a->n_findings; i++) {
		if (a->findings[i].accepted)
			continue; /* listed apart */
		long s = a->findings[i].cause_step;
		struct cause_group *g = &b[s < 0 ? steps : (size_t)s];
		g->findings = xrealloc(g->findings, (g->n + 1) * sizeof(*g->findings));
		g->findings[g->n++] = i;
	}
	for (size_t k = 0; k <= steps; k++) {
		b[k].step = k == steps ? -1 : (long)k;
		if (b[k].n)
			b[n++] = b[k];
	}
	*out = b;
	return n;
}

void cause_groups_release(struct cause_group *g, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(g[i].findings);
	free(g);
}

char *what_if_line(const struct analysis *a)
{
	if (!a->n_without)
		return NULL;
	struct strbuf who = STRBUF_INIT;
	for (size_t i = 0; i < a->n_without; i++)
		strbuf_addf(&who, "%s%s", i == 0 ? "" : i + 1 == a->n_without ? _(" and ") : list_sep(), a->without[i]);
	char *line = xasprintf(ngettext("as if %s left on %s: its contracts and subcontracts end the day before, its "
					"remote paths and assignments are dropped (--without)",
					"as if %s left on %s: their contracts and subcontracts end the day before, their "
					"remote paths and assignments are dropped (--without)",
					(unsigned long)a->n_without),
			       who.buf, a->as_of);
	strbuf_release(&who);
	return line;
}

char *acceptance_line(const struct acceptance_info *acc)
{
	if (acc->ticket)
		return xasprintf(_("accepted until %s by %s: %s (%s)"), acc->until, acc->by, acc->reason, acc->ticket);
	return xasprintf(_("accepted until %s by %s: %s"), acc->until, acc->by, acc->reason);
}

char *ref_display(const char *ref)
{
	static const struct {
		const char *prefix, *document;
	} documents[] = {
		/* TRANSLATORS: the MHLW checklist on role sharing between hospitals and vendors. */
		{ "Part1 ", N_("Role-sharing checklist Part1 ") },
		{ "Part2 ", N_("Role-sharing checklist Part2 ") },
		{ "seed 002 ", N_("MHLW Security Guideline 6.0 (management) ") },
		/* seed 003 is the Q&A on the on-site inspection checklist: "Q-8" is
		   one of its answers, "2-(7)" an item of the checklist it explains. */
		{ "seed 003 Q-", N_("Cybersecurity checklist Q&A Q-") },
		{ "seed 003 ", N_("Cybersecurity checklist ") },
	};
	for (size_t i = 0; i < sizeof(documents) / sizeof(documents[0]); i++) {
		size_t n = strlen(documents[i].prefix);
		if (!strncmp(ref, documents[i].prefix, n))
			return xasprintf("%s%s", _(documents[i].document), ref + n);
	}
	return xstrdup(ref);
}

const char *severity_label(const char *severity)
{
	static const char *const words[] = { N_("error"), N_("warning"), N_("info") };
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (!strcmp(severity, words[i]))
			return _(words[i]);
	return severity;
}

void each_recommended_item(const struct analysis *a, void (*fn)(void *ctx, const struct finding *f), void *ctx)
{
	/* The catalog has a few dozen items: a list of those seen will do. */
	const char **seen = xcalloc(a->n_findings + 1, sizeof(*seen));
	size_t n = 0;
	for (size_t i = 0; i < a->n_findings; i++) {
		const struct finding *f = &a->findings[i];
		if (!f->item || !f->item_recommendation)
			continue;
		size_t k = 0;
		while (k < n && strcmp(seen[k], f->item))
			k++;
		if (k < n)
			continue;
		seen[n++] = f->item;
		fn(ctx, f);
	}
	free(seen);
}

int has_recommended_item(const struct analysis *a)
{
	for (size_t i = 0; i < a->n_findings; i++)
		if (a->findings[i].item && a->findings[i].item_recommendation)
			return 1;
	return 0;
}

const char *no_findings_line(const struct analysis *a)
{
	if (!a->summary.applicable)
		return _("No findings, but no checklist item applies: record the systems that hold medical "
			 "information (medical_info) and who leads their items, then run again.");
	return _("No findings: every applicable item has exactly one lead and nothing else was found.");
}

size_t accepted_count(const struct analysis *a)
{
	size_t n = 0;
	for (size_t i = 0; i < a->n_findings; i++)
		n += a->findings[i].accepted != NULL;
	return n;
}
