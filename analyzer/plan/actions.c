#include "actions.h"

#include <stdlib.h>
#include <string.h>

#include "analyzer/analysis/message.h"
#include "model/db/db.h"
#include "model/json/json_find.h"
#include "model/json/json_patch.h"
#include "model/util/embedded.h"
#include "model/util/i18n.h"
#include "model/util/idmap.h"
#include "model/util/strbuf.h"
#include "model/util/textcheck.h"
#include "model/util/exit_codes.h"
#include "model/util/xalloc.h"

/* One row of offers.sql: what an action's edit is built from. */
struct offer {
	const char *target, *a, *b, *c;
};

/* What every edit builder needs; `patch` collects its operations. */
/* One array of the document, its elements by index (cJSON's arrays are
   lists: reaching element i walks i elements, and a large inventory's plan
   asks for thousands). */
struct doc_array {
	const char *name;
	const cJSON **v;
	size_t n;
};

struct edit_ctx {
	const cJSON *doc;
	struct doc_array arrays[16]; /* filled when first asked for (the document has fewer arrays) */
	size_t n_arrays;
	const char *as_of;
	char renewed[11]; /* as-of + 1 year */
	struct idmap ids; /* every id of the document, for fresh ones */
	struct namebook names; /* for the titles */
	long fresh;       /* the last plan-N handed out */
	cJSON *patch;
	char *title;
	char *labels[4]; /* label()'s strings, freed in turn */
	int next_label;
};

/* ---- finding things in the document ---- */

/* "name (id)" of a party, system or device, for a title people read
   (SPEC 9.4); the id alone when it has no other name. The string lives
   until four more labels were made. */
static const char *label(struct edit_ctx *x, const char *id)
{
	if (!id)
		return "";
	char **slot = &x->labels[x->next_label++ % 4];
	free(*slot);
	*slot = name_label(&x->names, id);
	return *slot;
}

static const struct doc_array *array_of(struct edit_ctx *x, const char *name)
{
	for (size_t k = 0; k < x->n_arrays; k++)
		if (!strcmp(x->arrays[k].name, name))
			return &x->arrays[k];
	if (x->n_arrays == sizeof(x->arrays) / sizeof(*x->arrays))
		die(EXIT_FAILURE_IO, "internal error: plan: more arrays than %zu", x->n_arrays);
	struct doc_array *a = &x->arrays[x->n_arrays++];
	const cJSON *arr = cJSON_GetObjectItemCaseSensitive(x->doc, name), *el;
	a->name = name;
	a->n = 0;
	a->v = xmalloc(((size_t)cJSON_GetArraySize(arr) + 1) * sizeof(*a->v));
	cJSON_ArrayForEach(el, arr)
		a->v[a->n++] = el;
	return a;
}

static const cJSON *by_index(struct edit_ctx *x, const char *array, long index)
{
	const struct doc_array *a = array_of(x, array);
	const cJSON *el = index >= 0 && (size_t)index < a->n ? a->v[index] : NULL;
	return cJSON_IsObject(el) ? el : NULL;
}

/* The element of doc[array] whose "id" is `id`, and its index: where the
   ids' map says, else (an id in another array too) by a walk. */
static const cJSON *by_id(struct edit_ctx *x, const char *array, const char *id, long *index)
{
	const struct doc_array *a = array_of(x, array);
	const struct idref *r = idmap_get(&x->ids, id);
	if (r && r->index < a->n && json_string_is(a->v[r->index], "id", id)) {
		*index = (long)r->index;
		return a->v[r->index];
	}
	for (size_t i = 0; i < a->n; i++)
		if (json_string_is(a->v[i], "id", id)) {
			*index = (long)i;
			return a->v[i];
		}
	return NULL;
}

/* The index of `value` in obj[key] (an array of strings), or -1. */
static long index_in(const cJSON *obj, const char *key, const char *value)
{
	const cJSON *el;
	long i = 0;
	cJSON_ArrayForEach(el, cJSON_GetObjectItemCaseSensitive(obj, key)) {
		if (cJSON_IsString(el) && !strcmp(el->valuestring, value))
			return i;
		i++;
	}
	return -1;
}

