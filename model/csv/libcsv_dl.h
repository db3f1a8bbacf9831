/*
** libcsv, loaded by csv_table_parse() when a CSV ledger is first read
** (model/util/dlib.h says why). Call its functions as sym_NAME.
*/
#ifndef BUNKAI_LIBCSV_DL_H
#define BUNKAI_LIBCSV_DL_H

#include <csv.h>

#include "model/util/dlib.h"

#define LIBCSV_FUNCTIONS(X) \
	X(csv_error) X(csv_fini) X(csv_free) X(csv_init) X(csv_parse) X(csv_set_blk_size) X(csv_strerror)

LIBCSV_FUNCTIONS(DLIB_DECLARE)

/* 0 once the library is loaded; -1 after saying why it could not be. */
int libcsv_load(void);

#endif
