/*
** Markdown output: user text escaped so that it renders as written in a
** table cell or a heading (CommonMark and GitHub).
*/
#ifndef BUNKAI_MARKDOWN_H
#define BUNKAI_MARKDOWN_H

#include <stdio.h>

/* Markdown specials backslash-escaped, HTML specials as entities. */
void md_text(FILE *fp, const char *s);

#endif
