/*
** Actions (SPEC 9.2): concrete edits of the inventory a person can make,
** offered for the open findings (analyzer/plan/offers.sql says which), each
** with its edit as an RFC 6902 JSON Patch of the inventory document.
**
** The kinds are one table in actions.c: each kind's name, how its edit is
** built, and its title; docs/plan.md describes every one.
*/
#ifndef BUNKAI_ACTIONS_H
#define BUNKAI_ACTIONS_H

#include <cJSON.h>
#include <sqlite3.h>
#include <stddef.h>

struct action {
	char *id;     /* KIND@TARGET */
	char *kind;   /* points into the kinds table */
	char *target;
	char *title;  /* one line, for people */
	cJSON *edit;  /* the JSON Patch, owned */
	char **offered_for; /* finding ids, owned */
	size_t n_offered_for;
	/* The targets it stands for (one, or a group's), and for cut-path the
	   bindings it contradicts, SYSTEM@VENDOR of each path ("" if none). */
	char **targets, **cut_bindings;
	/* Measured (measure.c): indexes into the baseline findings that
	   disappear, and the ids (with severities) of those that appear. */
	size_t *resolves, n_resolves;
	char **introduces;
	int *introduces_rank;
	size_t n_introduces;
	int measured; /* 1 measured, 0 not yet, -1 its edit gives no valid inventory */
	size_t members; /* the number of targets: > 1 for a group of actions of one kind */
};

struct action_list {
	struct action *v;
	size_t n, cap;
};

/* Offer the actions for the findings in the view of a built and analyzed
   model; `doc` is the inventory document the edits patch. Returns 0, or -1
   after printing an internal error. The list is in id order. */
int actions_offer(sqlite3 *db, const cJSON *doc, const char *as_of, struct action_list *out);
/* Replace the actions of each kind by one group action whose edit is all of
   theirs (for inventories too large to measure every action alone). */
void actions_group_by_kind(struct action_list *l);
void actions_release(struct action_list *l);

/* Whether b may not join a plan holding a (cutting a path and binding its
   vendor, approving or hardening it). */
int actions_contradict(const struct action *a, const struct action *b);

#endif
