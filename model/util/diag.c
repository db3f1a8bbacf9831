#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "model/util/progress.h"
#include "model/util/strbuf.h"
#include "model/util/textcheck.h"
#include "model/util/xalloc.h"

void diag_init(struct diag *d, const char *file)
{
	d->file = file;
	d->msgs = NULL;
	d->n = d->cap = d->count = 0;
	d->io_failed = 0;
	d->locate = NULL;
	d->locate_ctx = NULL;
}

static void push(struct diag *d, struct strbuf *sb)
{
	d->count++;
	if (d->n >= DIAG_CAP) {
		strbuf_release(sb);
		return;
	}
	d->msgs = xgrow(d->msgs, &d->cap, d->n + 1, sizeof(*d->msgs));
	d->msgs[d->n++] = strbuf_detach(sb);
}

void diag_at(struct diag *d, int line, int col, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	strbuf_addf(&sb, "%s:%d:%d: ", d->file, line, col);
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	push(d, &sb);
}

void diag_path(struct diag *d, const char *path, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	strbuf_addf(&sb, "%s: %s: ", d->file, path);
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	push(d, &sb);
}

void diag_file(struct diag *d, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	strbuf_addf(&sb, "%s: ", d->file);
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	push(d, &sb);
}

void diag_msg(struct diag *d, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	push(d, &sb);
}

void diag_print(const struct diag *d)
{
	progress_clear();
	for (size_t i = 0; i < d->n; i++) {
		fputs("bunkai: ", stderr);
		message_put(stderr, d->msgs[i]);
		fputc('\n', stderr);
	}
	if (d->count > d->n)
		error("%s: %zu more problems not shown", d->file, d->count - d->n);
}

void diag_release(struct diag *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->msgs[i]);
	free(d->msgs);
	d->msgs = NULL;
	d->n = d->cap = d->count = 0;
}
