#define _GNU_SOURCE /* sched_getaffinity */
#include "measure.h"

#include <errno.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "analyzer/analysis/pipeline.h"
#include "model/db/db.h"
#include "model/util/exit_codes.h"
#include "model/json/json_patch.h"
#include "model/json/load_json.h"
#include "model/util/diag.h"
#include "model/util/heap.h"
#include "model/util/progress.h"
#include "model/util/strbuf.h"
#include "model/util/xalloc.h"
#include "model/util/i18n.h"

int finding_set_read(sqlite3 *db, struct finding_set *out)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *st = db_statement(db, "SELECT id, rank FROM findings WHERE in_view AND accepted IS NULL ORDER BY id",
				       "plan findings");
	size_t cap = 0, cap_r = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		out->ids = xgrow(out->ids, &cap, out->n + 1, sizeof(*out->ids));
		out->ranks = xgrow(out->ranks, &cap_r, out->n + 1, sizeof(*out->ranks));
		out->ids[out->n] = xstrdup((const char *)sqlite3_column_text(st, 0));
		out->ranks[out->n++] = sqlite3_column_int(st, 1);
	}
	db_done(st);
	return rc == SQLITE_DONE ? 0 : error(_("plan: reading the findings: %s"), sqlite3_errmsg(db));
}

long finding_set_find(const struct finding_set *s, const char *id)
{
	size_t lo = 0, hi = s->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(s->ids[mid], id);
		if (!c)
			return (long)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

void finding_set_release(struct finding_set *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->ids[i]);
	free(s->ids);
	free(s->ranks);
	memset(s, 0, sizeof(*s));
}

/* The model of this process's last re-analysis, cleared for the next one
   rather than built again (db_reopen): its schema and compiled statements
   are most of a hospital's re-analysis. Closed by measure_edits. */
static sqlite3 *model;

/* The document with `edit` applied, analyzed: 0 and *out filled; 1 when it
   is not a valid inventory; -1 after printing an internal error. */
static int measure_edit(const struct measure *m, const cJSON *edit, struct finding_set *out)
{
	memset(out, 0, sizeof(*out));
	cJSON *doc = cJSON_Duplicate(m->doc, 1);
	const char *why;
	if (!doc)
		die(3, _("out of memory"));
	if (json_patch_apply(doc, edit, &why) < 0) {
		cJSON_Delete(doc);
		return 1;
	}
	struct inventory inv;
	inventory_init(&inv);
	struct diag d;
	diag_init(&d, "plan");
	int valid = inventory_load_tree(&inv, m->cat, doc, &d) == 0;
	diag_release(&d);
	int rc = valid ? -1 : 1;
	progress_mark("edited inventory");
	if (valid) {
		model = db_reopen(model, &inv);
		progress_mark("model reused or opened");
		if (model && db_load(model, m->cat, &inv, m->as_of, m->every_table) == 0 &&
		    pipeline_analyze(model, m->rules, 0, m->max_check_age, m->view, 0) == EXIT_OK)
			rc = finding_set_read(model, out);
		/* A model that is not reused (a large one) goes now, not after the
		   next edit's copy of the document: its memory is reused instead of
		   fresh pages touched (100,000 devices: 35 s of plan, not 54). */
		if (!db_keeps(model)) {
			db_close(model);
			model = NULL;
		}
	}
	inventory_release(&inv);
	cJSON_Delete(doc);
	return rc;
}

/*
** The plan's re-analyses in parallel. Each worker process measures the
** edits i with i % workers == its number, keeps what it found in memory and
** sends it back at the end through a pipe, as records
**   int32 i, int32 rc, uint32 n, then n times: int32 rank, uint32 len, bytes;
** this process measures its own share meanwhile, then reads the workers'
** in order. The results do not depend on how the edits were shared.
*/
enum { WORKERS_MAX = 8 };

static int usable_cores(void)
{
	cpu_set_t set;
	if (sched_getaffinity(0, sizeof(set), &set) != 0)
		return 1;
	int n = CPU_COUNT(&set);
	return n < 1 ? 1 : n > WORKERS_MAX ? WORKERS_MAX : n;
}

static void put_u32(struct strbuf *sb, uint32_t v)
{
	strbuf_add(sb, (const char *)&v, sizeof(v));
}

/* A worker: its share measured, sent, and gone without running the
   parent's exit handlers or flushing its buffers. */
