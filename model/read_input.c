#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"
#include "xalloc.h"

int read_input(const char *file, char **buf, size_t *len)
{
	FILE *f = strcmp(file, "-") ? fopen(file, "rb") : stdin;
	if (!f)
		return error("%s: cannot open: %s", file, strerror(errno));
	size_t cap = 0, n = 0;
	char *p = NULL;
	for (;;) {
		p = xgrow(p, &cap, n + 65536 + 1, 1);
		size_t got = fread(p + n, 1, cap - n - 1, f);
		n += got;
		if (n > INPUT_MAX) {
			free(p);
			if (f != stdin)
				fclose(f);
			return error("%s: larger than %d MiB; split the inventory", file, INPUT_MAX >> 20);
		}
		if (got == 0)
			break;
	}
	int bad = ferror(f);
	int saved = errno;
	if (f != stdin)
		fclose(f);
	if (bad) {
		free(p);
		return error("%s: cannot read: %s", file, strerror(saved));
	}
	p[n] = '\0';
	*buf = p;
	*len = n;
	return 0;
}
