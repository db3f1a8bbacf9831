/*
** A growable, always NUL-terminated byte buffer.
**
** Owned by whoever declared it: strbuf_release() frees the bytes,
** strbuf_detach() hands them to the caller (who frees them with free()).
*/
#ifndef BUNKAI_STRBUF_H
#define BUNKAI_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	char *buf;
	size_t len;
	size_t cap;
};

#define STRBUF_INIT { NULL, 0, 0 }

void strbuf_add(struct strbuf *sb, const void *data, size_t n);
void strbuf_addstr(struct strbuf *sb, const char *s);
void strbuf_addch(struct strbuf *sb, int c);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap);
void strbuf_reset(struct strbuf *sb);
/* Cut back to the first n bytes (n <= len). */
void strbuf_setlen(struct strbuf *sb, size_t n);
/* The contents as a C string; "" for an empty buffer, never NULL. */
const char *strbuf_str(const struct strbuf *sb);
char *strbuf_detach(struct strbuf *sb);
void strbuf_release(struct strbuf *sb);

#endif