/* A record offers.sql names as "assignment:INDEX", "contract:ID" or
   "subcontract:ID": the element, its array and its index; NULL if none. */
static const cJSON *record_of(struct edit_ctx *x, const char *source, const char **array, long *index)
{
	static const struct {
		const char *prefix, *array;
		int by_index;
	} forms[] = { { "assignment:", "assignments", 1 }, { "contract:", "contracts", 0 },
		      { "subcontract:", "subcontracts", 0 } };
	for (size_t k = 0; k < sizeof(forms) / sizeof(*forms); k++) {
		size_t n = strlen(forms[k].prefix);
		if (strncmp(source, forms[k].prefix, n))
			continue;
		*array = forms[k].array;
		if (!forms[k].by_index)
			return by_id(x, *array, source + n, index);
		*index = atol(source + n);
		return by_index(x, *array, *index);
	}
	return NULL;
}

/* "/ARRAY/INDEX[/KEY]"; caller frees. */
static char *path_of(const char *array, long index, const char *key)
{
	struct strbuf sb = STRBUF_INIT;
	json_pointer_add(&sb, array);
	json_pointer_add_index(&sb, index);
	if (key)
		json_pointer_add(&sb, key);
	return strbuf_detach(&sb);
}

/* ---- building operations ---- */

static void op(struct edit_ctx *x, const char *name, char *path, cJSON *value)
{
	cJSON_AddItemToArray(x->patch, json_patch_op(name, path, value));
	free(path);
}

/* "→": add the key, or replace it when the element has it. */
static void set(struct edit_ctx *x, const char *array, long index, const char *key, cJSON *value)
{
	const cJSON *el = by_index(x, array, index);
	op(x, cJSON_GetObjectItemCaseSensitive(el, key) ? "replace" : "add", path_of(array, index, key), value);
}

/* Append to a list: to its end, or the list whole when it is missing. */
static void append_to(struct edit_ctx *x, const cJSON *container, char *path, cJSON *value)
{
	const cJSON *list = cJSON_GetObjectItemCaseSensitive(container, strrchr(path, '/') + 1);
	if (cJSON_IsArray(list)) {
		char *end = xasprintf("%s/-", path);
		free(path);
		op(x, "add", end, value);
		return;
	}
	cJSON *whole = cJSON_CreateArray();
	cJSON_AddItemToArray(whole, value);
	op(x, list ? "replace" : "add", path, whole);
}

/* A new element of a top-level array. */
static void append_entity(struct edit_ctx *x, const char *array, cJSON *value)
{
	struct strbuf sb = STRBUF_INIT;
	json_pointer_add(&sb, array);
	append_to(x, x->doc, strbuf_detach(&sb), value);
}

/* An id that collides with nothing: plan-1, plan-2 … in the order asked. */
static char *fresh_id(struct edit_ctx *x)
{
	for (;;) {
		char *id = xasprintf("plan-%ld", ++x->fresh);
		if (!idmap_get(&x->ids, id))
			return id;
		free(id);
	}
}

static cJSON *strings(const char *a, const char *b)
{
	cJSON *arr = cJSON_CreateArray();
	if (a)
		cJSON_AddItemToArray(arr, cJSON_CreateString(a));
	if (b)
		cJSON_AddItemToArray(arr, cJSON_CreateString(b));
	return arr;
}

static void add_string(cJSON *o, const char *key, const char *value)
{
	if (value)
		cJSON_AddStringToObject(o, key, value);
}

/* ---- the kinds: each builds its edit and title, or returns -1 when the
   action cannot be offered ---- */

