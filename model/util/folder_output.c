#include "folder_output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/util/exit_codes.h"
#include "model/util/strbuf.h"
#include "model/util/xalloc.h"
#include "model/util/i18n.h"

static char *join(const char *dir, const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

/* The owned files present in dir, listed in *present; -1 if one of them is
   not a regular file or a link (it cannot be replaced by a file). */
static int owned_present(const char *dir, const char *const *owned, struct strbuf *present)
{
	int rc = 0;
	for (size_t i = 0; owned[i]; i++) {
		char *path = join(dir, owned[i]);
		struct stat st;
		if (lstat(path, &st) == 0) {
			strbuf_addf(present, "%s%s", present->len ? ", " : "", owned[i]);
			if (!S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode))
				rc = error(_("%s: is not a file; bunkai will not replace it"), path);
		}
		free(path);
	}
	return rc;
}

int folder_output_begin(struct folder_output *f, const char *dir, const char *const *owned, int force)
{
	memset(f, 0, sizeof(*f));
	if (!dir[0])
		return error(_("empty folder name")), EXIT_USAGE;
	size_t n = strlen(dir);
	while (n > 1 && dir[n - 1] == '/')
		n--;
	f->dir = xstrndup(dir, n);
	f->owned = owned;
	struct stat st;
	if (stat(f->dir, &st) == 0) {
		if (!S_ISDIR(st.st_mode)) {
			error(_("%s: exists and is not a folder"), f->dir);
			folder_output_abort(f);
			return EXIT_USAGE;
		}
		f->existed = 1;
		struct strbuf present = STRBUF_INIT;
		int bad = owned_present(f->dir, owned, &present) < 0;
		if (!bad && present.len && !force) {
			error(_("%s: already holds ledger files (%s); nothing was written. Use --force to replace the whole "
			      "set (other files in the folder are kept)"),
			      f->dir, strbuf_str(&present));
			bad = 1;
		}
		strbuf_release(&present);
		if (bad) {
			folder_output_abort(f);
			return EXIT_USAGE;
		}
	} else if (errno != ENOENT) {
		int saved = errno;
		error("%s: %s", f->dir, strerror(saved));
		folder_output_abort(f);
		return saved == ENOTDIR ? EXIT_USAGE : EXIT_FAILURE_IO;
	}
	f->stage = xasprintf("%s.tmp.XXXXXX", f->dir);
	if (!mkdtemp(f->stage)) {
		int saved = errno;
		error(_("%s: cannot create a folder beside it: %s"), f->dir, strerror(saved));
		free(f->stage);
		f->stage = NULL;
		folder_output_abort(f);
		return saved == ENOENT || saved == ENOTDIR ? EXIT_USAGE : EXIT_FAILURE_IO;
	}
	/* mkdtemp makes 0700; a new folder renamed into place is an ordinary one. */
	mode_t mask = umask(0);
	umask(mask);
	chmod(f->stage, 0777 & ~mask);
	return 0;
}

int folder_output_file(struct folder_output *f, struct output *o, const char *name)
{
	char *path = join(f->stage, name);
	int rc = output_open(o, path);
	free(path);
	return rc;
}

/* Give the new file the mode (and, as root, the owner) of the one it replaces. */
static void keep_attributes(const char *from, const char *old)
{
	int fd = open(from, O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		output_take_attributes(fd, old);
		close(fd);
	}
}

int folder_output_commit(struct folder_output *f)
{
	int rc = 0;
	if (!f->existed) {
		if (rename(f->stage, f->dir) < 0) {
			error(_("%s: cannot move into place: %s"), f->dir, strerror(errno));
			folder_output_abort(f);
			return EXIT_FAILURE_IO;
		}
		free(f->stage);
		f->stage = NULL;
		folder_output_abort(f);
		return 0;
	}
	for (size_t i = 0; f->owned[i] && rc == 0; i++) {
		char *from = join(f->stage, f->owned[i]), *to = join(f->dir, f->owned[i]);
		struct stat st;
		if (lstat(from, &st) == 0) {
			keep_attributes(from, to);
			if (rename(from, to) < 0)
				rc = error(_("%s: cannot move into place: %s"), to, strerror(errno));
		} else if (unlink(to) < 0 && errno != ENOENT) {
			/* Not in the new set: a stale ledger would be read by import. */
			rc = error(_("%s: cannot remove the old file: %s"), to, strerror(errno));
		}
		free(from);
		free(to);
	}
	folder_output_abort(f);
	return rc < 0 ? EXIT_FAILURE_IO : 0;
}

void folder_output_abort(struct folder_output *f)
{
	if (f->stage) {
		for (size_t i = 0; f->owned && f->owned[i]; i++) {
			char *path = join(f->stage, f->owned[i]);
			unlink(path);
			free(path);
		}
		rmdir(f->stage);
	}
	free(f->stage);
	free(f->dir);
	memset(f, 0, sizeof(*f));
}
