#include "markdown.h"

void md_text(FILE *fp, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '<': fputs("&lt;", fp); break;
		case '>': fputs("&gt;", fp); break;
		case '&': fputs("&amp;", fp); break;
		case '|': case '\\': case '`': case '*': case '_': case '[': case ']': case '#':
			fputc('\\', fp);
			fputc(*s, fp);
			break;
		default: fputc(*s, fp);
		}
	}
}