static int renew_contract(struct edit_ctx *x, const struct offer *o)
{
	long i;
	const char *array = "contracts", *what = "contract";
	if (!by_id(x, array, o->target, &i)) {
		array = "subcontracts", what = "subcontract";
		if (!by_id(x, array, o->target, &i))
			return -1;
	}
	set(x, array, i, "end", cJSON_CreateString(x->renewed));
	x->title = !strcmp(what, "contract") ? xasprintf(_("renew contract %s until %s"), o->target, x->renewed)
					      : xasprintf(_("renew subcontract %s until %s"), o->target, x->renewed);
	return 0;
}

static int confirm_contract(struct edit_ctx *x, const struct offer *o)
{
	long i;
	if (!by_id(x, "contracts", o->target, &i))
		return -1;
	set(x, "contracts", i, "confirmed", cJSON_CreateString(x->as_of));
	x->title = xasprintf(_("confirm with the vendor what contract %s assigns, and record the date"), o->target);
	return 0;
}

static int confirm_assignment(struct edit_ctx *x, const struct offer *o)
{
	long i = o->a ? atol(o->a) : -1;
	if (!by_index(x, "assignments", i))
		return -1;
	set(x, "assignments", i, "confirmed", cJSON_CreateString(x->as_of));
	x->title = xasprintf(_("confirm the assignment %s and record the date"), o->target);
	return 0;
}

static int approve_subcontract(struct edit_ctx *x, const struct offer *o)
{
	long i;
	if (!by_id(x, "subcontracts", o->target, &i))
		return -1;
	set(x, "subcontracts", i, "approved", cJSON_CreateString(x->as_of));
	x->title = xasprintf(_("approve subcontract %s (A-10) and record the date"), o->target);
	return 0;
}

static int trim_subcontract(struct edit_ctx *x, const struct offer *o)
{
	long i, j;
	const cJSON *s = by_id(x, "subcontracts", o->a, &i);
	if (!s || (j = index_in(s, "systems", o->b)) < 0)
		return -1;
	char *base = path_of("subcontracts", i, "systems");
	op(x, "remove", xasprintf("%s/%ld", base, j), NULL);
	free(base);
	x->title = xasprintf(_("take %s out of subcontract %s (its prime is not bound to it)"), label(x, o->b), o->a);
	return 0;
}

static int bind_vendor(struct edit_ctx *x, const struct offer *o)
{
	cJSON *c = cJSON_CreateObject();
	char *id = fresh_id(x);
	cJSON_AddStringToObject(c, "id", id);
	cJSON_AddStringToObject(c, "vendor", o->b);
	cJSON_AddStringToObject(c, "kind", "maintenance");
	cJSON_AddItemToObject(c, "systems", strings(o->a, NULL));
	cJSON_AddItemToObject(c, "lead", cJSON_CreateArray());
	cJSON_AddItemToObject(c, "support", cJSON_CreateArray());
	cJSON_AddStringToObject(c, "start", x->as_of);
	append_entity(x, "contracts", c);
	x->title = xasprintf(_("make a contract with %s that covers %s (new contract %s)"), label(x, o->b),
			     label(x, o->a), id);
	free(id);
	return 0;
}

/* A new assignment of ITEM on SYSTEM to PARTY. */
static void assign(struct edit_ctx *x, const char *item, const char *system, const char *party, const char *role)
{
	cJSON *a = cJSON_CreateObject();
	cJSON_AddStringToObject(a, "item", item);
	add_string(a, "system", system);
	cJSON_AddStringToObject(a, "party", party);
	cJSON_AddStringToObject(a, "role", role);
	cJSON_AddStringToObject(a, "confirmed", x->as_of);
	append_entity(x, "assignments", a);
}

static int name_lead(struct edit_ctx *x, const struct offer *o)
{
	if (!o->c)
		return -1;
	assign(x, o->a, o->b, o->c, "lead");
	x->title = o->b ? xasprintf(_("agree that %s leads %s on %s, and record it"), label(x, o->c), o->a,
				    label(x, o->b))
			: xasprintf(_("agree that %s leads %s, and record it"), label(x, o->c), o->a);
	return 0;
}

