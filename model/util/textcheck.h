/*
** Checks on the text values of an inventory: UTF-8, ids, names, dates.
** Shared by every loader (JSON today, CSV later) so both accept the same set.
*/
#ifndef BUNKAI_TEXTCHECK_H
#define BUNKAI_TEXTCHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum { ID_MAX = 64 };

/* Length of the valid UTF-8 sequence at s (1–4), or 0 if it is invalid
   (overlong, surrogate, beyond U+10FFFF, truncated at `end`). */
size_t utf8_seq_len(const unsigned char *s, const unsigned char *end);
/* Offset of the first invalid byte, or `n` when all of s[0..n) is UTF-8. */
size_t utf8_check(const char *s, size_t n);
/* 1–64 characters of A-Za-z0-9._:- */
/* Columns a terminal gives s: 2 for East Asian wide characters (漢字, かな,
   full-width forms), 1 for the rest; for aligning text tables. */
size_t display_width(const char *s);
bool id_valid(const char *s);
/* Any valid UTF-8 without C0/C1 control characters or DEL. */
bool name_valid(const char *s);
/* YYYY-MM-DD naming a real calendar day. */
bool date_valid(const char *s);
/* Today's date as YYYY-MM-DD in local time (TZ honoured) into buf[11]: in
   Japan the day starts at 00:00 JST, not at 09:00 when UTC turns. */
void date_today(char buf[11]);
/* The day before a valid date, into out[11] (0001-01-01 stays). */
void date_day_before(const char *date, char out[11]);
/* The same day one year later, into out[11]; 29 February gives 28 February. */
void date_next_year(const char *date, char out[11]);

/*
** Echoing input in messages. A value from a file is shown cut to SHOWN_MAX
** characters with "…", so a 100 MB id does not become 100 MB on stderr; and
** every message goes out through message_put, which shows control
** characters and invalid bytes escaped (\x1b), so input cannot move the
** cursor, retitle the terminal or forge a line of output.
*/
enum { SHOWN_MAX = 48, SHOWN_SIZE = SHOWN_MAX * 4 + 8 };
/* s cut for a message, into buf; returns buf. */
const char *shown(char buf[SHOWN_SIZE], const char *s);
/* Write msg with control characters (C0, DEL, C1) and invalid UTF-8 escaped. */
void message_put(FILE *fp, const char *msg);

#endif
