/*
** make bench's stopwatch: runs a command and writes "SECONDS MAXRSS_KB" of
** it to a file. The time is taken around fork and wait (the command's own
** start-up included, nothing of the shell's or of a second program's), the
** memory is wait4's maximum resident set size. With -c CPU the command runs
** on that core only (sched_setaffinity before exec: no taskset started).
**
**   timeit [-c CPU] -o FILE COMMAND [ARG...]
**
** Exit status: the command's (or 127 when it cannot be started).
*/
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int cpu = -1, i = 1;
	const char *out = NULL;
	for (; i + 1 < argc && argv[i][0] == '-'; i += 2) {
		if (!strcmp(argv[i], "-c"))
			cpu = atoi(argv[i + 1]);
		else if (!strcmp(argv[i], "-o"))
			out = argv[i + 1];
		else
			break;
	}
	if (!out || i >= argc) {
		fprintf(stderr, "usage: timeit [-c CPU] -o FILE COMMAND [ARG...]\n");
		return 2;
	}
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid_t pid = fork();
	if (pid == 0) {
		if (cpu >= 0) {
			cpu_set_t set;
			CPU_ZERO(&set);
			CPU_SET(cpu, &set);
			if (sched_setaffinity(0, sizeof(set), &set) != 0)
				_exit(127);
		}
		execvp(argv[i], argv + i);
		_exit(127);
	}
	if (pid < 0)
		return 127;
	int status = 0;
	struct rusage ru;
	if (wait4(pid, &status, 0, &ru) != pid)
		return 127;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	FILE *f = fopen(out, "w");
	if (!f)
		return 127;
	fprintf(f, "%.6f %ld\n", (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9, ru.ru_maxrss);
	if (fclose(f) != 0)
		return 127;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
