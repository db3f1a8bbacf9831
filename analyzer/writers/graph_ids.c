#include "graph_ids.h"

#include <stdlib.h>
#include <string.h>

#include "analyzer/writers/graphviz_dl.h"
#include "model/util/idmap.h"
#include "model/util/xalloc.h"

/* Named objects get even IDs 2, 4, 6 … (their name at names[id / 2 - 1]);
   anonymous ones (edges) odd IDs, as cgraph's own discipline does. The names
   are the graph's own strings (agstrdup): cgraph reads a string's header
   to tell an HTML-like string from a plain one (aghtmlstr), and would read
   garbage before a string of ours — a name printed as <…> in the DOT. */
struct ids {
	Agraph_t *g;
	struct idmap map; /* name → index into names */
	char **names;
	size_t n, cap;
	IDTYPE anonymous;
};

static void *ids_open(Agraph_t *g, Agdisc_t *disc)
{
	(void)disc;
	struct ids *s = xcalloc(1, sizeof(*s));
	s->g = g;
	idmap_init(&s->map, 256);
	s->anonymous = 1;
	return s;
}

static long ids_map(void *state, int objtype, char *str, IDTYPE *id, int createflag)
{
	(void)objtype;
	struct ids *s = state;
	if (!str) {
		*id = s->anonymous;
		s->anonymous += 2;
		return 1;
	}
	const struct idref *r = idmap_get(&s->map, str);
	if (!r) {
		if (!createflag)
			return 0;
		s->names = xgrow(s->names, &s->cap, s->n + 1, sizeof(*s->names));
		s->names[s->n] = sym_agstrdup(s->g, str);
		idmap_put(&s->map, s->names[s->n], ID_NONE, s->n);
		r = idmap_get(&s->map, str);
		s->n++;
	}
	*id = (IDTYPE)(r->index + 1) * 2;
	return 1;
}

static long ids_alloc(void *state, int objtype, IDTYPE id)
{
	(void)state;
	(void)objtype;
	(void)id;
	return 0; /* bunkai never asks for an object by a given ID */
}

static void ids_free(void *state, int objtype, IDTYPE id)
{
	(void)state;
	(void)objtype;
	(void)id;
}

static char *ids_print(void *state, int objtype, IDTYPE id)
{
	(void)objtype;
	struct ids *s = state;
	return id % 2 == 0 && id / 2 >= 1 && id / 2 <= s->n ? s->names[id / 2 - 1] : NULL;
}

static void ids_close(void *state)
{
	struct ids *s = state;
	idmap_release(&s->map);
	for (size_t i = 0; i < s->n; i++)
		sym_agstrfree(s->g, s->names[i]);
	free(s->names);
	free(s);
}

static void ids_register(void *state, int objtype, void *obj)
{
	(void)state;
	(void)objtype;
	(void)obj;
}

static Agiddisc_t ids = { ids_open, ids_map, ids_alloc, ids_free, ids_print, ids_close, ids_register };

Agdisc_t *graph_ids_disc(void)
{
	static Agdisc_t disc;
	disc = (Agdisc_t){ sym_AgMemDisc, &ids, sym_AgIoDisc }; /* Graphviz's own, once loaded */
	return &disc;
}
