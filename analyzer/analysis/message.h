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

#include "model/util/idmap.h"
#include "model/util/pool.h"
#include "model/util/strbuf.h"

/* Every party's, system's and device's name by id (ids are unique across
   them): the parties and systems read from the model at the first lookup,
   a device when it is first asked for (a model has up to 100,000 of them
   and a report names a few thousand); one per rules run. */
struct namebook {
	sqlite3 *db;
	int loaded;
	struct idmap ids;      /* id -> index into names, or SIZE_MAX: no other name */
	const char **names;    /* in pool */
	size_t n, cap;
	struct pool pool;
	sqlite3_stmt *device;  /* a device's name by id, prepared when first needed */
};
void namebook_open(struct namebook *nb, sqlite3 *db);
void namebook_close(struct namebook *nb);

/* "NAME (ID)" for the id of a party, system or device, or the id when it
   has no other name (or is not in the model); caller frees. */
char *name_label(struct namebook *nb, const char *id);

/* Fill `tmpl`'s placeholders from the current row of `row`; a placeholder
   with no column of its name, or a NULL value, prints nothing, and an
   optional part "[[; ended: {expired_leads}]]" is printed only when each of
   its placeholders has a value (an empty string is one). */
void message_fill(struct strbuf *out, const char *tmpl, sqlite3_stmt *row, struct namebook *nb);

/* The names of the placeholders of tmpl, for checking a rule once: calls
   fn(ctx, name, len) for each; returns the number of "{" left unclosed. */
int message_placeholders(const char *tmpl, void (*fn)(void *ctx, const char *name, size_t len), void *ctx);

#endif
