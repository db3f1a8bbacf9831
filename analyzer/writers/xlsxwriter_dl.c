#include "xlsxwriter_dl.h"

#include "model/util/i18n.h"
#include "sonames.h" /* generated: build/gen */

XLSXWRITER_FUNCTIONS(DLIB_DEFINE)

int xlsxwriter_load(void)
{
	static int state;
	static const struct dlib_symbol syms[] = { XLSXWRITER_FUNCTIONS(DLIB_ENTRY){ NULL, NULL } };
	return dlib_open(&state, XLSXWRITER_SONAME, _("writing Excel workbooks"), syms);
}
