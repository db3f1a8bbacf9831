#include "csv_table.h"

#include <errno.h>
#include <iconv.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/csv/libcsv_dl.h"
#include "model/limits.h"
#include "model/util/exit_codes.h"
#include "model/util/textcheck.h"
#include "model/util/xalloc.h"
#include "model/util/i18n.h"

int csv_decode(const char *in, size_t len, enum csv_encoding enc, char **out, size_t *out_len, int *used,
	       size_t *bad_offset)
{
	if (len >= 3 && !memcmp(in, "\xEF\xBB\xBF", 3)) {
		in += 3;
		len -= 3;
		if (enc == ENC_AUTO)
			enc = ENC_UTF8;
	}
	size_t bad = utf8_check(in, len);
	if (enc == ENC_UTF8 || (enc == ENC_AUTO && bad == len)) {
		if (bad != len) {
			*bad_offset = bad;
			return -1;
		}
		*out = xstrndup(in, len);
		*out_len = len;
		*used = ENC_UTF8;
		return 0;
	}
	/* Shift_JIS as Excel in Japan writes it: Microsoft's CP932. */
	iconv_t cd = iconv_open("UTF-8", "CP932");
	if (cd == (iconv_t)-1)
		die(EXIT_FAILURE_IO, _("iconv cannot convert CP932: %s"), strerror(errno));
	size_t cap = len * 3 / 2 + 16;
	char *buf = xmalloc(cap + 1);
	char *src = (char *)in, *dst = buf;
	size_t left = len, room = cap;
	while (left) {
		if (iconv(cd, &src, &left, &dst, &room) != (size_t)-1)
			break;
		if (errno == E2BIG) {
			size_t used_bytes = (size_t)(dst - buf);
			cap *= 2;
			buf = xrealloc(buf, cap + 1);
			dst = buf + used_bytes;
			room = cap - used_bytes;
			continue;
		}
		/* Neither: point at whichever reading got further (a UTF-8 file
		   with one stray byte fails as CP932 on its first Japanese word). */
		size_t cp = (size_t)(src - in);
		*bad_offset = enc == ENC_AUTO && bad > cp ? bad : cp;
		iconv_close(cd);
		free(buf);
		return -1;
	}
	iconv_close(cd);
	*dst = '\0';
	*out = buf;
	*out_len = (size_t)(dst - buf);
	*used = ENC_CP932;
	return 0;
}

/* A number as a spreadsheet would read one: an optional currency sign, then
   digits with . , / : % - e E or spaces (001, 1e5, 12:30, 1 1/2, 1-2, 50%). */
static int looks_numeric(const char *s)
{
	static const char *const currency[] = { "$", "\xC2\xA5" /* ¥ */, "\xEF\xBF\xA5" /* ￥ */, "\xE2\x82\xAC" /* € */ };
	for (size_t i = 0; i < sizeof(currency) / sizeof(*currency); i++)
		if (!strncmp(s, currency[i], strlen(currency[i]))) {
			s += strlen(currency[i]);
			break;
		}
	if (!isdigit((unsigned char)s[0]) && !(s[0] == '.' && isdigit((unsigned char)s[1])))
		return 0;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s) && !strchr(".,/:%-eE ", *s))
			return 0;
	return 1;
}

int csv_cell_needs_guard(const char *s)
{
	/* A run of ' before a value that needs one needs one more, so that the
	   importer, which removes one, gives the run back. */
	while (*s == '\'')
		s++;
	if (strchr("=+-@\t\r", *s) && *s)
		return 1;
	if (!strcasecmp(s, "true") || !strcasecmp(s, "false"))
		return 1;
	return looks_numeric(s) && !date_valid(s);
}

