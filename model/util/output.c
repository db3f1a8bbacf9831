#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/util/exit_codes.h"
#include "model/util/xalloc.h"
#include "model/util/i18n.h"

/*
** A link that leads to this process's own standard output or error:
** /dev/stdout, /dev/fd/2, /proc/self/fd/1. The user asked for that stream,
** not for the link to be replaced (run as root, replacing /dev/stdout with a
** file would break it for every program on the machine). 1 or 2, or 0.
*/
static int stream_of_link(const char *path)
{
	struct stat target, s;
	if (stat(path, &target) < 0)
		return 0;
	for (int fd = 1; fd <= 2; fd++)
		if (fstat(fd, &s) == 0 && s.st_dev == target.st_dev && s.st_ino == target.st_ino)
			return fd;
	return 0;
}

/* The output is `fd` (opened for path, or -1 with errno set). */
static int write_to_fd(struct output *o, const char *path, int fd)
{
	if (fd < 0 || !(o->fp = fdopen(fd, "wb"))) {
		int saved = errno;
		if (fd >= 0)
			close(fd);
		return error(_("%s: cannot open for writing: %s"), path, strerror(saved)), EXIT_FAILURE_IO;
	}
	o->path = xstrdup(path);
	return 0;
}

/* Write into that stream: a copy of its descriptor, so that its offset and
   O_APPEND are the shell's (a `>>` redirection is appended to). */
static int open_stream(struct output *o, const char *path, int stream)
{
	return write_to_fd(o, path, fcntl(stream, F_DUPFD_CLOEXEC, 3));
}

/* Write into an existing character device or FIFO as it is. */
static int open_in_place(struct output *o, const char *path)
{
	return write_to_fd(o, path, open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC));
}

void output_take_attributes(int fd, const char *path)
{
	struct stat old;
	if (lstat(path, &old) == 0 && S_ISREG(old.st_mode)) {
		/* Owner first: chown clears set-id bits that fchmod then restores. */
		if (geteuid() == 0 && fchown(fd, old.st_uid, old.st_gid) < 0)
			error(_("%s: cannot keep the owner: %s"), path, strerror(errno));
		fchmod(fd, old.st_mode & 07777);
	} else {
		/* mkstemp creates 0600; a new output is an ordinary document. */
		mode_t mask = umask(0);
		umask(mask);
		fchmod(fd, 0666 & ~mask);
	}
}

/* A temporary file beside `path`, to be renamed onto it; a regular file
   there now passes on its mode and owner (a link's target does not). */
static int open_replacement(struct output *o, const char *path)
{
	char *tmp = xasprintf("%s.tmp.XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		int saved = errno;
		free(tmp);
		error(_("%s: cannot create: %s"), path, strerror(saved));
		/* A folder that does not exist is a mistake in the path, not a failure. */
		return saved == ENOENT || saved == ENOTDIR ? EXIT_USAGE : EXIT_FAILURE_IO;
	}
	output_take_attributes(fd, path);
	if (!(o->fp = fdopen(fd, "wb"))) {
		int saved = errno;
		close(fd);
		unlink(tmp);
		free(tmp);
		return error(_("%s: cannot create: %s"), path, strerror(saved)), EXIT_FAILURE_IO;
	}
	o->path = xstrdup(path);
	o->tmp = tmp;
	return 0;
}

/* Say why what is at path cannot take an output; EXIT_USAGE. */
static int refuse(const char *path, const struct stat *st, const char *option)
{
	const char *what = S_ISDIR(st->st_mode)	  ? _("a folder")
			   : S_ISSOCK(st->st_mode) ? _("a socket")
			   : S_ISBLK(st->st_mode)  ? _("a block device")
			   : S_ISCHR(st->st_mode)  ? _("a character device")
			   : S_ISFIFO(st->st_mode) ? _("a FIFO")
						   : _("not a file");
	error(_("%s: is %s; %s takes a file name"), path, what, option);
	return EXIT_USAGE;
}

int output_open(struct output *o, const char *path)
{
	memset(o, 0, sizeof(*o));
	if (!path || !strcmp(path, "-")) {
		o->fp = stdout;
		return 0;
	}
	int rc = output_check(path, "-o", 0);
	if (rc)
		return rc;
	struct stat st;
	if (lstat(path, &st) < 0) {
		int saved = errno;
		if (saved == ENOENT)
			return open_replacement(o, path);
		error("%s: %s", path, strerror(saved));
		return saved == ENOTDIR ? EXIT_USAGE : EXIT_FAILURE_IO;
	}
	if (S_ISREG(st.st_mode))
		return open_replacement(o, path);
	if (S_ISLNK(st.st_mode)) {
		int stream = stream_of_link(path);
		return stream ? open_stream(o, path, stream) : open_replacement(o, path);
	}
	if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))
		return open_in_place(o, path);
	return refuse(path, &st, "-o");
}

int output_check(const char *path, const char *option, int whole_file)
{
	struct stat st;
	if (!path || !strcmp(path, "-"))
		return 0;
	if (!path[0])
		return (whole_file ? error(_("%s: empty path"), option)
				   : error(_("%s: empty path (use -o - for standard output)"), option)),
		       EXIT_USAGE;
	if (lstat(path, &st) < 0 || S_ISREG(st.st_mode))
		return 0;
	if (S_ISLNK(st.st_mode)) {
		int stream = stream_of_link(path);
		if (stream && whole_file)
			return error(stream == 1 ? _("%s: is the standard output; %s takes a file name")
						 : _("%s: is the standard error; %s takes a file name"),
				     path, option),
			       EXIT_USAGE;
		return 0;
	}
	if (!whole_file && (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)))
		return 0;
	return refuse(path, &st, option);
}

int output_commit(struct output *o)
{
	int rc = 0;
	if (!o->path) {
		if (fflush(stdout) != 0 || ferror(stdout))
			rc = error(_("standard output: write failed: %s"), strerror(errno));
		return rc < 0 ? EXIT_FAILURE_IO : 0;
	}
	errno = 0;
	int bad = fflush(o->fp) != 0 || ferror(o->fp);
	int saved = errno;
	if (fclose(o->fp) != 0 && !bad) {
		bad = 1;
		saved = errno;
	}
	if (bad)
		rc = error(_("%s: write failed: %s"), o->path, strerror(saved ? saved : EIO));
	else if (o->tmp && rename(o->tmp, o->path) < 0)
		rc = error(_("%s: cannot rename into place: %s"), o->path, strerror(errno));
	if (rc < 0 && o->tmp)
		unlink(o->tmp);
	free(o->path);
	free(o->tmp);
	memset(o, 0, sizeof(*o));
	return rc < 0 ? EXIT_FAILURE_IO : 0;
}

void output_abort(struct output *o)
{
	if (o->path) {
		fclose(o->fp);
		if (o->tmp)
			unlink(o->tmp);
	}
	free(o->path);
	free(o->tmp);
	memset(o, 0, sizeof(*o));
}
