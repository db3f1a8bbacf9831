/*
** Inventory format v1 from JSON, with cJSON.
**
** Three passes: a byte scan that cJSON does not do (UTF-8, NUL bytes, nesting
** depth, with line:column), cJSON's parse, then a walk of the tree that checks
** keys, types and value forms entity by entity. References between entities
** are checked afterwards by inventory_validate().
*/
#include <cJSON.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/load.h"
#include "model/util/strbuf.h"
#include "model/util/textcheck.h"
#include "model/util/xalloc.h"

struct loader {
	struct inventory *inv;
	const struct catalog *cat;
	struct diag *d;
};

/* 1-based line and column (in characters) of byte offset `off`. */
static void position(const char *buf, size_t off, int *line, int *col)
{
	int l = 1, c = 1;
	for (size_t i = 0; i < off; i++) {
		unsigned char ch = (unsigned char)buf[i];
		if (ch == '\n') {
			l++;
			c = 1;
		} else if ((ch & 0xC0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*col = c;
}

/*
** What cJSON does not check: UTF-8 validity, NUL bytes (raw or escaped),
** and the nesting depth (cJSON's own limit gives only "syntax error").
** Returns 0 if clean.
*/
static int prescan(const char *buf, size_t len, struct diag *d, int *truncated)
{
	const unsigned char *p = (const unsigned char *)buf, *end = p + len;
	int depth = 0, in_string = 0;
	while (p < end) {
		unsigned char c = *p;
		if (c == 0) {
			int l, col;
			position(buf, (size_t)(p - (const unsigned char *)buf), &l, &col);
			diag_at(d, l, col, "NUL byte in input; is this a JSON text file?");
			return -1;
		}
		if (c >= 0x80) {
			size_t n = utf8_seq_len(p, end);
			if (!n) {
				int l, col;
				position(buf, (size_t)(p - (const unsigned char *)buf), &l, &col);
				diag_at(d, l, col, "invalid UTF-8 byte 0x%02x; the inventory must be UTF-8", c);
				return -1;
			}
			p += n;
			continue;
		}
		if (in_string) {
			/* cJSON decodes \u0000 into a NUL that silently ends the
			   string ("v-a\u0000../x" would load as "v-a"). */
			if (c == '\\' && end - p >= 6 && p[1] == 'u' && !memcmp(p + 2, "0000", 4)) {
				int l, col;
				position(buf, (size_t)(p - (const unsigned char *)buf), &l, &col);
				diag_at(d, l, col, "\\u0000 (NUL) in a string; text must not contain control characters");
				return -1;
			}
			if (c == '\\' && p + 1 < end)
				p++;
			else if (c == '"')
				in_string = 0;
		} else if (c == '"') {
			in_string = 1;
		} else if (c == '[' || c == '{') {
			if (++depth > NESTING_MAX) {
				int l, col;
				position(buf, (size_t)(p - (const unsigned char *)buf), &l, &col);
				diag_at(d, l, col, "nesting deeper than %d levels", NESTING_MAX);
				return -1;
			}
		} else if (c == ']' || c == '}') {
			depth--;
		}
		p++;
	}
	/* Input that ends inside a string or an open bracket was cut short. */
	*truncated = in_string || depth > 0;
	return 0;
}

/* The offset of the first non-whitespace byte at or after off (len if none);
   never reads past len, whether or not the buffer is NUL-terminated. */
static size_t skip_ws(const char *buf, size_t len, size_t off)
{
	while (off < len && (buf[off] == ' ' || buf[off] == '\t' || buf[off] == '\r' || buf[off] == '\n'))
		off++;
	return off;
}

static const char *type_name(const cJSON *v)
{
	if (cJSON_IsString(v))
		return "a string";
	if (cJSON_IsNumber(v))
		return "a number";
	if (cJSON_IsBool(v))
		return "a boolean";
	if (cJSON_IsNull(v))
		return "null";
	if (cJSON_IsArray(v))
		return "an array";
	return "an object";
}

/* Report unknown and duplicate keys of an object. `allowed` ends with NULL. */
static void check_keys(struct loader *L, const cJSON *obj, const char *base, const char *const *allowed)
{
	char show[SHOWN_SIZE];
	const cJSON *k;
	for (k = obj->child; k; k = k->next) {
		size_t i;
		for (i = 0; allowed[i]; i++)
			if (!strcmp(k->string, allowed[i]))
				break;
		if (!allowed[i]) {
			struct strbuf sb = STRBUF_INIT;
			for (size_t j = 0; allowed[j]; j++)
				strbuf_addf(&sb, "%s%s", j ? ", " : "", allowed[j]);
			diag_path(L->d, base, "unknown key \"%s\" (allowed: %s)", shown(show, k->string), strbuf_str(&sb));
			strbuf_release(&sb);
			continue;
		}
		for (const cJSON *e = obj->child; e != k; e = e->next)
			if (!strcmp(e->string, k->string)) {
				diag_path(L->d, base, "duplicate key \"%s\"", shown(show, k->string));
				break;
			}
	}
}

enum str_form { F_ID, F_NAME, F_DATE, F_TEXT, F_REF };

/*
** JSON paths are only formatted when there is something to report: building
** them for every field was most of the loader's time on large inventories.
** `index` < 0 means no array index.
*/
enum { PATH_MAX_LEN = 256 };

static const char *at(char buf[PATH_MAX_LEN], const char *base, const char *key, long index)
{
	if (index >= 0)
		snprintf(buf, PATH_MAX_LEN, "%s.%s[%ld]", base, key, index);
	else
		snprintf(buf, PATH_MAX_LEN, "%s.%s", base, key);
	return buf;
}

static const char *form_check(struct loader *L, const char *base, const char *key, long index, const char *s,
			      enum str_form form)
{
	char show[SHOWN_SIZE];
	char path[PATH_MAX_LEN];
	switch (form) {
	case F_ID:
		if (!id_valid(s)) {
			diag_path(L->d, at(path, base, key, index), "invalid id \"%s\": use 1-%d characters of A-Z a-z 0-9 . _ : -", shown(show, s), ID_MAX);
			return NULL;
		}
		break;
	case F_REF:
		/* References are resolved later; "*" is a legal system reference. */
		if (!id_valid(s) && strcmp(s, "*")) {
			diag_path(L->d, at(path, base, key, index), "invalid id \"%s\"", shown(show, s));
			return NULL;
		}
		break;
	case F_NAME:
		if (strlen(s) > TEXT_MAX) {
			diag_path(L->d, at(path, base, key, index), "longer than %d bytes (limit, see docs/limits.md)", TEXT_MAX);
			return NULL;
		}
		if (!s[0]) {
			diag_path(L->d, at(path, base, key, index), "empty name");
			return NULL;
		}
		if (!name_valid(s)) {
			diag_path(L->d, at(path, base, key, index), "name contains a control character");
			return NULL;
		}
		break;
	case F_DATE:
		if (!date_valid(s)) {
			diag_path(L->d, at(path, base, key, index), "invalid date \"%s\": use YYYY-MM-DD, a real calendar day", shown(show, s));
			return NULL;
		}
		break;
	case F_TEXT:
		if (strlen(s) > TEXT_MAX) {
			diag_path(L->d, at(path, base, key, index), "longer than %d bytes (limit, see docs/limits.md)", TEXT_MAX);
			return NULL;
		}
		if (!name_valid(s)) {
			diag_path(L->d, at(path, base, key, index), "text contains a control character");
			return NULL;
		}
		break;
	}
	return pool_strdup(&L->inv->pool, s);
}

/* A string member; NULL if absent (or null), or after reporting a problem. */
static const char *get_str(struct loader *L, const cJSON *obj, const char *base, const char *key,
			   enum str_form form, int required)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
	char path[PATH_MAX_LEN];
	const char *out = NULL;
	if (!v || cJSON_IsNull(v)) {
		if (required)
			diag_path(L->d, base, "missing required key \"%s\"", key);
	} else if (!cJSON_IsString(v)) {
		diag_path(L->d, at(path, base, key, -1), "expected a string, got %s", type_name(v));
	} else {
		out = form_check(L, base, key, -1, v->valuestring, form);
	}
	return out;
}

static int get_bool(struct loader *L, const cJSON *obj, const char *base, const char *key, int dflt)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
	if (!v || cJSON_IsNull(v))
		return dflt;
	if (!cJSON_IsBool(v)) {
		char path[PATH_MAX_LEN];
		diag_path(L->d, at(path, base, key, -1), "expected true or false, got %s", type_name(v));
		return dflt;
	}
	return cJSON_IsTrue(v);
}

/* One of `names` (NULL-terminated); returns its index, or `dflt`. */
static int get_enum(struct loader *L, const cJSON *obj, const char *base, const char *key,
		    const char *const *names, int required, int dflt)
{
	char show[SHOWN_SIZE];
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
	char path[PATH_MAX_LEN];
	int out = dflt;
	if (!v || cJSON_IsNull(v)) {
		if (required)
			diag_path(L->d, base, "missing required key \"%s\"", key);
	} else if (!cJSON_IsString(v)) {
		diag_path(L->d, at(path, base, key, -1), "expected a string, got %s", type_name(v));
	} else {
		int i;
		for (i = 0; names[i]; i++)
			if (!strcmp(v->valuestring, names[i]))
				break;
		if (names[i]) {
			out = i;
		} else {
			struct strbuf sb = STRBUF_INIT;
			for (int j = 0; names[j]; j++)
				strbuf_addf(&sb, "%s%s", j ? ", " : "", names[j]);
			diag_path(L->d, at(path, base, key, -1), "unknown value \"%s\" (allowed: %s)", shown(show, v->valuestring),
				  strbuf_str(&sb));
			strbuf_release(&sb);
		}
	}
	return out;
}

/* An array of strings of one form. *present tells whether the key was given. */
static struct strlist get_list(struct loader *L, const cJSON *obj, const char *base, const char *key,
			       enum str_form form, int required, bool *present)
{
	struct strlist out = { NULL, 0 };
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
	char path[PATH_MAX_LEN];
	if (present)
		*present = v && !cJSON_IsNull(v);
	if (!v || cJSON_IsNull(v)) {
		if (required)
			diag_path(L->d, base, "missing required key \"%s\"", key);
	} else if (!cJSON_IsArray(v)) {
		diag_path(L->d, at(path, base, key, -1), "expected an array of strings, got %s", type_name(v));
	} else if (cJSON_GetArraySize(v) > LIST_MAX) {
		diag_path(L->d, at(path, base, key, -1), "more than %d entries (limit, see docs/limits.md)", LIST_MAX);
	} else {
		size_t n = (size_t)cJSON_GetArraySize(v);
		long i = 0;
		out.v = xcalloc(n, sizeof(*out.v));
		const cJSON *e;
		cJSON_ArrayForEach(e, v) {
			if (!cJSON_IsString(e)) {
				diag_path(L->d, at(path, base, key, i), "expected a string, got %s", type_name(e));
			} else {
				const char *s = form_check(L, base, key, i, e->valuestring, form);
				if (s)
					out.v[out.n++] = s;
			}
			i++;
		}
	}
	return out;
}

/* An item list: exact ids, section wildcards, "*". */
static itemset get_items(struct loader *L, const cJSON *obj, const char *base, const char *key)
{
	char show[SHOWN_SIZE];
	itemset set = 0;
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
	if (!v || cJSON_IsNull(v))
		return 0;
	char path[PATH_MAX_LEN];
	if (!cJSON_IsArray(v)) {
		diag_path(L->d, at(path, base, key, -1), "expected an array of item ids, got %s", type_name(v));
	} else if (cJSON_GetArraySize(v) > LIST_MAX) {
		diag_path(L->d, at(path, base, key, -1), "more than %d entries (limit, see docs/limits.md)", LIST_MAX);
	} else {
		long i = 0;
		const cJSON *e;
		cJSON_ArrayForEach(e, v) {
			itemset one;
			if (!cJSON_IsString(e))
				diag_path(L->d, at(path, base, key, i), "expected an item id, got %s", type_name(e));
			else if (!catalog_resolve(L->cat, e->valuestring, &one))
				diag_path(L->d, at(path, base, key, i),
					  "unknown item \"%s\" (use an id such as I-6, a section wildcard I-* A-* B-* C-*, or *)",
					  shown(show, e->valuestring));
			else
				set |= one;
			i++;
		}
	}
	return set;
}

static void check_dates(struct loader *L, const char *base, const char *start, const char *end)
{
	if (start && end && strcmp(start, end) > 0) {
		char *path = xasprintf("%s.end", base);
		diag_path(L->d, path, "ends (%s) before it starts (%s)", end, start);
		free(path);
	}
}

static const char *const vendor_keys[] = { "id", "name", "disclosures", "certifications", NULL };
static const char *const system_keys[] = { "id", "name", "medical_info", "external_storage", "external_access", NULL };
static const char *const device_keys[] = { "id", "name", "type", "system", "maintainer", NULL };
static const char *const contract_keys[] = { "id", "vendor", "kind", "systems", "prime", "start",
					     "end", "confirmed", "lead", "support", NULL };
static const char *const subcontract_keys[] = { "id", "prime", "sub", "systems", "approved", "start",
						"end", "lead", "support", NULL };
static const char *const assignment_keys[] = { "item", "system", "party", "role", "confirmed", NULL };
static const char *const remote_keys[] = { "id", "vendor", "target", "via", "method", NULL };
static const char *const interface_keys[] = { "id", "parties", "systems", "confirmed", NULL };

static void load_vendor(struct loader *L, const cJSON *o, const char *b)
{
	struct inventory *inv = L->inv;
	check_keys(L, o, b, vendor_keys);
	inv->vendors = xgrow(inv->vendors, &inv->cap_vendors, inv->n_vendors + 1, sizeof(*inv->vendors));
	struct vendor *v = &inv->vendors[inv->n_vendors];
	v->id = get_str(L, o, b, "id", F_ID, 1);
	v->name = get_str(L, o, b, "name", F_NAME, 1);
	v->disclosures = get_list(L, o, b, "disclosures", F_TEXT, 0, NULL);
	v->certifications = get_list(L, o, b, "certifications", F_TEXT, 0, NULL);
	inv->n_vendors++;
}

static void load_system(struct loader *L, const cJSON *o, const char *b)
{
	struct inventory *inv = L->inv;
	check_keys(L, o, b, system_keys);
	inv->systems = xgrow(inv->systems, &inv->cap_systems, inv->n_systems + 1, sizeof(*inv->systems));
	struct system *s = &inv->systems[inv->n_systems];
	s->id = get_str(L, o, b, "id", F_ID, 1);
	s->name = get_str(L, o, b, "name", F_NAME, 1);
	s->medical_info = get_bool(L, o, b, "medical_info", 1);
	s->external_storage = get_bool(L, o, b, "external_storage", 0);
	s->external_access = get_bool(L, o, b, "external_access", 0);
	inv->n_systems++;
}

static void load_device(struct loader *L, const cJSON *o, const char *b)
{
	struct inventory *inv = L->inv;
	check_keys(L, o, b, device_keys);
	inv->devices = xgrow(inv->devices, &inv->cap_devices, inv->n_devices + 1, sizeof(*inv->devices));
	struct device *dv = &inv->devices[inv->n_devices];
	dv->id = get_str(L, o, b, "id", F_ID, 1);
	dv->name = get_str(L, o, b, "name", F_NAME, 1);
	dv->type = get_enum(L, o, b, "type", device_type_names, 0, DEV_OTHER);
	dv->system = get_str(L, o, b, "system", F_ID, 0);
	dv->maintainer = get_str(L, o, b, "maintainer", F_ID, 0);
	inv->n_devices++;
}

static void load_contract(struct loader *L, const cJSON *o, const char *b)
{
	struct inventory *inv = L->inv;
	check_keys(L, o, b, contract_keys);
	inv->contracts = xgrow(inv->contracts, &inv->cap_contracts, inv->n_contracts + 1, sizeof(*inv->contracts));
	struct contract *c = &inv->contracts[inv->n_contracts];
	c->id = get_str(L, o, b, "id", F_ID, 1);
	c->vendor = get_str(L, o, b, "vendor", F_ID, 1);
	c->kind = get_enum(L, o, b, "kind", contract_kind_names, 0, CK_OTHER);
	c->systems = get_list(L, o, b, "systems", F_ID, 0, NULL);
	c->prime = get_bool(L, o, b, "prime", 0);
	c->start = get_str(L, o, b, "start", F_DATE, 0);
	c->end = get_str(L, o, b, "end", F_DATE, 0);
	c->confirmed = get_str(L, o, b, "confirmed", F_DATE, 0);
	c->lead = get_items(L, o, b, "lead");
	c->support = get_items(L, o, b, "support");
	check_dates(L, b, c->start, c->end);
	inv->n_contracts++;
}

static void load_subcontract(struct loader *L, const cJSON *o, const char *b)
{
	struct inventory *inv = L->inv;
	check_keys(L, o, b, subcontract_keys);
	inv->subcontracts = xgrow(inv->subcontracts, &inv->cap_subcontracts, inv->n_subcontracts + 1,
				  sizeof(*inv->subcontracts));
	struct subcontract *s = &inv->subcontracts[inv->n_subcontracts];
	s->id = get_str(L, o, b, "id", F_ID, 1);
	s->prime = get_str(L, o, b, "prime", F_ID, 1);
	s->sub = get_str(L, o, b, "sub", F_ID, 1);
	s->systems = get_list(L, o, b, "systems", F_ID, 0, &s->has_systems);
	s->approved = get_str(L, o, b, "approved", F_DATE, 0);
	s->start = get_str(L, o, b, "start", F_DATE, 0);
	s->end = get_str(L, o, b, "end", F_DATE, 0);
	s->lead = get_items(L, o, b, "lead");
	s->support = get_items(L, o, b, "support");
	check_dates(L, b, s->start, s->end);
	inv->n_subcontracts++;
}

static void load_assignment(struct loader *L, const cJSON *o, const char *b)
{
	char show[SHOWN_SIZE];
	struct inventory *inv = L->inv;
	check_keys(L, o, b, assignment_keys);
	const char *item = get_str(L, o, b, "item", F_TEXT, 1);
	const char *system = get_str(L, o, b, "system", F_REF, 0);
	const char *party = get_str(L, o, b, "party", F_ID, 1);
	int role = get_enum(L, o, b, "role", role_names, 1, -1);
	const char *confirmed = get_str(L, o, b, "confirmed", F_DATE, 0);
	int idx = -1;
	if (item) {
		idx = catalog_index(L->cat, item);
		if (idx < 0) {
			char *path = xasprintf("%s.item", b);
			diag_path(L->d, path, "unknown item \"%s\" (assignments name one item; see `bunkai items`)", shown(show, item));
			free(path);
		} else if (L->cat->items[idx].scope == SCOPE_ORGANIZATION && system) {
			char *path = xasprintf("%s.system", b);
			diag_path(L->d, path, "%s is an organization item: it takes no system", item);
			free(path);
			idx = -1;
		} else if (L->cat->items[idx].scope == SCOPE_SYSTEM && !system) {
			diag_path(L->d, b, "missing required key \"system\" (%s is assigned per system; use \"*\" for all)", item);
			idx = -1;
		}
	}
	inv->assignments = xgrow(inv->assignments, &inv->cap_assignments, inv->n_assignments + 1,
				 sizeof(*inv->assignments));
	struct assignment *a = &inv->assignments[inv->n_assignments++];
	a->item = idx;
	a->system = system;
	a->party = party;
	a->role = role < 0 ? ROLE_SUPPORT : (enum role)role;
	a->confirmed = confirmed;
}

static void load_remote(struct loader *L, const cJSON *o, const char *b)
{
	struct inventory *inv = L->inv;
	check_keys(L, o, b, remote_keys);
	inv->remotes = xgrow(inv->remotes, &inv->cap_remotes, inv->n_remotes + 1, sizeof(*inv->remotes));
	struct remote_access *r = &inv->remotes[inv->n_remotes];
	r->id = get_str(L, o, b, "id", F_ID, 1);
	r->vendor = get_str(L, o, b, "vendor", F_ID, 1);
	r->target = get_str(L, o, b, "target", F_ID, 1);
	r->via = get_list(L, o, b, "via", F_ID, 0, NULL);
	r->method = get_enum(L, o, b, "method", remote_method_names, 0, RM_OTHER);
	inv->n_remotes++;
}

static void load_interface(struct loader *L, const cJSON *o, const char *b)
{
	struct inventory *inv = L->inv;
	check_keys(L, o, b, interface_keys);
	inv->interfaces = xgrow(inv->interfaces, &inv->cap_interfaces, inv->n_interfaces + 1,
				sizeof(*inv->interfaces));
	struct interface *f = &inv->interfaces[inv->n_interfaces];
	f->id = get_str(L, o, b, "id", F_ID, 1);
	f->parties = get_list(L, o, b, "parties", F_ID, 1, NULL);
	f->systems = get_list(L, o, b, "systems", F_ID, 0, NULL);
	f->confirmed = get_str(L, o, b, "confirmed", F_DATE, 0);
	const cJSON *parties = cJSON_GetObjectItemCaseSensitive(o, "parties");
	if (cJSON_IsArray(parties) && cJSON_GetArraySize(parties) < 2) {
		char *path = xasprintf("%s.parties", b);
		diag_path(L->d, path, "an interface agreement needs at least 2 vendors");
		free(path);
	}
	inv->n_interfaces++;
}

typedef void (*entity_loader)(struct loader *, const cJSON *, const char *);

static void load_array(struct loader *L, const cJSON *root, const char *key, entity_loader fn)
{
	const cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, key);
	if (!arr || cJSON_IsNull(arr))
		return;
	if (!cJSON_IsArray(arr)) {
		char *path = xasprintf("$.%s", key);
		diag_path(L->d, path, "expected an array, got %s", type_name(arr));
		free(path);
		return;
	}
	if (cJSON_GetArraySize(arr) > ENTITY_MAX) {
		char path[PATH_MAX_LEN];
		snprintf(path, sizeof(path), "$.%s", key);
		diag_path(L->d, path, "more than %d entries (limit, see docs/limits.md)", ENTITY_MAX);
		return;
	}
	size_t i = 0;
	const cJSON *e;
	cJSON_ArrayForEach(e, arr) {
		char base[PATH_MAX_LEN];
		snprintf(base, sizeof(base), "$.%s[%zu]", key, i++);
		if (!cJSON_IsObject(e))
			diag_path(L->d, base, "expected an object, got %s", type_name(e));
		else
			fn(L, e, base);
	}
}