/* Trim ASCII blanks and U+3000 (E3 80 80) from both ends, in place. */
char *csv_trim(char *s)
{
	for (;;) {
		if (*s == ' ' || *s == '\t')
			s++;
		else if (!strncmp(s, "\xE3\x80\x80", 3)) /* strncmp: s may be shorter */
			s += 3;
		else
			break;
	}
	size_t n = strlen(s);
	for (;;) {
		if (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
		else if (n >= 3 && !memcmp(s + n - 3, "\xE3\x80\x80", 3))
			n -= 3;
		else
			break;
	}
	s[n] = '\0';
	return s;
}

struct reader {
	struct csv_table *t;
	char **cells;
	size_t n, cap;
	int line;       /* the physical line being fed */
	int row_start;  /* where the current row began (set by its first field) */
};

static void on_field(void *s, size_t len, void *data)
{
	struct reader *R = data;
	/* A row starts on the line its first field ends on, less the line
	   breaks inside that field (blank lines before it are skipped). */
	if (R->n == 0) {
		int breaks = 0;
		for (size_t i = 0; s && i < len; i++)
			breaks += ((const char *)s)[i] == '\n';
		R->row_start = R->line - breaks;
	}
	char *raw = xstrndup(s ? s : "", s ? len : 0);
	char *t = csv_trim(raw);
	/* The ' a writer put before a value a spreadsheet would not keep as text. */
	if (t[0] == '\'' && csv_cell_needs_guard(t + 1))
		t++;
	char *cell = xstrdup(t);
	free(raw);
	R->cells = xgrow(R->cells, &R->cap, R->n + 1, sizeof(*R->cells));
	R->cells[R->n++] = cell;
}

void csv_table_add(struct csv_table *t, char **cells, size_t n, int line)
{
	int empty = 1;
	for (size_t i = 0; i < n; i++)
		empty &= cells[i][0] == '\0';
	if (empty || (n && cells[0][0] == '#')) {
		for (size_t i = 0; i < n; i++)
			free(cells[i]);
		free(cells);
	} else if (!t->header) {
		t->header = cells;
		t->n_header = n;
	} else {
		t->rows = xgrow(t->rows, &t->cap_rows, t->n_rows + 1, sizeof(*t->rows));
		t->rows[t->n_rows++] = (struct csv_row){ cells, n, line, NULL };
	}
}

static void on_row(int c, void *data)
{
	(void)c;
	struct reader *R = data;
	csv_table_add(R->t, R->cells, R->n, R->row_start);
	R->cells = NULL;
	R->n = R->cap = 0;
	R->row_start = R->line + 1; /* until the next row's first field says better */
}

static int line_of(const char *buf, size_t off)
{
	int l = 1;
	for (size_t i = 0; i < off; i++)
		l += buf[i] == '\n';
	return l;
}

int csv_table_parse(struct csv_table *t, const char *name, const char *raw, size_t raw_len, enum csv_encoding enc,
		    struct diag *d)
{
	memset(t, 0, sizeof(*t));
	t->name = name;
	if (libcsv_load() < 0)
		return -1;
	char *text = NULL;
	size_t len, bad;
	if (csv_decode(raw, raw_len, enc, &text, &len, &t->encoding, &bad) < 0) {
		size_t skip = raw_len >= 3 && !memcmp(raw, "\xEF\xBB\xBF", 3) ? 3 : 0;
		diag_msg(d, _("%s:%d: neither UTF-8 nor Shift_JIS (CP932) text (byte 0x%02x); save it as CSV UTF-8"), name,
			 line_of(raw + skip, bad), (unsigned char)raw[skip + bad]);
		return -1;
	}

	struct csv_parser p;
	struct reader R = { t, NULL, 0, 0, 1, 1 };
	sym_csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
	/* libcsv grows a field's buffer by a fixed step (128 bytes by default):
	   quadratic on a huge cell. A large step keeps it linear. */
	sym_csv_set_blk_size(&p, 1 << 20);
	int rc = 0;
	/* Fed line by line, so that rows know their line numbers. */
	for (size_t off = 0; off < len && rc == 0;) {
		const char *nl = memchr(text + off, '\n', len - off);
		size_t n = nl ? (size_t)(nl - (text + off)) + 1 : len - off;
		if (sym_csv_parse(&p, text + off, n, on_field, on_row, &R) != n) {
			diag_msg(d, _("%s:%d: %s (a quote inside a field must be doubled: \"\")"), name, R.line,
				  sym_csv_strerror(sym_csv_error(&p)));
			rc = -1;
		}
		off += n;
		if (nl)
			R.line++;
	}
	if (rc == 0 && sym_csv_fini(&p, on_field, on_row, &R) != 0) {
		diag_msg(d, _("%s:%d: unterminated quoted field (a \" is never closed)"), name, R.row_start);
		rc = -1;
	}
	sym_csv_free(&p);
	for (size_t i = 0; i < R.n; i++)
		free(R.cells[i]);
	free(R.cells);
	free(text);
	if (rc == 0 && !t->header) {
		diag_msg(d, _("%s: empty: no header row"), name);
		rc = -1;
	}
	if (rc < 0)
		csv_table_release(t);
	return rc;
}

void csv_table_release(struct csv_table *t)
{
	for (size_t i = 0; i < t->n_header; i++)
		free(t->header[i]);
	free(t->header);
	for (size_t r = 0; r < t->n_rows; r++) {
		for (size_t i = 0; i < t->rows[r].n; i++)
			free(t->rows[r].cells[i]);
		free(t->rows[r].cells);
		free(t->rows[r].number);
	}
	free(t->rows);
	memset(t, 0, sizeof(*t));
}
