#include <stdlib.h>
#include <string.h>

#include "analyzer/plan/plan.h"
#include "analyzer/writers/report.h"
#include "model/util/xalloc.h"
#include "model/util/strbuf.h"
#include "model/util/textcheck.h"

char *short_recommendation(const char *text, size_t max)
{
	static const char stop[] = "。"; /* the Japanese full stop ends the first sentence */
	struct strbuf sb = STRBUF_INIT;
	const unsigned char *p = (const unsigned char *)text, *end = p + strlen(text);
	size_t chars = 0;
	/* Drop a leading "(a) " enumeration mark. */
	if (p[0] == '(' && p[1] && p[2] == ')' && p[3] == ' ')
		p += 4;
	while (p < end) {
		size_t n = utf8_seq_len(p, end);
		if (!n)
			break;
		if (chars == max) {
			strbuf_addstr(&sb, "…");
			break;
		}
		strbuf_add(&sb, p, n);
		chars++;
		if (n == sizeof(stop) - 1 && !memcmp(p, stop, n))
			break;
		p += n;
	}
	return strbuf_detach(&sb);
}

void print_counts(FILE *fp, long vendors, long systems, long devices, long contracts, long subcontracts,
		  long assignments, long remotes, long interfaces)
{
	const struct {
		long n;
		const char *one, *many;
	} parts[] = {
		{ vendors, "vendor", "vendors" },
		{ systems, "system", "systems" },
		{ devices, "device", "devices" },
		{ contracts, "contract", "contracts" },
		{ subcontracts, "subcontract", "subcontracts" },
		{ assignments, "assignment", "assignments" },
		{ remotes, "remote link", "remote links" },
		{ interfaces, "interface agreement", "interface agreements" },
	};
	for (size_t i = 0; i < sizeof(parts) / sizeof(*parts); i++)
		fprintf(fp, "%s%ld %s", i ? ", " : "", parts[i].n, parts[i].n == 1 ? parts[i].one : parts[i].many);
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
	struct strbuf sb = STRBUF_INIT;
	strbuf_addstr(&sb, "as if ");
	for (size_t i = 0; i < a->n_without; i++)
		strbuf_addf(&sb, "%s%s", i == 0 ? "" : i + 1 == a->n_without ? " and " : ", ", a->without[i]);
	strbuf_addf(&sb, " left on %s: %s contracts and subcontracts end the day before, %s remote paths and "
			 "assignments are dropped (--without)",
		    a->as_of, a->n_without == 1 ? "its" : "their", a->n_without == 1 ? "its" : "their");
	return strbuf_detach(&sb);
}

char *acceptance_line(const struct acceptance_info *acc)
{
	return xasprintf("accepted until %s by %s: %s%s%s%s", acc->until, acc->by, acc->reason,
			 acc->ticket ? " (" : "", acc->ticket ? acc->ticket : "", acc->ticket ? ")" : "");
}

size_t accepted_count(const struct analysis *a)
{
	size_t n = 0;
	for (size_t i = 0; i < a->n_findings; i++)
		n += a->findings[i].accepted != NULL;
	return n;
}
