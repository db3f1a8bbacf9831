#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "model/limits.h"
#include "model/util/read_input.h"
#include "model/util/exit_codes.h"
#include "model/util/heap.h"
#include "model/util/xalloc.h"
#include "model/util/i18n.h"

int read_input(const char *file, char **buf, size_t *len)
{
	FILE *f = strcmp(file, "-") ? fopen(file, "rb") : stdin;
	if (!f) {
		error(_("%s: cannot open: %s"), file, strerror(errno));
		return EXIT_USAGE;
	}
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		if (f != stdin)
			fclose(f);
		error(_("%s: is a folder, not a file"), file);
		return EXIT_USAGE;
	}
	size_t cap = 0, n = 0;
	char *p = NULL;
	/* The heap prepared for the input (heap.h): a file's size is known, and
	   its buffer made once; a pipe's grows as it comes. */
	int sized = S_ISREG(st.st_mode) && st.st_size > 0 && st.st_size <= INPUT_MAX;
	if (sized) {
		heap_expect((size_t)st.st_size);
		p = xgrow(p, &cap, (size_t)st.st_size + 65536 + 1, 1);
	}
	for (;;) {
		p = xgrow(p, &cap, n + 65536 + 1, 1);
		size_t got = fread(p + n, 1, cap - n - 1, f);
		n += got;
		if (!sized)
			heap_expect(n);
		if (n > INPUT_MAX) {
			free(p);
			if (f != stdin)
				fclose(f);
			error(_("%s: larger than %d MiB; split the inventory"), file, INPUT_MAX >> 20);
			return EXIT_USAGE;
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
		error(_("%s: cannot read: %s"), file, strerror(saved));
		return EXIT_FAILURE_IO;
	}
	p[n] = '\0';
	*buf = p;
	*len = n;
	return 0;
}
