#include "progress.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

/* What the alarm handler may read: set before the timer is armed. */
static const char *volatile current;
static volatile sig_atomic_t shown; /* the line is on the screen */
static int active, profile;
static struct timespec last, mark; /* the phase's start, the last mark */

/* A line is "\r<phase>…" written with write(2): safe in a signal handler. */
static void draw(void)
{
	const char *name = current;
	if (!name)
		return;
	char line[96];
	size_t n = 0;
	static const char head[] = "\rbunkai: ", tail[] = "\xE2\x80\xA6\033[K"; /* … then clear to the end */
	memcpy(line, head, sizeof(head) - 1);
	n = sizeof(head) - 1;
	size_t len = strlen(name);
	if (len > sizeof(line) - n - sizeof(tail))
		len = sizeof(line) - n - sizeof(tail);
	memcpy(line + n, name, len);
	n += len;
	memcpy(line + n, tail, sizeof(tail) - 1);
	n += sizeof(tail) - 1;
	if (write(STDERR_FILENO, line, n) > 0)
		shown = 1;
}

static void on_alarm(int sig)
{
	(void)sig;
	draw();
}

void progress_start(int quiet)
{
	profile = getenv("BUNKAI_PROFILE") != NULL;
	clock_gettime(CLOCK_MONOTONIC, &last);
	mark = last;
	current = "reading";
	if (quiet || profile || !isatty(STDERR_FILENO))
		return;
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sa.sa_flags = SA_RESTART;
	sigaction(SIGALRM, &sa, NULL);
	/* About a second in, then every second while a phase goes on. */
	struct itimerval t = { { 1, 0 }, { 1, 0 } };
	setitimer(ITIMER_REAL, &t, NULL);
	active = 1;
}

void progress_phase(const char *name)
{
	if (profile) {
		struct timespec now;
		clock_gettime(CLOCK_MONOTONIC, &now);
		fprintf(stderr, "bunkai: profile: %-10s %8.1f ms\n", current ? current : "",
			(double)(now.tv_sec - last.tv_sec) * 1e3 + (double)(now.tv_nsec - last.tv_nsec) / 1e6);
		last = mark = now;
	}
	current = name;
	if (active && shown)
		draw();
}

void progress_mark(const char *step)
{
	if (!profile)
		return;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	/* Page faults: on a virtual machine each first touch of a 4 KiB page
	   costs about 10 us, a large part of a small run (docs/performance.md). */
	static long faults;
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	fprintf(stderr, "bunkai: profile:   %-24s %8.1f ms  (peak %ld MB, %ld page faults)\n", step,
		(double)(now.tv_sec - mark.tv_sec) * 1e3 + (double)(now.tv_nsec - mark.tv_nsec) / 1e6,
		ru.ru_maxrss / 1024, ru.ru_minflt + ru.ru_majflt - faults);
	faults = ru.ru_minflt + ru.ru_majflt;
	mark = now;
}

void progress_clear(void)
{
	if (shown && write(STDERR_FILENO, "\r\033[K", 4) > 0)
		shown = 0;
}

/* The run's heap in huge pages and its page faults (model/util/heap.h). */
static void profile_memory(void)
{
	FILE *fp = fopen("/proc/self/smaps_rollup", "r");
	char line[128];
	long huge_kb = -1;
	while (fp && fgets(line, sizeof(line), fp))
		if (sscanf(line, "AnonHugePages: %ld kB", &huge_kb) == 1)
			break;
	if (fp)
		fclose(fp);
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	fprintf(stderr, "bunkai: profile: memory: %ld kB in huge pages, %ld page faults in all\n", huge_kb,
		ru.ru_minflt + ru.ru_majflt);
}

void progress_end(void)
{
	if (profile && current) {
		progress_phase(NULL);
		profile_memory();
	}
	if (!active) {
		current = NULL;
		return;
	}
	struct itimerval off = { { 0, 0 }, { 0, 0 } };
	setitimer(ITIMER_REAL, &off, NULL);
	signal(SIGALRM, SIG_DFL);
	active = 0;
	if (shown && write(STDERR_FILENO, "\r\033[K", 4) < 0)
		return;
	shown = 0;
	current = NULL;
}
