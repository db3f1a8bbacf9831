#include "model/fields.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/limits.h"
#include "model/util/strbuf.h"
#include "model/util/textcheck.h"
#include "model/util/xalloc.h"
#include "model/util/i18n.h"

const char *place_json_path(const struct place *p, char *buf, size_t size)
{
	if (!p->e->array) {
		if (p->f && (p->f->flags & F_ROOT))
			snprintf(buf, size, "$.%s", p->f->key);
		else if (p->f)
			snprintf(buf, size, "$.organization.%s", p->f->key);
		else
			snprintf(buf, size, "$.organization");
		return buf;
	}
	int n = p->index == ARRAY_WHOLE ? snprintf(buf, size, "$.%s", p->e->array)
					: snprintf(buf, size, "$.%s[%ld]", p->e->array, p->index);
	if (p->f && p->f->parent && n > 0 && (size_t)n < size)
		n += snprintf(buf + n, size - (size_t)n, ".%s.%s", p->f->parent, field_json_key(p->f));
	else if (p->f && n > 0 && (size_t)n < size)
		n += snprintf(buf + n, size - (size_t)n, ".%s", p->f->key);
	if (p->f && p->sub >= 0 && n > 0 && (size_t)n < size)
		snprintf(buf + n, size - (size_t)n, "[%ld]", p->sub);
	return buf;
}

void diag_place(struct diag *d, const struct place *p, const char *fmt, ...)
{
	char buf[512], path[256];
	const char *loc = d->locate ? d->locate(d->locate_ctx, p, buf, sizeof(buf)) : NULL;
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	if (loc)
		diag_msg(d, "%s: %s", loc, msg);
	else
		diag_msg(d, "%s: %s: %s", d->file, place_json_path(p, path, sizeof(path)), msg);
	free(msg);
}

#define AT(sub_) (&(struct place){ e, index, f, (sub_) })

/* A string of the field's form, into the pool; NULL after a report. */
static const char *checked(struct field_checks *fc, const struct entity *e, long index, const struct field *f,
			   long sub, const char *s)
{
	char show[SHOWN_SIZE];
	switch (f->type) {
	case FT_ID:
	case FT_REF:
	case FT_REFS:
		if (f->type == FT_REF && (f->flags & F_STAR) && !strcmp(s, "*"))
			break;
		if (!id_valid(s)) {
			if (f->flags & F_STAR)
				diag_place(fc->d, AT(sub), _("invalid id \"%s\""), shown(show, s));
			else
				diag_place(fc->d, AT(sub), _("invalid id \"%s\": use 1-%d characters of A-Z a-z 0-9 . _ : -"),
					   shown(show, s), ID_MAX);
			return NULL;
		}
		break;
	case FT_DATE:
		if (!date_valid(s)) {
			diag_place(fc->d, AT(sub), _("invalid date \"%s\": use YYYY-MM-DD, a real calendar day"), shown(show, s));
			return NULL;
		}
		break;
	default: /* names and texts */
		if (strlen(s) > TEXT_MAX) {
			diag_place(fc->d, AT(sub), _("longer than %d bytes (limit, see docs/limits.md)"), TEXT_MAX);
			return NULL;
		}
		if (f->type == FT_NAME && !s[0]) {
			diag_place(fc->d, AT(sub), _("empty name"));
			return NULL;
		}
		if (!name_valid(s)) {
			if (f->type == FT_NAME)
				diag_place(fc->d, AT(sub), _("name contains a control character"));
			else
				diag_place(fc->d, AT(sub), _("text contains a control character"));
			return NULL;
		}
	}
	return pool_strdup(&fc->inv->pool, s);
}

static void set_list(struct field_checks *fc, const struct entity *e, long index, const struct field *f,
		     struct strlist *l, const struct raw *raw)
{
	l->given = 1;
	if (raw->n > LIST_MAX) {
		diag_place(fc->d, AT(-1), _("more than %d entries (limit, see docs/limits.md)"), LIST_MAX);
		return;
	}
	l->v = xcalloc(raw->n + 1, sizeof(*l->v));
	for (size_t i = 0; i < raw->n; i++) {
		const char *s = raw->list[i] ? checked(fc, e, index, f, (long)i, raw->list[i]) : NULL;
		if (s)
			l->v[l->n++] = s;
	}
}

static itemset resolve_items(struct field_checks *fc, const struct entity *e, long index, const struct field *f,
			     const struct raw *raw)
{
	char show[SHOWN_SIZE];
	itemset set = 0, one;
	if (raw->n > LIST_MAX) {
		diag_place(fc->d, AT(-1), _("more than %d entries (limit, see docs/limits.md)"), LIST_MAX);
		return 0;
	}
	for (size_t i = 0; i < raw->n; i++) {
		if (!raw->list[i])
			continue;
		if (catalog_resolve(fc->cat, raw->list[i], &one))
			set |= one;
		else
			diag_place(fc->d, AT((long)i),
				   _("unknown item \"%s\" (use an id such as I-6, a section wildcard I-* A-* B-* C-*, or *)"),
				   shown(show, raw->list[i]));
	}
	return set;
}