/* Every lead source of the party becomes support: an assignment's role, or
   the item moved from a one-system contract's lead list to its support. */
static int drop_lead(struct edit_ctx *x, const struct offer *o)
{
	if (!o->c)
		return -1;
	const char *party = strrchr(o->target, '@') + 1;
	char *sources = xstrdup(o->c), *save = NULL;
	int rc = 0;
	for (char *t = strtok_r(sources, " ", &save); t && rc == 0; t = strtok_r(NULL, " ", &save)) {
		const char *array;
		long i, j;
		const cJSON *r = record_of(x, t, &array, &i);
		if (r && !strcmp(array, "assignments")) {
			set(x, array, i, "role", cJSON_CreateString("support"));
		} else if (r && !strcmp(array, "contracts") && (j = index_in(r, "lead", o->a)) >= 0) {
			char *lead = path_of(array, i, "lead");
			op(x, "remove", xasprintf("%s/%ld", lead, j), NULL);
			free(lead);
			if (index_in(r, "support", o->a) < 0)
				append_to(x, r, path_of(array, i, "support"), cJSON_CreateString(o->a));
		} else {
			rc = -1; /* a subcontract, or an item named through a wildcard: not offered */
		}
	}
	free(sources);
	if (rc == 0)
		x->title = o->b ? xasprintf(_("make %s support, not lead, of %s on %s"), label(x, party),
					    o->a, label(x, o->b))
				: xasprintf(_("make %s support, not lead, of %s"), label(x, party), o->a);
	return rc;
}

/* Each record of the lead whose first check said no gets its 完了日. */
static int complete_item(struct edit_ctx *x, const struct offer *o)
{
	if (!o->c)
		return -1;
	char *sources = xstrdup(o->c), *save = NULL;
	int rc = 0;
	for (char *t = strtok_r(sources, " ", &save); t && rc == 0; t = strtok_r(NULL, " ", &save)) {
		const char *array;
		long i;
		if (record_of(x, t, &array, &i))
			set(x, array, i, "completed", cJSON_CreateString(x->as_of));
		else
			rc = -1;
	}
	free(sources);
	const char *party = strrchr(o->target, '@') + 1;
	if (rc == 0)
		x->title = o->b ? xasprintf(_("put %s on %s in place with %s, and record its 完了日"), o->a,
					    label(x, o->b), label(x, party))
				: xasprintf(_("put %s in place with %s, and record its 完了日"), o->a,
					    label(x, party));
	return rc;
}

static int unset_prime(struct edit_ctx *x, const struct offer *o)
{
	long i;
	if (!by_id(x, "contracts", o->target, &i))
		return -1;
	set(x, "contracts", i, "prime", cJSON_CreateFalse());
	x->title = xasprintf(_("contract %s is not a prime contract (one prime coordinates a system)"), o->target);
	return 0;
}

static int name_support(struct edit_ctx *x, const struct offer *o)
{
	assign(x, o->a, o->b, o->c, "support");
	x->title = xasprintf(_("agree %s's part (support) in %s on %s, and record it"), label(x, o->c), o->a,
			     label(x, o->b));
	return 0;
}

static int record_disclosure(struct edit_ctx *x, const struct offer *o)
{
	long i;
	const cJSON *v = by_id(x, "vendors", o->target, &i);
	if (!v)
		return -1;
	append_to(x, v, path_of("vendors", i, "disclosures"), cJSON_CreateString("SDS"));
	x->title = xasprintf(_("obtain %s's SDS (MDS/SDS disclosure) and record it"), label(x, o->target));
	return 0;
}

static int agree_interface(struct edit_ctx *x, const struct offer *o)
{
	cJSON *f = cJSON_CreateObject();
	char *id = fresh_id(x);
	cJSON_AddStringToObject(f, "id", id);
	cJSON_AddItemToObject(f, "parties", strings(o->a, o->b));
	cJSON_AddStringToObject(f, "confirmed", x->as_of);
	append_entity(x, "interfaces", f);
	x->title = xasprintf(_("agree the boundary between %s and %s in writing (new interface %s)"),
			     label(x, o->a), label(x, o->b), id);
	free(id);
	return 0;
}

