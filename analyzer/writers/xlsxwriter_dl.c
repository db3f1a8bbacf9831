#include "xlsxwriter_dl.h"

#include "model/util/i18n.h"
#include "sonames.h" /* generated: build/gen */

DLIB_LOADER(xlsxwriter_load, XLSXWRITER_SONAME, _("writing Excel workbooks"), XLSXWRITER_FUNCTIONS)
