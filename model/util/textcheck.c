#include "textcheck.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

size_t utf8_seq_len(const unsigned char *s, const unsigned char *end)
{
	unsigned c = s[0];
	size_t n;
	unsigned cp;

	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2;
		cp = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		cp = c & 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		cp = c & 0x07;
	} else {
		return 0;
	}
	if ((size_t)(end - s) < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || cp > 0x10FFFF ||
	    (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return n;
}

size_t utf8_check(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	while (p < end) {
		if (*p < 0x80) {
			p++;
			continue;
		}
		size_t len = utf8_seq_len(p, end);
		if (!len)
			return (size_t)(p - (const unsigned char *)s);
		p += len;
	}
	return n;
}

bool id_valid(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > ID_MAX)
		return false;
	for (; *s; s++) {
		char c = *s;
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == '.' || c == '_' || c == ':' || c == '-'))
			return false;
	}
	return true;
}

bool name_valid(const char *s)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + strlen(s);
	while (p < end) {
		if (*p < 0x20 || *p == 0x7F)
			return false;
		size_t len = utf8_seq_len(p, end);
		if (!len)
			return false;
		/* C1 controls U+0080–U+009F are encoded C2 80 – C2 9F. */
		if (len == 2 && p[0] == 0xC2 && p[1] < 0xA0)
			return false;
		p += len;
	}
	return true;
}

static bool digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

bool date_valid(const char *s)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 4) || !digits(s + 5, 2) ||
	    !digits(s + 8, 2))
		return false;
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	int m = (s[5] - '0') * 10 + (s[6] - '0');
	int d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1 || m < 1 || m > 12 || d < 1)
		return false;
	int max = days[m - 1];
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		max = 29;
	return d <= max;
}

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

void date_day_before(const char *date, char out[11])
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y = atoi(date), m = atoi(date + 5), d = atoi(date + 8);
	if (--d == 0) {
		if (--m == 0) {
			m = 12;
			if (--y == 0) {
				y = 1, m = 1, d = 1;
				goto done;
			}
		}
		d = days[m - 1] + (m == 2 && leap(y));
	}
done:
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)d % 100u);
}

void date_next_year(const char *date, char out[11])
{
	int y = atoi(date) + 1, m = atoi(date + 5), d = atoi(date + 8);
	if (m == 2 && d == 29)
		d = 28;
	snprintf(out, 11, "%04u-%02u-%02u", y > 9999 ? 9999u : (unsigned)y % 10000u, (unsigned)m % 100u,
		 (unsigned)d % 100u);
}

void date_today(char buf[11])
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(buf, 11, "%Y-%m-%d", &tm);
}

const char *shown(char buf[SHOWN_SIZE], const char *s)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + strlen(s);
	size_t n = 0;
	for (int chars = 0; p < end; chars++) {
		if (chars == SHOWN_MAX) {
			memcpy(buf + n, "\xE2\x80\xA6", 3); /* … */
			n += 3;
			break;
		}
		size_t len = utf8_seq_len(p, end);
		if (!len)
			len = 1; /* an invalid byte: message_put shows it escaped */
		memcpy(buf + n, p, len);
		n += len;
		p += len;
	}
	buf[n] = '\0';
	return buf;
}

void message_put(FILE *fp, const char *msg)
{
	const unsigned char *p = (const unsigned char *)msg, *end = p + strlen(msg);
	while (p < end) {
		size_t len = utf8_seq_len(p, end);
		if (len == 1 && (*p < 0x20 || *p == 0x7F)) {
			fprintf(fp, "\\x%02x", *p);
		} else if (len == 2 && p[0] == 0xC2 && p[1] < 0xA0) {
			fprintf(fp, "\\u%04x", p[1]); /* C1: U+0080-U+009F */
		} else if (!len) {
			fprintf(fp, "\\x%02x", *p);
			len = 1;
		} else {
			fwrite(p, 1, len, fp);
		}
		p += len;
	}
}

static int wide(unsigned long c)
{
	return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F) ||
	       (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
	       (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

size_t display_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + strlen(s);
	size_t w = 0;
	while (p < end) {
		size_t n = utf8_seq_len(p, end);
		if (!n) {
			p++, w++;
			continue;
		}
		unsigned long c = n == 1 ? p[0] : n == 2 ? (p[0] & 0x1Fu) : n == 3 ? (p[0] & 0x0Fu) : (p[0] & 0x07u);
		for (size_t i = 1; i < n; i++)
			c = (c << 6) | (p[i] & 0x3Fu);
		w += wide(c) ? 2 : 1;
		p += n;
	}
	return w;
}
