#include "graphviz_dl.h"

#include "model/util/i18n.h"
#include "sonames.h" /* generated: build/gen */

DLIB_LOADER(graphviz_load, GVC_SONAME, _("drawing diagrams"), GRAPHVIZ_SYMBOLS)
