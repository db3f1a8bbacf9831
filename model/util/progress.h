/*
** Long work says what it is doing. On a terminal, once a run has taken about
** a second, one line on stderr names the phase (reading, analyzing, writing…)
** and is cleared at the end; nothing when stderr is not a terminal or with
** --quiet. BUNKAI_PROFILE=1 prints how long each phase took instead.
*/
#ifndef BUNKAI_PROGRESS_H
#define BUNKAI_PROGRESS_H

/* Start timing a run. */
void progress_start(int quiet);
/* The run enters a phase (a static string); the previous one ends. */
void progress_phase(const char *name);
/* BUNKAI_PROFILE only: the time since the last phase or mark, as a step
   inside the phase (a static string). */
void progress_mark(const char *step);
/* Take the line off the screen before a message (the next tick redraws it). */
void progress_clear(void);
/* The run is over: the line is cleared. */
void progress_end(void);

#endif
