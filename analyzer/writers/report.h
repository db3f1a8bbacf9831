/*
** Report formats of `bunkai analyze` (SPEC §5). Each writer prints a whole
** analysis to a stream; errors are caught by the caller's output_commit().
*/
#ifndef BUNKAI_REPORT_H
#define BUNKAI_REPORT_H

#include <stdio.h>

#include "analyzer/analysis/analysis.h"

typedef void (*report_writer)(FILE *fp, const struct analysis *a);

void report_text(FILE *fp, const struct analysis *a);
void report_json(FILE *fp, const struct analysis *a);
void report_csv(FILE *fp, const struct analysis *a);
void report_md(FILE *fp, const struct analysis *a);

/* NULL-terminated table of the formats above. */

/* The first sentence of a recommendation, at most `max` characters, for
   one-line summaries (caller frees). */
char *short_recommendation(const char *text, size_t max);

/* "5 vendors, 1 system, …": what an inventory holds, in one line. */
void print_counts(FILE *fp, long vendors, long systems, long devices, long contracts, long subcontracts,
		  long assignments, long remotes, long interfaces);

#endif
