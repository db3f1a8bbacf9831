/*
** libexpat, loaded by xlsx_book_open() when a workbook is first read
** (model/util/dlib.h says why). Call its functions as sym_NAME.
*/
#ifndef BUNKAI_EXPAT_DL_H
#define BUNKAI_EXPAT_DL_H

#include <expat.h>

#include "model/util/dlib.h"

#define EXPAT_FUNCTIONS(X)                                                                                         \
	X(XML_ErrorString) X(XML_GetCurrentLineNumber) X(XML_GetErrorCode) X(XML_Parse) X(XML_ParserCreate)          \
	X(XML_ParserFree) X(XML_SetCharacterDataHandler) X(XML_SetElementHandler)                                     \
	X(XML_SetStartDoctypeDeclHandler) X(XML_SetUserData) X(XML_StopParser)

EXPAT_FUNCTIONS(DLIB_DECLARE)

/* 0 once the library is loaded; -1 after saying why it could not be. */
int expat_load(void);

#endif