static int approve_path(struct edit_ctx *x, const struct offer *o)
{
	long i;
	if (!by_id(x, "remote_access", o->target, &i))
		return -1;
	set(x, "remote_access", i, "approved", cJSON_CreateString(x->as_of));
	x->title = xasprintf(_("decide whether to permit remote path %s (I-3), and record the date"), o->target);
	return 0;
}

static int harden_path(struct edit_ctx *x, const struct offer *o)
{
	long i;
	if (!by_id(x, "remote_access", o->target, &i))
		return -1;
	set(x, "remote_access", i, "auth", cJSON_CreateString("mfa"));
	set(x, "remote_access", i, "source_restricted", cJSON_CreateTrue());
	set(x, "remote_access", i, "on_demand", cJSON_CreateTrue());
	x->title = xasprintf(_("harden remote path %s: multi-factor authentication, source addresses restricted, "
			       "opened only for an agreed job"),
			     o->target);
	return 0;
}

static int cut_path(struct edit_ctx *x, const struct offer *o)
{
	long i;
	if (!by_id(x, "remote_access", o->target, &i))
		return -1;
	op(x, "remove", path_of("remote_access", i, NULL), NULL);
	x->title = xasprintf(_("cut remote path %s (no contract covers it)"), o->target);
	return 0;
}

static int check_door(struct edit_ctx *x, const struct offer *o)
{
	long i;
	if (!by_id(x, "devices", o->target, &i) || !o->a)
		return -1;
	cJSON *c = cJSON_CreateObject();
	cJSON_AddStringToObject(c, "device", o->target);
	cJSON_AddStringToObject(c, "check", "patch");
	cJSON_AddStringToObject(c, "answer", "yes");
	cJSON_AddStringToObject(c, "date", x->as_of);
	cJSON_AddStringToObject(c, "by", o->a);
	append_entity(x, "device_checks", c);
	x->title = xasprintf(_("have %s confirm that %s's security patches are current, and record it"),
			     label(x, o->a), label(x, o->target));
	return 0;
}

static int reassign_check(struct edit_ctx *x, const struct offer *o)
{
	const cJSON *el;
	long i = 0, n = 0;
	if (!o->c)
		return -1;
	cJSON_ArrayForEach(el, cJSON_GetObjectItemCaseSensitive(x->doc, "device_checks")) {
		if (json_string_is(el, "device", o->a) && json_string_is(el, "by", o->b)) {
			set(x, "device_checks", i, "by", cJSON_CreateString(o->c));
			n++;
		}
		i++;
	}
	if (!n)
		return -1;
	x->title = xasprintf(_("have %s (responsible for %s) answer its checks instead of %s"), label(x, o->c),
			     label(x, o->a), label(x, o->b));
	return 0;
}

static int add_to_ledger(struct edit_ctx *x, const struct offer *o)
{
	cJSON *d = cJSON_CreateObject();
	cJSON_AddStringToObject(d, "id", o->target);
	cJSON_AddStringToObject(d, "name", o->target);
	cJSON_AddStringToObject(d, "type", "other");
	add_string(d, "system", o->a);
	append_entity(x, "devices", d);
	x->title = o->a ? xasprintf(_("add %s to the device ledger (台帳), in %s"), o->target, label(x, o->a))
			: xasprintf(_("add %s to the device ledger (台帳)"), o->target);
	return 0;
}

static int assign_device(struct edit_ctx *x, const struct offer *o)
{
	long i;
	if (!by_id(x, "devices", o->a, &i))
		return -1;
	set(x, "devices", i, "system", cJSON_CreateString(o->b));
	x->title = xasprintf(_("put device %s in system %s"), label(x, o->a), label(x, o->b));
	return 0;
}

