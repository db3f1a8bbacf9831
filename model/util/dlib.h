/*
** Libraries loaded when a command first needs them.
**
** libxlsxwriter and libzip bring libcrypto, libbz2 and minizip with them,
** Graphviz five libraries of its own: linked into the program, mapping and
** relocating them cost about 5 ms of every run on this project's machine —
** a quarter of a whole analysis of one hospital (docs/performance.md) —
** though only the Excel commands and the drawing ones use them. Their
** functions are reached through pointers filled here on first use instead
** (the way systemd loads its optional libraries). libexpat and libcsv,
** which only reading a workbook or CSV ledgers needs, the same way (0.3 ms
** of every run). Each library lists its functions once, as an X-macro in
** its own header (analyzer/writers/xlsxwriter_dl.h, model/xlsx/libzip_dl.h,
** model/xlsx/expat_dl.h, model/csv/libcsv_dl.h,
** analyzer/writers/graphviz_dl.h). nettle too, which only the HTML
** report's checksum needs (analyzer/analysis/nettle_dl.h).
*/
#ifndef BUNKAI_DLIB_H
#define BUNKAI_DLIB_H

struct dlib_symbol {
	const char *name;
	void **slot;
};

/* Opens `soname` (once per run: later calls give the first answer) and
   fills each slot of `syms`, a list ended by { NULL, NULL }. 0, or -1 after
   an error that names the library and what it is needed for. */
int dlib_open(int *state, const char *soname, const char *needed_for, const struct dlib_symbol *syms);

/* A library's X-macro list of functions, declared as pointers in its
   header: LIST(DLIB_DECLARE). */
#define DLIB_DECLARE(f) extern __typeof__(f) *sym_##f;
#define DLIB_DEFINE(f) __typeof__(f) *sym_##f;
#define DLIB_ENTRY(f) { #f, (void **)&sym_##f },
/* ... and in its .c file, the pointers and `int load(void)`, which opens the
   library once: DLIB_LOADER(load, SONAME, _("what it is needed for"), LIST) */
#define DLIB_LOADER(load, soname, needed_for, LIST)                                  \
	LIST(DLIB_DEFINE)                                                            \
	int load(void)                                                               \
	{                                                                            \
		static int state;                                                    \
		static const struct dlib_symbol syms[] = { LIST(DLIB_ENTRY){ NULL, NULL } }; \
		return dlib_open(&state, soname, needed_for, syms);                  \
	}

#endif
