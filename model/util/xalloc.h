/*
** Allocation wrappers and the two error helpers every file uses.
**
** Allocation failure is fatal: bunkai cannot produce a trustworthy report
** from a half-built model, so x*() print and exit(3) instead of returning NULL.
*/
#ifndef BUNKAI_XALLOC_H
#define BUNKAI_XALLOC_H

#include <stdarg.h>
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
/* Grow an array to hold at least `need` elements of `size` bytes; *cap is updated. */
void *xgrow(void *p, size_t *cap, size_t need, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Caller frees the result. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* Print "bunkai: message" to stderr and exit with `code`. */
void die(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3), noreturn));
/* Print "bunkai: message" to stderr and return -1, for `return error(...)`. */
int error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
