#include "libzip_dl.h"

#include "model/util/i18n.h"
#include "sonames.h" /* generated: build/gen */

LIBZIP_FUNCTIONS(DLIB_DEFINE)

int libzip_load(void)
{
	static int state;
	static const struct dlib_symbol syms[] = { LIBZIP_FUNCTIONS(DLIB_ENTRY){ NULL, NULL } };
	return dlib_open(&state, LIBZIP_SONAME, _("reading Excel workbooks"), syms);
}
