#include "idmap.h"

#include "model/util/i18n.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/util/xalloc.h"

struct idmap_slot {
	const char *key;
	struct idref ref;
};

/* Marked for the catalog: messages print them through gettext. */
const char *const id_kind_names[] = { N_("nothing"), N_("the organization"), N_("vendor"), N_("system"), N_("device"),
				      N_("contract"), N_("subcontract"), N_("remote access"), N_("interface"), N_("network"),
				      N_("party") };

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

void idmap_init(struct idmap *m, size_t expected)
{
	size_t cap = 16;
	while (cap < expected * 2)
		cap *= 2;
	m->slots = xcalloc(cap, sizeof(*m->slots));
	m->cap = cap;
	m->n = 0;
}

static struct idmap_slot *find(const struct idmap *m, const char *key)
{
	size_t i = (size_t)hash(key) & (m->cap - 1);
	while (m->slots[i].key && strcmp(m->slots[i].key, key))
		i = (i + 1) & (m->cap - 1);
	return &m->slots[i];
}

static void grow(struct idmap *m)
{
	struct idmap old = *m;
	idmap_init(m, old.cap);
	for (size_t i = 0; i < old.cap; i++)
		if (old.slots[i].key)
			*find(m, old.slots[i].key) = old.slots[i];
	m->n = old.n;
	free(old.slots);
}

const struct idref *idmap_put(struct idmap *m, const char *key, enum id_kind kind, size_t index)
{
	if ((m->n + 1) * 2 > m->cap)
		grow(m);
	struct idmap_slot *s = find(m, key);
	if (s->key)
		return &s->ref;
	s->key = key;
	s->ref.kind = kind;
	s->ref.index = index;
	m->n++;
	return NULL;
}

void idmap_set(struct idmap *m, const char *key, enum id_kind kind, size_t index)
{
	const struct idref *old = idmap_put(m, key, kind, index);
	if (old) {
		struct idmap_slot *s = find(m, key);
		s->key = key;
		s->ref.kind = kind;
		s->ref.index = index;
	}
}

const struct idref *idmap_get(const struct idmap *m, const char *key)
{
	struct idmap_slot *s = find(m, key);
	return s->key ? &s->ref : NULL;
}

void idmap_release(struct idmap *m)
{
	free(m->slots);
	m->slots = NULL;
	m->cap = m->n = 0;
}
