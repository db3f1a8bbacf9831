#include "nettle_dl.h"

#include "model/util/i18n.h"
#include "sonames.h" /* generated: build/gen */

DLIB_LOADER(nettle_load, NETTLE_SONAME, _("the inventory's SHA-256"), NETTLE_FUNCTIONS)
