#include "graphviz_dl.h"

#include "model/util/i18n.h"
#include "sonames.h" /* generated: build/gen */

GRAPHVIZ_SYMBOLS(DLIB_DEFINE)

int graphviz_load(void)
{
	static int state;
	static const struct dlib_symbol syms[] = { GRAPHVIZ_SYMBOLS(DLIB_ENTRY){ NULL, NULL } };
	return dlib_open(&state, GVC_SONAME, _("drawing diagrams"), syms);
}
