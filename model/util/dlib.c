#include "dlib.h"

#include <dlfcn.h>

#include "model/util/i18n.h"
#include "model/util/xalloc.h"

int dlib_open(int *state, const char *soname, const char *needed_for, const struct dlib_symbol *syms)
{
	if (*state)
		return *state > 0 ? 0 : -1;
	*state = -1;
	void *h = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
	if (!h)
		return error(_("cannot load %s, needed for %s: %s (is its Debian package installed?)"), soname,
			     needed_for, dlerror());
	for (const struct dlib_symbol *s = syms; s->name; s++) {
		*s->slot = dlsym(h, s->name);
		if (!*s->slot)
			return error(_("%s has no function %s, needed for %s: %s"), soname, s->name, needed_for, dlerror());
	}
	*state = 1; /* kept open until the program ends */
	return 0;
}
