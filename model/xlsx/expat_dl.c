#include "expat_dl.h"

#include "model/util/i18n.h"
#include "sonames.h" /* generated: build/gen */

DLIB_LOADER(expat_load, EXPAT_SONAME, _("reading Excel workbooks"), EXPAT_FUNCTIONS)
