#include "libcsv_dl.h"

#include "model/util/i18n.h"
#include "sonames.h" /* generated: build/gen */

DLIB_LOADER(libcsv_load, LIBCSV_SONAME, _("reading CSV ledgers"), LIBCSV_FUNCTIONS)
