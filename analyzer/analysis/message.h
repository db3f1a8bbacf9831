/*
** A finding's message from its rule's template (docs/rules.md): the rule's
** SELECT returns the template's key in `message` and the values in columns
** named like the placeholders ("{device} was checked by {by}"). The
** template is translated (gettext, or the rule's own "-- message.ja" line),
** and ids come out name first where people read them: a party, system or
** device placeholder prints 「電子カルテ (ehr)」, a list placeholder each of
** its comma-separated ids so, and a word placeholder (a role, a check kind)
** its translation.
*/
#ifndef BUNKAI_MESSAGE_H
#define BUNKAI_MESSAGE_H

#include <sqlite3.h>

#include "model/util/strbuf.h"

/* Looks names up in the model; one per rules run. */
struct namebook {
	sqlite3_stmt *party, *system, *device;
};
void namebook_open(struct namebook *nb, sqlite3 *db);
void namebook_close(struct namebook *nb);

/* "NAME (ID)", or ID when it has no other name (or is not in the model). */
void name_first(struct strbuf *out, struct namebook *nb, const char *kind, const char *id);

/* Fill `tmpl`'s placeholders from the current row of `row`; a placeholder
   with no column of its name, or a NULL value, prints nothing, and an
   optional part "[[; ended: {expired_leads}]]" is printed only when each of
   its placeholders has a value (an empty string is one). */
void message_fill(struct strbuf *out, const char *tmpl, sqlite3_stmt *row, struct namebook *nb);

/* The names of the placeholders of tmpl, for checking a rule once: calls
   fn(ctx, name, len) for each; returns the number of "{" left unclosed. */
int message_placeholders(const char *tmpl, void (*fn)(void *ctx, const char *name, size_t len), void *ctx);

#endif
