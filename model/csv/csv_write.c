#include "csv_write.h"

#include <string.h>

#include "model/csv/csv_table.h"
#include "model/util/strbuf.h"

void csv_bom(FILE *fp)
{
	fputs("\xEF\xBB\xBF", fp);
}

/* One cell: a ' first when a spreadsheet would not keep the value as text
   (a formula, a number, csv_cell_needs_guard), quoted when it must be. */
static void quoted(FILE *fp, const char *s)
{
	if (!*s) /* most cells of the 責任分界表: millions at 100,000 devices */
		return;
	int guard = csv_cell_needs_guard(s);
	if (!s[strcspn(s, ",\"\r\n")]) {
		if (guard)
			fputc('\'', fp);
		fputs(s, fp);
		return;
	}
	fputc('"', fp);
	if (guard)
		fputc('\'', fp);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', fp);
		fputc(*s, fp);
	}
	fputc('"', fp);
}

void csv_field(FILE *fp, const char *s, int first)
{
	if (!first)
		fputc(',', fp);
	if (s)
		quoted(fp, s);
}

void csv_joined(FILE *fp, const char *const *v, size_t n, const char *sep)
{
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < n; i++)
		strbuf_addf(&sb, "%s%s", i ? sep : "", v[i]);
	quoted(fp, strbuf_str(&sb));
	strbuf_release(&sb);
}

void csv_end(FILE *fp)
{
	fputs("\r\n", fp);
}