static const struct kind {
	const char *name;
	int (*build)(struct edit_ctx *x, const struct offer *o);
} kinds[] = {
	{ "add-to-ledger", add_to_ledger },
	{ "agree-interface", agree_interface },
	{ "approve-path", approve_path },
	{ "approve-subcontract", approve_subcontract },
	{ "assign-device", assign_device },
	{ "bind-vendor", bind_vendor },
	{ "check-door", check_door },
	{ "complete-item", complete_item },
	{ "confirm-assignment", confirm_assignment },
	{ "confirm-contract", confirm_contract },
	{ "cut-path", cut_path },
	{ "drop-lead", drop_lead },
	{ "harden-path", harden_path },
	{ "name-lead", name_lead },
	{ "name-support", name_support },
	{ "reassign-check", reassign_check },
	{ "record-disclosure", record_disclosure },
	{ "renew-contract", renew_contract },
	{ "trim-subcontract", trim_subcontract },
	{ "unset-prime", unset_prime },
};

static const struct kind *kind_find(const char *name)
{
	for (size_t i = 0; i < sizeof(kinds) / sizeof(*kinds); i++)
		if (!strcmp(kinds[i].name, name))
			return &kinds[i];
	return NULL;
}

/* Every "id" of the document's entities, and the organization's, with its
   index in its array (by_id). */
static void collect_ids(const cJSON *doc, struct idmap *m)
{
	idmap_init(m, 64);
	const cJSON *org = cJSON_GetObjectItemCaseSensitive(doc, "organization"), *arr, *el;
	const cJSON *id = cJSON_GetObjectItemCaseSensitive(org, "id");
	if (cJSON_IsString(id))
		idmap_put(m, id->valuestring, ID_NONE, 0);
	cJSON_ArrayForEach(arr, doc) {
		size_t i = 0;
		if (cJSON_IsArray(arr))
			cJSON_ArrayForEach(el, arr) {
				id = cJSON_GetObjectItemCaseSensitive(el, "id");
				if (cJSON_IsString(id))
					idmap_put(m, id->valuestring, ID_NONE, i); /* its index in its array */
				i++;
			}
	}
}

static char *col(sqlite3_stmt *st, int i)
{
	return (char *)sqlite3_column_text(st, i);
}

int actions_offer(sqlite3 *db, const cJSON *doc, const char *as_of, struct action_list *out)
{
	const struct embedded_file *sql = embedded_find("analyzer/plan/offers.sql");
	sqlite3_stmt *st = db_prepare(db, sql->data, "plan offers");
	struct edit_ctx x = { .doc = doc, .as_of = as_of };
	date_next_year(as_of, x.renewed);
	collect_ids(doc, &x.ids);
	namebook_open(&x.names, db);
	/* The rows come sorted by (kind, target): consecutive rows of one
	   action add the findings it is offered for. */
	char *prev_kind = NULL, *prev_target = NULL;
	struct action *last = NULL; /* the action of the previous rows; NULL if not offered */
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *kind = col(st, 0), *target = col(st, 1), *finding = col(st, 2);
		if (!target)
			continue;
		if (prev_kind && !strcmp(prev_kind, kind) && !strcmp(prev_target, target)) {
			if (last) {
				last->offered_for = xrealloc(last->offered_for, (last->n_offered_for + 1) * sizeof(char *));
				last->offered_for[last->n_offered_for++] = xstrdup(finding);
			}
			continue;
		}
		free(prev_kind);
		free(prev_target);
		prev_kind = xstrdup(kind);
		prev_target = xstrdup(target);
		last = NULL;
		const struct kind *k = kind_find(kind);
		struct offer o = { target, col(st, 3), col(st, 4), col(st, 5) };
		x.patch = cJSON_CreateArray();
		x.title = NULL;
		if (!k || k->build(&x, &o) < 0) {
			cJSON_Delete(x.patch);
			free(x.title);
			continue;
		}
		out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof(*out->v));
		last = &out->v[out->n++];
		memset(last, 0, sizeof(*last));
		last->kind = xstrdup(kind);
		last->target = xstrdup(target);
		last->id = xasprintf("%s@%s", kind, target);
		last->title = x.title;
		last->edit = x.patch;
		last->members = 1;
		last->targets = xmalloc(sizeof(char *));
		last->targets[0] = xstrdup(target);
		last->offered_for = xmalloc(sizeof(char *));
		last->offered_for[0] = xstrdup(finding);
		last->n_offered_for = 1;
		if (!strcmp(kind, "cut-path")) {
			last->cut_bindings = xmalloc(sizeof(char *));
			last->cut_bindings[0] = o.a && o.b ? xasprintf("%s@%s", o.b, o.a) : xstrdup("");
		}
	}
	free(prev_kind);
	free(prev_target);
	sqlite3_finalize(st);
	idmap_release(&x.ids);
	for (size_t k = 0; k < x.n_arrays; k++)
		free(x.arrays[k].v);
	namebook_close(&x.names);
	for (int k = 0; k < 4; k++)
		free(x.labels[k]);
	if (rc != SQLITE_DONE)
		return error(_("plan: offering actions: %s"), sqlite3_errmsg(db));
	return 0;
}

