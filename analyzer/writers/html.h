/*
** HTML output helpers: every user string goes through html_text(), which
** escapes & < > " ' so names come out exactly as written.
*/
#ifndef BUNKAI_HTML_H
#define BUNKAI_HTML_H

#include <stdio.h>

void html_text(FILE *fp, const char *s);

#endif