static const char *const root_keys[] = { "format", "organization", "as_of", "vendors", "systems",
					  "devices", "contracts", "subcontracts", "assignments",
					  "remote_access", "interfaces", NULL };
static const char *const org_keys[] = { "id", "name", NULL };

int inventory_load_json(struct inventory *inv, const struct catalog *cat, const char *buf, size_t len,
			struct diag *d)
{
	char show[SHOWN_SIZE];
	struct loader L = { inv, cat, d };
	size_t before = d->count;

	if (skip_ws(buf, len, 0) == len) {
		diag_file(d, "empty input; expected an inventory JSON document");
		return -1;
	}
	int truncated = 0;
	if (prescan(buf, len, d, &truncated) < 0)
		return -1;

	const char *end = NULL;
	cJSON *root = cJSON_ParseWithLengthOpts(buf, len, &end, 0);
	if (!root) {
		int l, c;
		size_t off = end && end >= buf ? (size_t)(end - buf) : 0;
		if (off > len)
			off = len;
		position(buf, off, &l, &c);
		if (truncated || skip_ws(buf, len, off) == len) {
			position(buf, len, &l, &c);
			diag_at(d, l, c, "JSON syntax error: unexpected end of input (truncated document?)");
		}
		else
			diag_at(d, l, c, "JSON syntax error");
		return -1;
	}
	size_t off = (size_t)(end - buf);
	off = skip_ws(buf, len, off);
	if (off < len) {
		int l, c;
		position(buf, off, &l, &c);
		diag_at(d, l, c, "JSON syntax error: unexpected data after the document");
		cJSON_Delete(root);
		return -1;
	}
	if (!cJSON_IsObject(root)) {
		diag_path(d, "$", "expected an object, got %s", type_name(root));
		cJSON_Delete(root);
		return -1;
	}

