#include "output.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../model/xalloc.h"

int output_open(struct output *o, const char *path)
{
	memset(o, 0, sizeof(*o));
	if (!path || !strcmp(path, "-")) {
		o->fp = stdout;
		return 0;
	}
	o->path = xstrdup(path);
	o->tmp = xasprintf("%s.tmp.XXXXXX", path);
	int fd = mkstemp(o->tmp);
	if (fd < 0 || !(o->fp = fdopen(fd, "wb"))) {
		int saved = errno;
		if (fd >= 0) {
			close(fd);
			unlink(o->tmp);
		}
		error("%s: cannot create: %s", path, strerror(saved));
		free(o->path);
		free(o->tmp);
		memset(o, 0, sizeof(*o));
		return -1;
	}
	/* mkstemp creates 0600; an output file is an ordinary document. */
	mode_t mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	return 0;
}

int output_commit(struct output *o)
{
	int rc = 0;
	if (!o->path) {
		if (fflush(stdout) != 0 || ferror(stdout))
			rc = error("standard output: write failed: %s", strerror(errno));
		return rc;
	}
	int bad = ferror(o->fp);
	if (fclose(o->fp) != 0 || bad)
		rc = error("%s: write failed: %s", o->path, strerror(errno ? errno : EIO));
	else if (rename(o->tmp, o->path) < 0)
		rc = error("%s: cannot rename into place: %s", o->path, strerror(errno));
	if (rc < 0)
		unlink(o->tmp);
	free(o->path);
	free(o->tmp);
	memset(o, 0, sizeof(*o));
	return rc;
}

void output_abort(struct output *o)
{
	if (o->path) {
		fclose(o->fp);
		unlink(o->tmp);
	}
	free(o->path);
	free(o->tmp);
	memset(o, 0, sizeof(*o));
}
