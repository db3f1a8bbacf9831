/*
** bunkai plan INVENTORY — what to fix first, alone: every action of the
** plan with what it resolves, what it introduces and its edit.
*/
#include <cJSON.h>
#include <stdio.h>
#include <stdlib.h>

#include "analyzer/commands/command.h"
#include "model/util/i18n.h"
#include "analyzer/writers/plan_out.h"
#include "analyzer/writers/report.h"
#include "model/json/json_write.h"
#include "model/util/exit_codes.h"
#include "model/util/xalloc.h"

static void plan_full_text(FILE *fp, const struct analysis *a)
{
	const struct plan *p = a->plan;
	size_t resolved = 0;
	for (size_t i = 0; i < p->baseline.n; i++)
		resolved += p->cause[i] >= 0;
	fprintf(fp, _("bunkai plan — %s (%s), as of %s\n"), a->org_name, a->org_id, a->as_of);
	char *what_if = what_if_line(a);
	if (what_if)
		fprintf(fp, _("What-if: %s\n"), what_if);
	free(what_if);
	fprintf(fp, ngettext("%zu action resolves %zu of %zu open findings", "%zu actions resolve %zu of %zu open findings",
			     p->n_steps),
		p->n_steps, resolved, p->baseline.n);
	if (p->grouped)
		fprintf(fp, _(" (%zu offered, grouped by kind)\n"), p->offered.n);
	else
		fprintf(fp, _(" (%zu offered)\n"), p->offered.n);
	for (size_t k = 0; k < p->n_steps; k++) {
		const struct action *act = &p->offered.v[p->steps[k]];
		char counts[96];
		fprintf(fp, _("\n%2zu. %s\n    id: %s\n    resolves %s\n"), k + 1, act->title, act->id,
			plan_step_summary(p, k, counts, sizeof(counts)));
		for (size_t i = 0; i < p->baseline.n; i++)
			if (p->cause[i] == (long)k)
				fprintf(fp, "      - %s\n", p->baseline.ids[i]);
		if (act->n_introduces) {
			fprintf(fp, "    %s\n", _("introduces"));
			for (size_t i = 0; i < act->n_introduces; i++)
				fprintf(fp, "      + %s\n", act->introduces[i]);
		}
		char *edit = cJSON_PrintUnformatted(act->edit);
		if (!edit)
			die(EXIT_FAILURE_IO, _("out of memory printing the plan"));
		fprintf(fp, "    edit: %s\n", edit);
		cJSON_free(edit);
	}
	if (resolved < p->baseline.n) {
		fprintf(fp, ngettext("\nNo offered action resolves %zu finding:\n", "\nNo offered action resolves %zu findings:\n",
				     p->baseline.n - resolved),
			p->baseline.n - resolved);
		for (size_t i = 0; i < p->baseline.n; i++)
			if (p->cause[i] < 0)
				fprintf(fp, "  %s\n", p->baseline.ids[i]);
	}
}

static void plan_full_json(FILE *fp, const struct analysis *a)
{
	cJSON *root = cJSON_CreateObject();
	cJSON_AddStringToObject(root, "format", "bunkai-plan/1");
	cJSON_AddStringToObject(root, "organization", a->org_id);
	cJSON_AddStringToObject(root, "as_of", a->as_of);
	cJSON *w = cJSON_AddArrayToObject(root, "without");
	for (size_t i = 0; i < a->n_without; i++)
		cJSON_AddItemToArray(w, cJSON_CreateString(a->without[i]));
	cJSON_AddBoolToObject(root, "grouped", a->plan->grouped);
	cJSON_AddItemToObject(root, "plan", plan_json(a->plan));
	cJSON *open = cJSON_AddArrayToObject(root, "unresolved");
	for (size_t i = 0; i < a->plan->baseline.n; i++)
		if (a->plan->cause[i] < 0)
			cJSON_AddItemToArray(open, cJSON_CreateString(a->plan->baseline.ids[i]));
	json_write(fp, root, "the plan");
}

static const char *const formats[] = { "text", "json", NULL };

static int run(struct invocation *inv)
{
	if (inv->format_index == 0)
		plan_full_text(inv->o.fp, &inv->p.a);
	else
		plan_full_json(inv->o.fp, &inv->p.a);
	return EXIT_OK;
}

const struct command cmd_plan = {
	.name = "plan",
	.summary = N_("what to fix first: actions ranked by what they resolve"),
	ONE_INVENTORY,
	.flags = CMD_LOAD | CMD_ANALYZE | CMD_FINDINGS | CMD_PLAN | CMD_OUTPUT,
	.format_option = 'f',
	.formats = formats,
	.format_help = N_("text (default: every action, what it resolves and its edit),\n"
		       "json (bunkai-plan/1)"),
	.description = N_("Offers the actions that could resolve the open findings (renew a contract, name\n"
		       "a lead, cut or harden a remote path, check a door …), measures each one by\n"
		       "applying its edit to the inventory and analyzing again, and ranks them: actions\n"
		       "that close an error on a path into the hospital first, then by what each newly\n"
		       "resolves. Every edit is an RFC 6902 JSON Patch of the inventory as it is\n"
		       "(docs/plan.md). With --without VENDOR or a future --as-of, it plans for what\n"
		       "would lapse.\n"),
	.examples = N_("bunkai plan hospital.json\n"
		    "bunkai plan -f json hospital.json | jq '.plan[0].edit'\n"
		    "bunkai plan --without v-si hospital.json     # if v-si left today\n"),
	.run = run,
};
