/*
** libzip, loaded by xlsx_book_open() when a workbook is first read
** (model/util/dlib.h says why). Call its functions as sym_NAME.
*/
#ifndef BUNKAI_LIBZIP_DL_H
#define BUNKAI_LIBZIP_DL_H

#include <zip.h>

#include "model/util/dlib.h"

#define LIBZIP_FUNCTIONS(X)                                                                                        \
	X(zip_discard) X(zip_error_fini) X(zip_error_init) X(zip_error_strerror) X(zip_fclose) X(zip_file_strerror)  \
	X(zip_fopen_index) X(zip_fread) X(zip_name_locate) X(zip_open_from_source) X(zip_source_buffer_create)      \
	X(zip_source_free) X(zip_stat_index) X(zip_strerror)

LIBZIP_FUNCTIONS(DLIB_DECLARE)

/* 0 once the library is loaded; -1 after saying why it could not be. */
int libzip_load(void);

#endif
