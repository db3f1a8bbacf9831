/*
** The result of an analysis, read back from the model's findings tables:
** what every report format prints. Owned by the struct; analysis_release().
*/
#ifndef BUNKAI_ANALYSIS_H
#define BUNKAI_ANALYSIS_H

#include <sqlite3.h>
#include <stddef.h>

#include "analyzer/analysis/rules.h"
#include "model/util/pool.h"

/* What --system and --vendor narrow the report to. */
struct view {
	const char **systems; /* not owned */
	size_t n_systems;
	const char *vendor;   /* not owned; NULL = all */
};

/* The accepted[] entry that accepts a finding (SPEC 9.3, リスク受容). */
struct acceptance_info {
	const char *pattern, *reason, *by, *until, *ticket; /* ticket may be NULL */
};

/* Every text of a finding lives in its analysis's pool (analysis.text);
   the item's and the rule's texts are shared by the findings that name them. */
struct finding {
	const char *id, *code, *severity, *item, *system, *device, *remote, *contract, *ref, *message;
	const char *item_title, *item_recommendation; /* from the catalog, NULL without item */
	const char *fix;                              /* the rule's "-- fix:" line (translated), or NULL */
	const char *system_label;                     /* "電子カルテ (ehr)", or NULL without system */
	const char *cause;                            /* the plan's first action resolving it, or NULL; not owned */
	long cause_step;                              /* its index in the plan, or -1 */
	const struct acceptance_info *accepted;       /* NULL: open; else not counted toward --fail-on */
	const char **parties;
	size_t n_parties;
	enum severity rank;
};

struct coverage {
	char *system, *name;
	int in_scope;        /* medical_info */
	long applicable, led, unowned, conflicts, findings;
};

/* A path into the hospital (SPEC 9.1), what the reports show before the
   findings: who comes in, through which door, how far it reaches, on what
   conditions, whether the door was checked, and what is open on it. */
struct remote_path {
	char *id, *vendor, *vendor_name, *target;
	char *door;               /* NULL: the path names no device */
	long reached;             /* devices it reaches */
	char *reached_systems;    /* "ehr, net", sorted; NULL for none */
	char *reached_labels;     /* the same as "電子カルテ (ehr), 院内ネットワーク (net)" */
	char *approved, *auth;    /* NULL: never permitted / unknown */
	int source_restricted, on_demand; /* 1, 0, or -1 unknown */
	char *check_date, *check_answer, *check_by; /* the door's latest patch check; NULL: none */
	char *open;               /* the codes of its open findings, "weak-remote-access, …"; NULL: none */
	char *target_label, *door_label; /* "name (id)" for people; door_label NULL without door */
	char *check_by_label;            /* the same for check_by */
};

struct plan;

/* A valid lead on an applicable pair (SPEC 9.3: what `bunkai diff` compares). */
struct lead {
	const char *system; /* NULL for the organization item; in the analysis's pool */
	const char *item, *party;
};

struct party_label {
	char *id, *label;
};

struct analysis {
	char *org_id, *org_name, *as_of;
	struct party_label *party_labels; /* every party, by id */
	size_t n_party_labels;
	struct {
		long applicable, led, unowned, conflicts, errors, warnings, infos; /* open findings by severity */
		long accepted;                                                      /* accepted findings */
	} summary;
	struct {
		long vendors, systems, devices, contracts, subcontracts, assignments, remotes, interfaces;
	} counts;
	struct finding *findings; /* the open ones, then the accepted ones */
	size_t n_findings;
	struct pool text;         /* the findings' and leads' texts, parties and acceptances */
	struct coverage *systems;
	size_t n_systems;
	struct remote_path *paths;
	size_t n_paths;
	struct lead *leads; /* in the view: by system, checklist order, party */
	size_t n_leads;
	const struct plan *plan; /* NULL without a plan (--no-plan); not owned */
	const char *const *without; /* --without: the vendors assumed gone (a what-if); not owned */
	size_t n_without;
};

/*
** The view, an explicit step after the rules: check its ids, then fill the
** temporary tables view_systems, view_vendors and view_remotes (what the
** matrix, the diagram and the analysis draw from; made once per connection)
** and mark each finding in or out of it.
** Returns EXIT_OK, EXIT_USAGE (an unknown id, said) or EXIT_FAILURE_IO.
*/
int view_apply(sqlite3 *db, const struct view *v);
/* Undo view_apply (the view's tables emptied, every finding in view), so
   that another view can be applied (bunkai pack). */
void view_reset(sqlite3 *db);
/* Read the findings in the view, the summary and the coverage back (after
   view_apply), for the reports. Returns 0 or -1. */
int analysis_read(sqlite3 *db, const struct view *v, struct analysis *out);
/* Every valid lead on an applicable pair of the view (the pairs the summary
   counts) into a->leads: only the JSON report and diff print them. Returns 0. */
int leads_read(sqlite3 *db, const struct view *v, struct analysis *a);
void analysis_release(struct analysis *a);
/* "株式会社みなとシステム (v-si)" for a party id (the id when unknown): names
   first where people read (SPEC 9.4). */
const char *party_label(const struct analysis *a, const char *id);
/* The paths in the view (after view_apply), in inventory order; the caller
   releases them with paths_release(). */
void paths_read(sqlite3 *db, struct remote_path **out, size_t *n);
void paths_release(struct remote_path *v, size_t n);

#endif