static int any_in(char *const *x, size_t nx, char *const *y, size_t ny)
{
	for (size_t i = 0; i < nx; i++)
		for (size_t j = 0; j < ny; j++)
			if (!strcmp(x[i], y[j]))
				return 1;
	return 0;
}

int actions_contradict(const struct action *a, const struct action *b)
{
	if (strcmp(b->kind, "cut-path"))
		return strcmp(a->kind, "cut-path") ? 0 : actions_contradict(b, a);
	/* b cuts paths: nothing may approve or harden a path it cuts, or bind
	   the vendor of one to the system it reaches (a group: any member). */
	if (!strcmp(a->kind, "approve-path") || !strcmp(a->kind, "harden-path"))
		return any_in(a->targets, a->members, b->targets, b->members);
	if (!strcmp(a->kind, "bind-vendor"))
		return any_in(a->targets, a->members, b->cut_bindings, b->members);
	return 0;
}

/* Merge the edits of actions [from, to) of one kind into one patch that is
   valid as a whole: removals last, from the highest index down, so that no
   operation shifts the indices another one names; lists added whole by two
   members become one. */
static int pointer_cmp(const void *pa, const void *pb)
{
	const char *a = cJSON_GetObjectItemCaseSensitive(*(cJSON *const *)pa, "path")->valuestring;
	const char *b = cJSON_GetObjectItemCaseSensitive(*(cJSON *const *)pb, "path")->valuestring;
	/* Compare segment by segment, numbers as numbers; b before a when higher. */
	while (*a && *b) {
		size_t la = strcspn(a + 1, "/"), lb = strcspn(b + 1, "/");
		int na = strspn(a + 1, "0123456789") == la, nb = strspn(b + 1, "0123456789") == lb;
		int c = na && nb ? (la != lb ? (la < lb ? -1 : 1) : strncmp(a + 1, b + 1, la))
				 : strncmp(a + 1, b + 1, la < lb ? la : lb);
		if (!c && la != lb)
			c = la < lb ? -1 : 1;
		if (c)
			return -c;
		a += la + 1;
		b += lb + 1;
	}
	return *a ? -1 : *b ? 1 : 0;
}