	check_keys(&L, root, "$", root_keys);
	const cJSON *fmt = cJSON_GetObjectItemCaseSensitive(root, "format");
	if (!fmt)
		diag_path(d, "$", "missing required key \"format\" (\"bunkai-inventory/1\")");
	else if (!cJSON_IsString(fmt) || strcmp(fmt->valuestring, "bunkai-inventory/1"))
		diag_path(d, "$.format", "unsupported format%s%s%s; expected \"bunkai-inventory/1\"",
			  cJSON_IsString(fmt) ? " \"" : "", cJSON_IsString(fmt) ? shown(show, fmt->valuestring) : "",
			  cJSON_IsString(fmt) ? "\"" : "");

	const cJSON *org = cJSON_GetObjectItemCaseSensitive(root, "organization");
	if (!org || cJSON_IsNull(org)) {
		diag_path(d, "$", "missing required key \"organization\"");
	} else if (!cJSON_IsObject(org)) {
		diag_path(d, "$.organization", "expected an object, got %s", type_name(org));
	} else {
		check_keys(&L, org, "$.organization", org_keys);
		inv->org_id = get_str(&L, org, "$.organization", "id", F_ID, 1);
		inv->org_name = get_str(&L, org, "$.organization", "name", F_NAME, 1);
	}
	inv->as_of = get_str(&L, root, "$", "as_of", F_DATE, 0);

	load_array(&L, root, "vendors", load_vendor);
	load_array(&L, root, "systems", load_system);
	load_array(&L, root, "devices", load_device);
	load_array(&L, root, "contracts", load_contract);
	load_array(&L, root, "subcontracts", load_subcontract);
	load_array(&L, root, "assignments", load_assignment);
	load_array(&L, root, "remote_access", load_remote);
	load_array(&L, root, "interfaces", load_interface);
	cJSON_Delete(root);

	/* Every entity was kept, even with bad fields (NULL), so that paths keep
	   their document index and valid ids still resolve (no cascade of
	   "unknown" errors); the model is only built from a clean document. */
	inventory_validate(inv, cat, d);
	return d->count == before ? 0 : -1;
}
