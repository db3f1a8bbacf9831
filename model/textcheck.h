/*
** Checks on the text values of an inventory: UTF-8, ids, names, dates.
** Shared by every loader (JSON today, CSV later) so both accept the same set.
*/
#ifndef BUNKAI_TEXTCHECK_H
#define BUNKAI_TEXTCHECK_H

#include <stdbool.h>
#include <stddef.h>

enum { ID_MAX = 64 };

/* Length of the valid UTF-8 sequence at s (1–4), or 0 if it is invalid
   (overlong, surrogate, beyond U+10FFFF, truncated at `end`). */
size_t utf8_seq_len(const unsigned char *s, const unsigned char *end);
/* Offset of the first invalid byte, or `n` when all of s[0..n) is UTF-8. */
size_t utf8_check(const char *s, size_t n);
/* 1–64 characters of A-Za-z0-9._:- */
bool id_valid(const char *s);
/* Any valid UTF-8 without C0/C1 control characters or DEL. */
bool name_valid(const char *s);
/* YYYY-MM-DD naming a real calendar day. */
bool date_valid(const char *s);
/* Today's date as YYYY-MM-DD (UTC) into buf[11]. */
void date_today(char buf[11]);

#endif
