/*
** bunkai diff (SPEC 9.3): what changed between two states of a hospital's
** 責任分界 — two inventories (each analyzed at its own as-of date unless
** --as-of is given) or two bunkai-report/1 JSON files, never one of each.
**
** A side is read into the same few facts either way: its findings (id,
** severity, message, accepted or open) and its valid leads. Owned by the
** struct; diff_release().
*/
#ifndef BUNKAI_DIFF_H
#define BUNKAI_DIFF_H

#include <stddef.h>

#include "analyzer/analysis/rules.h"

struct side_finding {
	char *id, *severity, *message;
	enum severity rank;
	int accepted;
};

struct side {
	char *name, *org, *as_of;
	int is_report;
	struct side_finding *f; /* sorted by id */
	size_t n;
	char **leads; /* "SYSTEM\tITEM\tPARTY" (SYSTEM empty for A-2), sorted */
	size_t n_leads;
};

struct lead_change {
	char *system, *item; /* system NULL for the organization item */
	char **old, **new;   /* parties, sorted; not owned (point into the sides) */
	size_t n_old, n_new;
};

struct diff {
	struct side old, new;
	/* Indexes into new.f (new_open, still_open, newly_accepted) or old.f
	   (resolved), by severity then id. */
	size_t *new_open, *resolved, *still_open, *newly_accepted;
	size_t n_new_open, n_resolved, n_still_open, n_newly_accepted;
	struct lead_change *changes;
	size_t n_changes;
};

/* Read both sides and compare. `as_of` (or NULL) applies to inventories.
   Returns EXIT_OK, or EXIT_USAGE / EXIT_FAILURE_IO after printing why.
   Release with diff_release() in every case. */
int diff_run(struct diff *d, const char *old_path, const char *new_path, const char *as_of);
void diff_release(struct diff *d);

#endif