static cJSON *merged_edit(struct action *v, size_t from, size_t to)
{
	cJSON *patch = cJSON_CreateArray(), **removes = NULL, **added = NULL;
	size_t n_removes = 0, n_added = 0, cap_added = 0;
	struct idmap last; /* path -> the last operation added on it (a group has thousands) */
	idmap_init(&last, 64);
	for (size_t i = from; i < to; i++) {
		cJSON *opn;
		while ((opn = cJSON_DetachItemFromArray(v[i].edit, 0))) {
			const char *name = cJSON_GetObjectItemCaseSensitive(opn, "op")->valuestring;
			const char *path = cJSON_GetObjectItemCaseSensitive(opn, "path")->valuestring;
			cJSON *value = cJSON_GetObjectItemCaseSensitive(opn, "value");
			if (!strcmp(name, "remove")) {
				removes = xrealloc(removes, (n_removes + 1) * sizeof(*removes));
				removes[n_removes++] = opn;
				continue;
			}
			/* A list added whole earlier in the group: append instead. */
			const struct idref *earlier = idmap_get(&last, path);
			cJSON *list = earlier ? cJSON_GetObjectItemCaseSensitive(added[earlier->index], "value") : NULL;
			if (cJSON_IsArray(list) && cJSON_IsArray(value)) {
				cJSON *item;
				while ((item = cJSON_DetachItemFromArray(value, 0)))
					cJSON_AddItemToArray(list, item);
				cJSON_Delete(opn);
				continue;
			}
			cJSON_AddItemToArray(patch, opn);
			added = xgrow(added, &cap_added, n_added + 1, sizeof(*added));
			added[n_added] = opn;
			idmap_set(&last, path, ID_NONE, n_added++); /* the key lives in opn, in the patch */
		}
	}
	idmap_release(&last);
	free(added);
	if (n_removes)
		qsort(removes, n_removes, sizeof(*removes), pointer_cmp);
	for (size_t i = 0; i < n_removes; i++)
		cJSON_AddItemToArray(patch, removes[i]);
	free(removes);
	return patch;
}

static void action_free(struct action *a)
{
	free(a->id);
	free(a->kind);
	free(a->target);
	free(a->title);
	cJSON_Delete(a->edit);
	for (size_t i = 0; i < a->n_offered_for; i++)
		free(a->offered_for[i]);
	free(a->offered_for);
	for (size_t i = 0; i < a->members; i++) {
		free(a->targets ? a->targets[i] : NULL);
		free(a->cut_bindings ? a->cut_bindings[i] : NULL);
	}
	free(a->targets);
	free(a->cut_bindings);
	free(a->resolves);
	for (size_t i = 0; i < a->n_introduces; i++)
		free(a->introduces[i]);
	free(a->introduces);
	free(a->introduces_rank);
}

void actions_group_by_kind(struct action_list *l)
{
	size_t out = 0;
	for (size_t i = 0; i < l->n;) {
		size_t j = i + 1;
		while (j < l->n && !strcmp(l->v[j].kind, l->v[i].kind))
			j++;
		if (j - i == 1) {
			l->v[out++] = l->v[i++];
			continue;
		}
		struct action g = { 0 };
		g.kind = xstrdup(l->v[i].kind);
		g.target = xstrdup("*");
		g.id = xasprintf("%s@*", g.kind);
		g.members = j - i;
		g.title = xasprintf(_("%s, all %zu of them (for example: %s)"), g.kind, g.members, l->v[i].title);
		g.edit = merged_edit(l->v, i, j);
		g.targets = xcalloc(g.members, sizeof(char *));
		if (!strcmp(g.kind, "cut-path"))
			g.cut_bindings = xcalloc(g.members, sizeof(char *));
		for (size_t k = i; k < j; k++) {
			/* take over the member's one target (and binding) */
			g.targets[k - i] = l->v[k].targets[0];
			l->v[k].targets[0] = NULL;
			if (g.cut_bindings) {
				g.cut_bindings[k - i] = l->v[k].cut_bindings[0];
				l->v[k].cut_bindings[0] = NULL;
			}
			size_t n = l->v[k].n_offered_for;
			if (n) {
				g.offered_for = xrealloc(g.offered_for, (g.n_offered_for + n) * sizeof(char *));
				memcpy(g.offered_for + g.n_offered_for, l->v[k].offered_for, n * sizeof(char *));
				g.n_offered_for += n;
				l->v[k].n_offered_for = 0;
			}
			action_free(&l->v[k]);
		}
		l->v[out++] = g;
		i = j;
	}
	l->n = out;
}

void actions_release(struct action_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		action_free(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}
