#include "libzip_dl.h"

#include "model/util/i18n.h"
#include "sonames.h" /* generated: build/gen */

DLIB_LOADER(libzip_load, LIBZIP_SONAME, _("reading Excel workbooks"), LIBZIP_FUNCTIONS)