static void worker(const struct measure *m, const cJSON *const *edits, size_t n, size_t k, size_t workers, int fd)
{
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = k; i < n; i += workers) {
		struct finding_set s;
		int rc = measure_edit(m, edits[i], &s);
		if (rc < 0)
			_exit(EXIT_FAILURE_IO); /* the error is printed */
		put_u32(&sb, (uint32_t)i);
		put_u32(&sb, (uint32_t)rc);
		put_u32(&sb, rc == 0 ? (uint32_t)s.n : 0);
		for (size_t j = 0; rc == 0 && j < s.n; j++) {
			put_u32(&sb, (uint32_t)s.ranks[j]);
			put_u32(&sb, (uint32_t)strlen(s.ids[j]));
			strbuf_addstr(&sb, s.ids[j]);
		}
		if (rc == 0)
			finding_set_release(&s);
	}
	for (size_t off = 0; off < sb.len;) {
		ssize_t w = write(fd, sb.buf + off, sb.len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			_exit(EXIT_FAILURE_IO);
		off += (size_t)w;
	}
	_exit(EXIT_OK);
}

static int get_u32(const char **p, const char *end, uint32_t *v)
{
	if ((size_t)(end - *p) < sizeof(*v))
		return -1;
	memcpy(v, *p, sizeof(*v));
	*p += sizeof(*v);
	return 0;
}

/* What worker k sent, into rc[] and out[]: how many edits of its share it
   answered, or (size_t)-1 when what it sent does not read as that. */
static size_t take_results(const char *p, const char *end, size_t n, size_t k, size_t workers, int *rc,
			   struct finding_set *out)
{
	size_t answered = 0;
	while (p < end) {
		uint32_t i, r, count;
		if (get_u32(&p, end, &i) || get_u32(&p, end, &r) || get_u32(&p, end, &count) || i >= n || i % workers != k ||
		    out[i].ids || count > (size_t)(end - p) / 8) /* each id takes 8 bytes and more */
			return (size_t)-1;
		answered++;
		rc[i] = (int)r;
		memset(&out[i], 0, sizeof(out[i]));
		out[i].ids = xcalloc(count + 1, sizeof(*out[i].ids));
		out[i].ranks = xcalloc(count + 1, sizeof(*out[i].ranks));
		for (; out[i].n < count; out[i].n++) {
			uint32_t rank, len;
			if (get_u32(&p, end, &rank) || get_u32(&p, end, &len) || (size_t)(end - p) < len)
				return (size_t)-1;
			out[i].ranks[out[i].n] = (int)rank;
			out[i].ids[out[i].n] = xstrndup(p, len);
			p += len;
		}
	}
	return answered;
}

static int read_all(int fd, struct strbuf *sb)
{
	char chunk[65536];
	for (;;) {
		ssize_t got = read(fd, chunk, sizeof(chunk));
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			return -1;
		if (got == 0)
			return 0;
		strbuf_add(sb, chunk, (size_t)got);
	}
}

int measure_edits(const struct measure *m, const cJSON *const *edits, size_t n, int *rc, struct finding_set *out)
{
	heap_keep(); /* every re-analysis reuses the memory of the one before */
	size_t workers = (size_t)usable_cores();
	if (workers > n / 2)
		workers = n / 2 ? n / 2 : 1; /* each process measures two edits at least */
	pid_t pid[WORKERS_MAX] = { 0 };
	int fd[WORKERS_MAX] = { 0 };
	unsigned char here[WORKERS_MAX] = { 1 }; /* share k measured in this process */
	fflush(NULL); /* nothing buffered is written twice */
	for (size_t k = 1; k < workers; k++) {
		int pipefd[2];
		if (pipe(pipefd) != 0) {
			here[k] = 1; /* no worker: its share is measured here */
			continue;
		}
		pid[k] = fork();
		if (pid[k] == 0) {
			close(pipefd[0]);
			worker(m, edits, n, k, workers, pipefd[1]);
		}
		close(pipefd[1]);
		if (pid[k] < 0) {
			close(pipefd[0]);
			here[k] = 1;
			continue;
		}
		fd[k] = pipefd[0];
	}
	int failed = 0;
	for (size_t k = 0; k < workers && !failed; k++)
		for (size_t i = k; here[k] && i < n && !failed; i += workers)
			failed = (rc[i] = measure_edit(m, edits[i], &out[i])) < 0;
	for (size_t k = 1; k < workers; k++) {
		if (here[k])
			continue;
		struct strbuf sb = STRBUF_INIT;
		int status = 0;
		int bad = read_all(fd[k], &sb) < 0;
		close(fd[k]);
		bad |= waitpid(pid[k], &status, 0) != pid[k] || !WIFEXITED(status) || WEXITSTATUS(status) != EXIT_OK;
		/* Every edit of its share answered, none other. */
		bad |= !failed && take_results(sb.buf, sb.buf + sb.len, n, k, workers, rc, out) !=
				       (n - k + workers - 1) / workers;
		strbuf_release(&sb);
		if (bad && !failed)
			error(_("internal error: a process measuring the plan's actions failed"));
		failed |= bad;
	}
	db_close(model);
	model = NULL;
	return failed ? -1 : 0;
}