void field_set(struct field_checks *fc, const struct entity *e, long index, const struct field *f, void *obj,
	       const struct raw *raw)
{
	void *m = field_ptr(obj, f);
	char show[SHOWN_SIZE];
	if (f->type == FT_BOOL)
		*(bool *)m = f->dflt;
	else if (f->type == FT_ENUM)
		*(int *)m = f->dflt;
	else if (f->type == FT_TRIBOOL)
		*(int *)m = -1;
	else if (f->type == FT_ITEM)
		*(int *)m = -1;
	if (raw->kind == RAW_ABSENT) {
		if (f->flags & F_REQUIRED)
			diag_place(fc->d, &(struct place){ e, index, NULL, -1 }, _("missing required key \"%s\""), f->key);
		return;
	}
	if (raw->kind == RAW_INVALID)
		return;
	switch (f->type) {
	case FT_BOOL:
		*(bool *)m = raw->b;
		break;
	case FT_TRIBOOL:
		*(int *)m = raw->b != 0;
		break;
	case FT_ENUM: {
		int i = 0;
		while (f->names[i] && strcmp(f->names[i], raw->s))
			i++;
		if (f->names[i]) {
			*(int *)m = i;
			break;
		}
		struct strbuf sb = STRBUF_INIT;
		for (int j = 0; f->names[j]; j++)
			strbuf_addf(&sb, "%s%s", j ? ", " : "", f->names[j]);
		diag_place(fc->d, AT(-1), _("unknown value \"%s\" (allowed: %s)"), shown(show, raw->s), strbuf_str(&sb));
		strbuf_release(&sb);
		break;
	}
	case FT_REFS:
	case FT_TEXTS:
		set_list(fc, e, index, f, m, raw);
		break;
	case FT_ITEMS:
		*(itemset *)m = resolve_items(fc, e, index, f, raw);
		break;
	case FT_ITEM: {
		/* One item, as text first (its form), then the catalog. */
		struct field text = *f;
		text.type = FT_TEXT;
		const char *s = checked(fc, e, index, &text, -1, raw->s);
		if (s && (*(int *)m = catalog_index(fc->cat, s)) < 0)
			diag_place(fc->d, AT(-1), _("unknown item \"%s\" (assignments name one item; see `bunkai items`)"),
				   shown(show, s));
		break;
	}
	default:
		*(const char **)m = checked(fc, e, index, f, -1, raw->s);
	}
}

void entity_finish(struct field_checks *fc, const struct entity *e, long index, void *obj)
{
	if (e->check)
		e->check(fc, e, obj, (size_t)index);
}

/* ---- the checks across fields, named in entities[] ---- */

static void check_dates(struct field_checks *fc, const struct entity *e, long index, const char *start,
			const char *end)
{
	if (start && end && strcmp(start, end) > 0)
		diag_place(fc->d, &(struct place){ e, index, entity_field(e, "end"), -1 }, _("ends (%s) before it starts (%s)"),
			   end, start);
}

/* 初回確認 (SPEC 9.3): an answer and its date together; `confirmed` means a
   yes on that date, so beside a first_check it must say the same. */
static void check_first_check(struct field_checks *fc, const struct entity *e, long index, int answer,
			      const char *date, const char *confirmed)
{
	const struct field *fa = entity_field(e, "first_check"), *fd = entity_field(e, "first_check_date");
	if (answer >= 0 && !date)
		diag_place(fc->d, &(struct place){ e, index, fd, -1 },
			   _("a first check (初回確認) needs its date as well as its answer"));
	else if (answer < 0 && date)
		diag_place(fc->d, &(struct place){ e, index, fa, -1 },
			   _("a first check (初回確認) needs its answer (yes/no, はい/いいえ) as well as its date"));
	else if (answer >= 0 && confirmed && (answer != 0 || strcmp(date, confirmed)))
		diag_place(fc->d, &(struct place){ e, index, fa, -1 },
			   _("confirmed (%s) and the first check (%s on %s) disagree: confirmed means a yes first check "
			   "on that date; keep one of them"),
			   confirmed, answer_names[answer], date);
}

void contract_check(struct field_checks *fc, const struct entity *e, void *obj, size_t index)
{
	struct contract *c = obj;
	check_dates(fc, e, (long)index, c->start, c->end);
	check_first_check(fc, e, (long)index, c->first_check, c->first_check_date, c->confirmed);
	c->support &= ~c->lead; /* an item led is not also supported */
}

void subcontract_check(struct field_checks *fc, const struct entity *e, void *obj, size_t index)
{
	struct subcontract *s = obj;
	check_dates(fc, e, (long)index, s->start, s->end);
	check_first_check(fc, e, (long)index, s->first_check, s->first_check_date, NULL);
	s->support &= ~s->lead;
}

void interface_check(struct field_checks *fc, const struct entity *e, void *obj, size_t index)
{
	struct interface *f = obj;
	if (f->parties.given && f->parties.n < 2)
		diag_place(fc->d, &(struct place){ e, (long)index, entity_field(e, "parties"), -1 },
			   _("an interface agreement needs at least 2 vendors"));
}

void assignment_check(struct field_checks *fc, const struct entity *e, void *obj, size_t index)
{
	struct assignment *a = obj;
	check_first_check(fc, e, (long)index, a->first_check, a->first_check_date, a->confirmed);
	if (a->item < 0)
		return;
	const struct catalog_item *it = &fc->cat->items[a->item];
	if (it->scope == SCOPE_ORGANIZATION && a->system) {
		diag_place(fc->d, &(struct place){ e, (long)index, entity_field(e, "system"), -1 },
			   _("%s is an organization item: it takes no system"), it->id);
		a->item = -1;
	} else if (it->scope == SCOPE_SYSTEM && !a->system) {
		diag_place(fc->d, &(struct place){ e, (long)index, NULL, -1 },
			   _("missing required key \"system\" (%s is assigned per system; use \"*\" for all)"), it->id);
		a->item = -1;
	}
}
