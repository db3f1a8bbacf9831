/*
** libxlsxwriter, loaded by xlsx_open() when a workbook is first written
** (model/util/dlib.h says why). Call its functions as sym_NAME.
*/
#ifndef BUNKAI_XLSXWRITER_DL_H
#define BUNKAI_XLSXWRITER_DL_H

#include <xlsxwriter.h>

#include "model/util/dlib.h"

#define XLSXWRITER_FUNCTIONS(X)                                                                                    \
	X(format_set_align) X(format_set_bg_color) X(format_set_bold) X(format_set_border)                          \
	X(format_set_num_format) X(format_set_text_wrap) X(lxw_strerror) X(workbook_add_format)                     \
	X(workbook_add_worksheet) X(workbook_close) X(workbook_new) X(workbook_set_properties)                      \
	X(workbook_validate_sheet_name) X(worksheet_autofilter) X(worksheet_data_validation_range)                  \
	X(worksheet_fit_to_pages) X(worksheet_freeze_panes) X(worksheet_repeat_rows) X(worksheet_set_column)        \
	X(worksheet_set_header) X(worksheet_set_landscape) X(worksheet_set_paper) X(worksheet_set_row)              \
	X(worksheet_write_blank) X(worksheet_write_datetime) X(worksheet_write_number) X(worksheet_write_string)

XLSXWRITER_FUNCTIONS(DLIB_DECLARE)

/* 0 once the library is loaded; -1 after saying why it could not be. */
int xlsxwriter_load(void);

#endif
