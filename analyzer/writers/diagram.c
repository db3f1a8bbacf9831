/*
** Building the boundary diagram: parties as nested clusters (a prime around
** its subcontractors), each system inside the boundary of the party that
** coordinates it, devices inside their system (or counted, for big
** inventories), remote links from the vendor through the entry devices to
** the target, styled by what the analysis found, and a legend.
*/
#include "diagram.h"

#include <stdlib.h>
#include <string.h>

#include "analyzer/writers/graph_ids.h"
#include "analyzer/writers/graphviz_dl.h"
#include "model/db/db.h"
#include "model/util/exit_codes.h"
#include "model/util/i18n.h"
#include "model/util/idmap.h"
#include "model/util/pool.h"
#include "model/util/strbuf.h"
#include "model/util/xalloc.h"

#define FONT "Noto Sans CJK JP"

/* Links drawn in a summary: dot's layout time grows steeply with edges
   between hundreds of clusters (minutes at 3,000), so the rest are counted. */
enum { LINKS_MAX = 200 };

/* Graphviz 2.42 takes char * everywhere: cast once, here. */
static void set(void *obj, const char *name, const char *value)
{
	sym_agsafeset(obj, (char *)name, (char *)value, (char *)"");
}

/* A cluster's label sits at its top: set on each, since a graph attribute
   set on the root (the title block's bottom-right place) becomes the
   default of every subgraph. */
static Agraph_t *subgraph(Agraph_t *parent, const char *name)
{
	Agraph_t *c = sym_agsubg(parent, (char *)name, 1);
	if (!strncmp(name, "cluster", 7)) {
		set(c, "labelloc", "t");
		set(c, "labeljust", "c");
	}
	return c;
}

static Agnode_t *node(Agraph_t *g, const char *name)
{
	return sym_agnode(g, (char *)name, 1);
}

char *diagram_escape(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	for (; *s; s++) {
		if (*s == '\\')
			strbuf_addstr(&sb, "\\\\");
		else if (*s == '&')
			strbuf_addstr(&sb, "&amp;");
		else
			strbuf_addch(&sb, *s);
	}
	return strbuf_detach(&sb);
}

/* Append escaped user text to a label under construction. */
static void add_text(struct strbuf *sb, const char *s)
{
	char *e = diagram_escape(s ? s : "");
	strbuf_addstr(sb, e);
	free(e);
}

/* A list "a, b, c, …" of user text, broken after every LIST_LINE items: a
   system nobody leads lists thirty items, and one line of them made its box
   as wide as three others. */
enum { LIST_LINE = 8 };

static void add_list(struct strbuf *sb, const char *list)
{
	char *e = diagram_escape(list ? list : "");
	int items = 1;
	for (const char *p = e; *p; p++) {
		if (p[0] == ',' && p[1] == ' ' && items++ % LIST_LINE == 0) {
			strbuf_addstr(sb, ",\\n");
			p++;
		} else {
			strbuf_addch(sb, *p);
		}
	}
	free(e);
}

/* Remote link styles, worst first; each differs in more than colour. */
enum link_style { LS_NOCONTRACT, LS_NOTINLEDGER, LS_UNMAINTAINED, LS_CROSSING, LS_COVERED, LS_REACH, LS_N };
_Static_assert(LS_NOCONTRACT == 0 && LS_NOTINLEDGER == 1 && LS_UNMAINTAINED == 2 && LS_CROSSING == 3 &&
		       LS_COVERED == 4,
	       "build_links's query numbers the styles this way");

static const struct {
	const char *key, *color, *style, *penwidth, *label, *legend;
} link_styles[LS_N] = {
	{ "nocontract", "#c00000", "bold", "3", N_("no contract"), N_("no contract for the target (remote-without-contract)") },
	{ "notinledger", "#c00000", "dashed", "2", N_("not in ledger"),
	  N_("target not in the ledger (remote-target-not-in-ledger)") },
	{ "unmaintained", "#d06000", "dashed", "2.5", N_("no maintainer"),
	  N_("entry device nobody maintains (unmaintained-entry-point)") },
	{ "crossing", "#7030a0", "dotted", "2", N_("no agreement"), N_("crosses another vendor's boundary without an agreement") },
	{ "covered", "#2f6f2f", "solid", "1", "", N_("covered by contract") },
	/* Not a hop of a path: from its door into another party's system it reaches (SPEC 9.1). */
	{ "reach", "#0070c0", "dashed", "2.5", N_("reaches"),
	  N_("the path's door shares a network with another party's system (remote-reach-beyond-contract)") },
};

struct diagram {
	Agraph_t *g;
	sqlite3 *db;
	struct pool pool;
	struct idmap ids;  /* id -> index into `where` */
	void **where;      /* the cluster (parties, systems) or node (devices) of each id */
	size_t n, cap;
	int summary;       /* devices counted, not drawn */
	int full_detail;   /* every device a node (a narrowed view) */
	size_t groups;     /* device groups drawn */
	size_t edges;      /* link edges drawn */
	size_t hidden;     /* links not drawn in a summary (over LINKS_MAX) */
	sqlite3_stmt *find_by_id, *find_crossing; /* prepared once, used per link */
	int used[LS_N];    /* link styles that occur, for the legend */
	int used_no_owner, used_no_system, used_gap, used_unknown, used_door_ok, used_door_unchecked;
	char *org;
};

static void remember(struct diagram *D, const char *id, void *obj)
{
	D->where = xgrow(D->where, &D->cap, D->n + 1, sizeof(*D->where));
	D->where[D->n] = obj;
	idmap_put(&D->ids, pool_strdup(&D->pool, id), ID_NONE, D->n);
	D->n++;
}

static void *lookup(struct diagram *D, const char *id)
{
	const struct idref *r = id ? idmap_get(&D->ids, id) : NULL;
	return r ? D->where[r->index] : NULL;
}

static sqlite3_stmt *query(struct diagram *D, const char *sql)
{
	return db_prepare(D->db, sql, "diagram");
}

static long scalar(struct diagram *D, const char *sql)
{
	sqlite3_stmt *st = query(D, sql);
	long n = sqlite3_step(st) == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return n;
}

/* ---- parties ---- */

static const char *drawn_vendors_sql =
	"SELECT p.id, p.name,"
	"       (SELECT s.prime FROM subcontracts s JOIN parties q ON q.id = s.prime"
	"         WHERE s.sub = p.id AND s.state = 'active' ORDER BY s.seq LIMIT 1),"
	"       EXISTS (SELECT 1 FROM primes r WHERE r.vendor = p.id)"
	"  FROM parties p"
	" WHERE p.kind = 'vendor'"
	"   AND (p.id IN (SELECT vendor FROM bound WHERE system IN (SELECT id FROM view_systems))"
	"        OR p.id IN (SELECT vendor FROM remote_access WHERE id IN (SELECT id FROM view_remotes)))"
	" ORDER BY p.seq";

struct party {
	char *id, *name, *prime;
	int is_prime;
	Agraph_t *cluster;
};

static Agraph_t *place_party(struct diagram *D, struct party *v, size_t n, size_t i, int depth)
{
	if (v[i].cluster)
		return v[i].cluster;
	Agraph_t *parent = D->g;
	/* Nest inside the prime's cluster; chains are acyclic (the loader checks). */
	if (v[i].prime && depth < 64)
		for (size_t k = 0; k < n; k++)
			if (!strcmp(v[k].id, v[i].prime)) {
				parent = place_party(D, v, n, k, depth + 1);
				break;
			}
	char *name = xasprintf("cluster_%s", v[i].id);
	Agraph_t *c = subgraph(parent, name);
	free(name);
	struct strbuf label = STRBUF_INIT;
	add_text(&label, v[i].name);
	strbuf_addstr(&label, "\\n(");
	add_text(&label, v[i].id);
	strbuf_addstr(&label, ")");
	if (v[i].is_prime || v[i].prime)
		strbuf_addf(&label, " %s", v[i].is_prime ? _("prime") : _("subcontractor"));
	set(c, "label", label.buf);
	set(c, "style", "rounded,filled");
	set(c, "fillcolor", v[i].prime ? "#f4f4f4" : "#fbfaf0");
	set(c, "color", v[i].is_prime ? "#1f4e79" : "#606060");
	set(c, "penwidth", v[i].is_prime ? "2" : "1");
	/* The anchor: where the vendor's remote links start; keeps the cluster
	   non-empty. It carries the company's name: an edge's end is where a
	   reader looks for who comes in. */
	Agnode_t *a = node(c, v[i].id);
	set(a, "shape", "house");
	strbuf_reset(&label);
	add_text(&label, v[i].name);
	set(a, "label", label.buf);
	strbuf_release(&label);
	set(a, "style", "filled");
	set(a, "fillcolor", "white");
	v[i].cluster = c;
	remember(D, v[i].id, c);
	return c;
}

static void build_parties(struct diagram *D)
{
	/* The organization. */
	sqlite3_stmt *st = query(D, "SELECT id, name FROM parties WHERE kind = 'organization'");
	if (sqlite3_step(st) == SQLITE_ROW) {
		D->org = xstrdup(db_column_text(st, 0));
		char *name = xasprintf("cluster_%s", D->org);
		Agraph_t *c = subgraph(D->g, name);
		free(name);
		struct strbuf label = STRBUF_INIT;
		add_text(&label, db_column_text(st, 1));
		strbuf_addstr(&label, "\\n(");
		add_text(&label, D->org);
		strbuf_addf(&label, ") %s", _("organization"));
		set(c, "label", label.buf);
		set(c, "style", "rounded,filled");
		set(c, "fillcolor", "#eaf2fb");
		set(c, "color", "#1f4e79");
		strbuf_release(&label);
		Agnode_t *a = node(c, D->org);
		set(a, "shape", "house");
		set(a, "label", _("organization"));
		set(a, "style", "filled");
		set(a, "fillcolor", "white");
		remember(D, D->org, c);
	}
	sqlite3_finalize(st);

	struct party *v = NULL;
	size_t n = 0, cap = 0;
	st = query(D, drawn_vendors_sql);
	while (sqlite3_step(st) == SQLITE_ROW) {
		v = xgrow(v, &cap, n + 1, sizeof(*v));
		v[n].id = xstrdup(db_column_text(st, 0));
		v[n].name = xstrdup(db_column_text(st, 1));
		v[n].prime = db_column_text(st, 2) ? xstrdup(db_column_text(st, 2)) : NULL;
		v[n].is_prime = sqlite3_column_int(st, 3);
		v[n].cluster = NULL;
		n++;
	}
	sqlite3_finalize(st);
	for (size_t i = 0; i < n; i++)
		place_party(D, v, n, i, 0);
	for (size_t i = 0; i < n; i++) {
		free(v[i].id);
		free(v[i].name);
		free(v[i].prime);
	}
	free(v);
}

/* A top-level area the tool adds (no owner, no system, legend). */
static Agraph_t *area(struct diagram *D, const char *name, const char *label, const char *color)
{
	Agraph_t *c = sym_agsubg(D->g, (char *)name, 0);
	if (c)
		return c;
	c = subgraph(D->g, name);
	set(c, "label", label);
	set(c, "style", "dashed,rounded");
	set(c, "color", color);
	set(c, "fontcolor", color);
	set(c, "penwidth", "2");
	return c;
}

/* ---- systems ---- */

static const char *systems_sql =
	"SELECT s.id, s.name, s.medical_info,"
	"  (SELECT p.vendor FROM primes p JOIN parties q ON q.id = p.vendor WHERE p.system = s.id"
	"    ORDER BY q.seq LIMIT 1),"
	"  (SELECT count(*) FROM bound b WHERE b.system = s.id),"
	"  (SELECT b.vendor FROM bound b WHERE b.system = s.id LIMIT 1),"
	"  EXISTS (SELECT 1 FROM leads l WHERE l.item = 'I-6' AND l.system = s.id"
	"           AND l.party = (SELECT value FROM meta WHERE key = 'organization')),"
	"  (SELECT count(*) FROM findings f WHERE f.system = s.id AND f.in_view AND f.rank = 0),"
	"  (SELECT group_concat(item, ', ') FROM (SELECT a.item FROM applicable a"
	"     WHERE a.system = s.id AND a.leads = 0 ORDER BY a.item_seq)),"
	"  (SELECT group_concat(item, ', ') FROM (SELECT a.item FROM applicable a"
	"     WHERE a.system = s.id AND a.leads > 1 ORDER BY a.item_seq)),"
	"  (SELECT group_concat(vendor, ', ') FROM (SELECT b.vendor FROM bound b JOIN parties q ON q.id = b.vendor"
	"     WHERE b.system = s.id ORDER BY q.seq)),"
	"  (SELECT count(*) FROM devices d WHERE d.system = s.id),"
	"  (SELECT group_concat(n, ' / ') FROM (SELECT d.type || ' ×' || count(*) AS n FROM devices d"
	"     WHERE d.system = s.id GROUP BY d.type ORDER BY d.type))"
	" FROM systems s WHERE s.id IN (SELECT id FROM view_systems) ORDER BY s.seq";

static const char *type_label(const char *type)
{
	static const char *const map[][2] = {
		{ "server", N_("server") },         { "terminal", N_("terminal") },   { "network", N_("network device") },
		{ "medical-device", N_("medical device") }, { "printer", N_("printer") }, { "storage", N_("storage") },
		{ "other", N_("other") },
	};
	for (size_t i = 0; i < sizeof(map) / sizeof(*map); i++)
		if (!strcmp(map[i][0], type))
			return _(map[i][1]);
	return type;
}

/* "server ×3 / terminal ×120", the types in the language of the messages. */
static void add_counts(struct strbuf *sb, const char *counts)
{
	char *copy = xstrdup(counts), *save = NULL;
	int first = 1;
	for (char *t = strtok_r(copy, "/", &save); t; t = strtok_r(NULL, "/", &save)) {
		while (*t == ' ')
			t++;
		char *sp = strchr(t, ' ');
		if (sp)
			*sp = '\0';
		strbuf_addf(sb, "%s%s%s%s", first ? "" : " / ", type_label(t), sp ? " " : "", sp ? sp + 1 : "");
		first = 0;
	}
	free(copy);
}

static void build_systems(struct diagram *D)
{
	sqlite3_stmt *st = query(D, systems_sql);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *id = db_column_text(st, 0), *prime = db_column_text(st, 3), *only = db_column_text(st, 5), *unowned = db_column_text(st, 8),
			   *conflicts = db_column_text(st, 9), *vendors = db_column_text(st, 10), *counts = db_column_text(st, 12);
		int in_scope = sqlite3_column_int(st, 2), nbound = sqlite3_column_int(st, 4);
		int org_led = sqlite3_column_int(st, 6), errors = sqlite3_column_int(st, 7);
		long ndev = (long)sqlite3_column_int64(st, 11);

		/* Whose boundary: the prime; else the only vendor; else the
		   organization if it leads I-6; else nobody's. */
		const char *owner = NULL;
		Agraph_t *container = NULL;
		if (prime && (container = lookup(D, prime)))
			owner = prime;
		else if (nbound == 1 && (container = lookup(D, only)))
			owner = only;
		else if (org_led && (container = lookup(D, D->org)))
			owner = D->org;
		if (!container) {
			container = area(D, "cluster_~no-owner", _("no owner"), "#c00000");
			D->used_no_owner = 1;
		}

		struct strbuf label = STRBUF_INIT;
		strbuf_addstr(&label, errors ? "⚠ " : "");
		add_text(&label, db_column_text(st, 1));
		strbuf_addstr(&label, "\\n(");
		add_text(&label, id);
		strbuf_addstr(&label, ")");
		if (!in_scope)
			strbuf_addf(&label, " %s", _("no medical information"));
		if (vendors && nbound > (owner && strcmp(owner, D->org) ? 1 : 0)) {
			strbuf_addf(&label, "\\n%s ", _("vendors:"));
			add_list(&label, vendors);
		}
		if (errors) {
			strbuf_addstr(&label, "\\n");
			strbuf_addf(&label, _("errors: %d"), errors);
		}
		if (unowned) {
			strbuf_addf(&label, "\\n%s ", _("unowned:"));
			add_list(&label, unowned);
		}
		if (conflicts) {
			strbuf_addf(&label, "\\n%s ", _("conflicting:"));
			add_list(&label, conflicts);
		}
		if (D->summary && counts) {
			strbuf_addstr(&label, "\\n");
			add_counts(&label, counts);
		}

		void *obj;
		if (!D->summary && ndev > 0) {
			char *name = xasprintf("cluster_%s", id);
			Agraph_t *c = subgraph(container, name);
			free(name);
			set(c, "style", "filled");
			set(c, "fillcolor", errors ? "#fde9e7" : "white");
			obj = c;
		} else {
			Agnode_t *nd = node(container, id);
			set(nd, "shape", "box3d");
			set(nd, "style", "filled");
			set(nd, "fillcolor", errors ? "#fde9e7" : "white");
			obj = nd;
		}
		set(obj, "label", label.buf);
		set(obj, "color", errors ? "#c00000" : "#404040");
		set(obj, "penwidth", errors ? "2.5" : "1");
		if (errors) {
			char *tip = unowned ? xasprintf(_("%d error findings; unowned: %s"), errors, unowned)
					    : xasprintf(_("%d error findings"), errors);
			set(obj, "tooltip", tip);
			free(tip);
			D->used_gap = 1;
		}
		remember(D, id, obj);
		strbuf_release(&label);
	}
	sqlite3_finalize(st);
}

/* ---- devices ---- */

static const struct {
	const char *type, *shape;
} device_shapes[] = {
	{ "server", "box" },    { "terminal", "rect" },     { "network", "hexagon" }, { "medical-device", "component" },
	{ "printer", "tab" },   { "storage", "cylinder" },  { "other", "ellipse" },
};

/*
** Which devices are drawn one by one (docs/diagram.md, "What stays a node"):
** every device when the view is narrowed to a system or a vendor (the
** appendix of an audit report); otherwise the ones that matter — the doors
** and targets of remote paths, the devices a path passes, and devices with
** an open error finding — and the rest of each system collapsed by type,
** with the devices maintained by another party than the system's I-6 lead
** in a group of their own. A group of one is drawn as its device.
*/
static const char *devices_sql =
	"SELECT d.id, d.name, d.type, d.system,"
	"       ?1 OR d.id IN (SELECT door FROM path_doors WHERE door IS NOT NULL)"
	"          OR d.id IN (SELECT target FROM remote_access) OR d.id IN (SELECT device FROM remote_via)"
	"          OR EXISTS (SELECT 1 FROM findings f WHERE f.device = d.id AND f.rank = 0 AND f.in_view"
	"                      AND f.accepted IS NULL),"
	"       CASE WHEN d.maintainer IS NOT NULL AND NOT EXISTS (SELECT 1 FROM leads l WHERE l.item = 'I-6'"
	"                 AND l.system IS d.system AND l.party = d.maintainer) THEN d.maintainer END,"
	"       (SELECT p.name FROM parties p WHERE p.id = d.maintainer)"
	"  FROM devices d"
	" WHERE d.system IN (SELECT id FROM view_systems)"
	"    OR (d.system IS NULL AND (SELECT count(*) FROM view_systems) = (SELECT count(*) FROM systems))"
	" ORDER BY d.system, d.type, 6, d.seq";

struct device_row {
	const char *id, *name, *type, *system, *other, *other_name;
	int keep;
};

static Agraph_t *device_container(struct diagram *D, const char *system)
{
	Agraph_t *container = system ? lookup(D, system) : NULL;
	if (!container) {
		container = area(D, "cluster_~no-system", _("devices without a system"), "#d06000");
		D->used_no_system = 1;
	}
	return container;
}

static const char *device_shape(const char *type)
{
	for (size_t i = 0; i < sizeof(device_shapes) / sizeof(*device_shapes); i++)
		if (!strcmp(device_shapes[i].type, type))
			return device_shapes[i].shape;
	return "ellipse";
}

static void device_node(struct diagram *D, const struct device_row *r)
{
	Agnode_t *nd = node(device_container(D, r->system), r->id);
	struct strbuf label = STRBUF_INIT;
	add_text(&label, r->name);
	strbuf_addstr(&label, "\\n(");
	add_text(&label, r->id);
	strbuf_addstr(&label, ")");
	set(nd, "label", label.buf);
	strbuf_release(&label);
	set(nd, "shape", device_shape(r->type));
	set(nd, "tooltip", type_label(r->type));
	remember(D, r->id, nd);
}

/* The n devices v[] (same system, type and other maintainer) as one node. */
static void group_node(struct diagram *D, const struct device_row *v, size_t n)
{
	const struct device_row *r = &v[0];
	char *name = xasprintf("~group:%s:%s%s%s", r->system ? r->system : "", r->type, r->other ? ":" : "",
			       r->other ? r->other : "");
	Agnode_t *nd = node(device_container(D, r->system), name);
	free(name);
	struct strbuf label = STRBUF_INIT;
	strbuf_addf(&label, "%s ×%zu", type_label(r->type), n);
	if (r->other) {
		strbuf_addstr(&label, "\\n");
		char *who = diagram_escape(r->other_name ? r->other_name : r->other);
		strbuf_addf(&label, _("(maintained by %s)"), who);
		free(who);
	}
	set(nd, "label", label.buf);
	strbuf_release(&label);
	set(nd, "shape", device_shape(r->type));
	set(nd, "style", "filled");
	set(nd, "fillcolor", r->other ? "#fff3e0" : "#f0f0f0");
	set(nd, "tooltip", type_label(r->type));
	for (size_t k = 0; k < n; k++)
		remember(D, v[k].id, nd);
	D->groups++;
}

static int same_group(const struct device_row *a, const struct device_row *b)
{
	return !a->keep && !b->keep && !strcmp(a->system ? a->system : "", b->system ? b->system : "") &&
	       !strcmp(a->type, b->type) && !strcmp(a->other ? a->other : "", b->other ? b->other : "");
}

static void build_devices(struct diagram *D)
{
	sqlite3_stmt *st = query(D, devices_sql);
	sqlite3_bind_int(st, 1, D->full_detail);
	struct device_row *v = NULL;
	size_t n = 0, cap = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		v = xgrow(v, &cap, n + 1, sizeof(*v));
		struct device_row *r = &v[n++];
		r->id = pool_strdup(&D->pool, db_column_text(st, 0));
		r->name = pool_strdup(&D->pool, db_column_text(st, 1));
		r->type = pool_strdup(&D->pool, db_column_text(st, 2));
		r->system = db_column_text(st, 3) ? pool_strdup(&D->pool, db_column_text(st, 3)) : NULL;
		r->keep = sqlite3_column_int(st, 4);
		r->other = db_column_text(st, 5) ? pool_strdup(&D->pool, db_column_text(st, 5)) : NULL;
		r->other_name = db_column_text(st, 6) ? pool_strdup(&D->pool, db_column_text(st, 6)) : NULL;
	}
	sqlite3_finalize(st);
	/* One system at a time: its kept devices first, then its groups. */
	struct device_row *g = xmalloc((n ? n : 1) * sizeof(*g));
	for (size_t s0 = 0; s0 < n;) {
		size_t s1 = s0 + 1;
		while (s1 < n && !strcmp(v[s1].system ? v[s1].system : "", v[s0].system ? v[s0].system : ""))
			s1++;
		for (size_t i = s0; i < s1; i++)
			if (v[i].keep)
				device_node(D, &v[i]);
		for (size_t i = s0; i < s1;) {
			if (v[i].keep) {
				i++;
				continue;
			}
			size_t j = i + 1, k = 0;
			while (j < s1 && (v[j].keep || same_group(&v[i], &v[j])))
				j++;
			for (size_t x = i; x < j; x++)
				if (!v[x].keep)
					g[k++] = v[x];
			if (k == 1)
				device_node(D, &g[0]);
			else
				group_node(D, g, k);
			i = j;
		}
		s0 = s1;
	}
	free(g);
	free(v);
}

/* ---- remote links ---- */

/* A node to attach an edge to for `id`: a device or system node, a
   representative node inside a system cluster (with lhead/ltail), or a
   marked stand-in for an id the ledger does not know. `known` says the id is
   a device or system: any other id (a vendor's, the organization's) is not
   in the ledger, whatever is drawn under that name. */
static Agnode_t *endpoint(struct diagram *D, const char *id, int known, const char *system, Agraph_t **cluster)
{
	*cluster = NULL;
	if (!id)
		id = "?";
	void *obj = !known ? NULL : D->summary && system ? lookup(D, system) : lookup(D, id);
	if (!obj && system)
		obj = lookup(D, system);
	if (!obj && known && D->summary) {
		/* A device without a system, in a summary: one shared stand-in. */
		Agraph_t *c = area(D, "cluster_~no-system", _("devices without a system"), "#d06000");
		Agnode_t *nd = sym_agnode(c, (char *)"~no-system", 0);
		if (!nd) {
			nd = node(c, "~no-system");
			set(nd, "label", _("devices"));
			set(nd, "shape", "folder");
		}
		D->used_no_system = 1;
		return nd;
	}
	if (obj && sym_agobjkind(obj) == AGNODE)
		return obj;
	if (obj && sym_agobjkind(obj) == AGRAPH) {
		Agraph_t *c = obj;
		Agnode_t *first = sym_agfstnode(c);
		if (first) {
			*cluster = c;
			return first;
		}
	}
	/* Not in the ledger (or without a system in a summary). */
	char *name = xasprintf("~unknown:%s", id);
	Agnode_t *nd = sym_agnode(D->g, name, 0);
	if (!nd) {
		nd = node(D->g, name);
		struct strbuf label = STRBUF_INIT;
		add_text(&label, id);
		strbuf_addf(&label, "\\n%s", _("not in the ledger"));
		set(nd, "label", label.buf);
		set(nd, "shape", "octagon");
		set(nd, "style", "dashed,filled");
		set(nd, "fillcolor", "#fde9e7");
		set(nd, "color", "#c00000");
		strbuf_release(&label);
		D->used_unknown = 1;
	}
	free(name);
	return nd;
}

static int has_finding(struct diagram *D, const char *id)
{
	if (!D->find_by_id)
		D->find_by_id = query(D, "SELECT 1 FROM findings WHERE id = ?");
	sqlite3_bind_text(D->find_by_id, 1, id, -1, SQLITE_STATIC);
	int found = sqlite3_step(D->find_by_id) == SQLITE_ROW;
	sqlite3_reset(D->find_by_id);
	return found;
}

static void hop(struct diagram *D, Agnode_t *t, Agraph_t *tc, Agnode_t *h, Agraph_t *hc, const char *remote,
		int index, enum link_style ls)
{
	/* In a summary, links of one style between the same ends share an edge. */
	char *key = D->summary ? xasprintf("%s", link_styles[ls].key) : xasprintf("%s#%d", remote, index);
	Agedge_t *e = sym_agedge(D->g, t, h, key, 0);
	int fresh = !e;
	if (!e)
		e = sym_agedge(D->g, t, h, key, 1);
	free(key);
	if (!fresh)
		return;
	D->edges++;
	set(e, "color", link_styles[ls].color);
	set(e, "style", link_styles[ls].style);
	set(e, "penwidth", link_styles[ls].penwidth);
	set(e, "fontcolor", link_styles[ls].color);
	if (link_styles[ls].label[0])
		set(e, "xlabel", _(link_styles[ls].label));
	set(e, "class", link_styles[ls].key);
	if (!D->summary) {
		char *id = xasprintf("%s#%d", remote, index);
		set(e, "id", id);
		free(id);
		set(e, "remote", remote);
	}
	/* Clip at a box only when the other end is outside it (dot warns and
	   draws nothing sensible otherwise). */
	if (tc && !sym_agcontains(tc, h))
		set(e, "ltail", sym_agnameof(tc));
	if (hc && !sym_agcontains(hc, t))
		set(e, "lhead", sym_agnameof(hc));
	D->used[ls] = 1;
}

/* The style of one hop into entry device `dev` of link `rid`. */
static enum link_style via_style(struct diagram *D, const char *rid, const char *dev)
{
	char *fid = xasprintf("unmaintained-entry-point@%s@%s", rid, dev);
	enum link_style ls = has_finding(D, fid) ? LS_UNMAINTAINED : LS_COVERED;
	free(fid);
	if (ls == LS_COVERED) {
		if (!D->find_crossing)
			D->find_crossing = query(D, "SELECT 1 FROM findings WHERE code = 'unagreed-boundary-crossing'"
						    " AND remote = ? AND device = ?");
		sqlite3_bind_text(D->find_crossing, 1, rid, -1, SQLITE_STATIC);
		sqlite3_bind_text(D->find_crossing, 2, dev, -1, SQLITE_STATIC);
		if (sqlite3_step(D->find_crossing) == SQLITE_ROW)
			ls = LS_CROSSING;
		sqlite3_reset(D->find_crossing);
	}
	return ls;
}

/* The style of the last hop, into the target of link `rid`. */
static enum link_style target_style(struct diagram *D, const char *rid)
{
	char *f1 = xasprintf("remote-without-contract@%s", rid), *f2 = xasprintf("remote-target-not-in-ledger@%s", rid);
	enum link_style ls = has_finding(D, f1) ? LS_NOCONTRACT : has_finding(D, f2) ? LS_NOTINLEDGER : LS_COVERED;
	free(f1);
	free(f2);
	return ls;
}

/*
** One remote link: the current row of `st` (id, vendor, target, target's
** system, known, worst style). In detail, a hop per entry device, each in its
** own style; in a summary, one edge from the vendor to the target's system in
** the worst style along the path, up to LINKS_MAX (rows come worst first).
*/
static void draw_link(struct diagram *D, sqlite3_stmt *st, sqlite3_stmt *via)
{
	const char *rid = db_column_text(st, 0), *vendor = db_column_text(st, 1), *target = db_column_text(st, 2), *tsys = db_column_text(st, 3);
	int known = sqlite3_column_int(st, 4);
	Agraph_t *owner = lookup(D, vendor), *tc = NULL, *hc = NULL;
	Agnode_t *tail = owner ? sym_agnode(owner, (char *)vendor, 0) : NULL;
	if (!tail)
		return;
	if (D->summary) {
		if (D->edges >= LINKS_MAX) {
			D->hidden++;
			return;
		}
		Agnode_t *h = endpoint(D, target, known, tsys, &hc);
		if (h != tail)
			hop(D, tail, NULL, h, hc, rid, 0, (enum link_style)sqlite3_column_int(st, 5));
		return;
	}
	int index = 0;
	sqlite3_bind_text(via, 1, rid, -1, SQLITE_STATIC);
	while (sqlite3_step(via) == SQLITE_ROW) {
		const char *dev = db_column_text(via, 0);
		Agnode_t *h = endpoint(D, dev, sqlite3_column_int(via, 2), db_column_text(via, 1), &hc);
		if (h != tail)
			hop(D, tail, tc, h, hc, rid, index++, via_style(D, rid, dev));
		tail = h;
		tc = hc;
	}
	sqlite3_reset(via);
	Agnode_t *h = endpoint(D, target, known, tsys, &hc);
	if (h != tail)
		hop(D, tail, tc, h, hc, rid, index, target_style(D, rid));
}

static void build_links(struct diagram *D)
{
	/* The worst style along each link, as enum link_style, for the summary's
	   order; the detail view styles each hop (via_style, target_style). */
	sqlite3_stmt *st = query(D,
		"SELECT r.id, r.vendor, r.target, coalesce(d.system, s.id), d.id IS NOT NULL OR s.id IS NOT NULL,"
		"       min(CASE WHEN EXISTS (SELECT 1 FROM findings f WHERE f.remote = r.id AND f.code = 'remote-without-contract') THEN 0"
		"                WHEN EXISTS (SELECT 1 FROM findings f WHERE f.remote = r.id AND f.code = 'remote-target-not-in-ledger') THEN 1"
		"                ELSE 4 END,"
		"           coalesce((SELECT min(CASE f.code WHEN 'unmaintained-entry-point' THEN 2 ELSE 3 END) FROM findings f"
		"                      WHERE f.remote = r.id AND f.code IN ('unmaintained-entry-point', 'unagreed-boundary-crossing')), 4)) AS worst"
		"  FROM remote_access r"
		"  LEFT JOIN devices d ON d.id = r.target LEFT JOIN systems s ON s.id = r.target"
		" WHERE r.id IN (SELECT id FROM view_remotes) ORDER BY CASE WHEN ?1 THEN worst END, r.seq");
	sqlite3_stmt *via = query(D,
				  "SELECT v.device, d.system, d.id IS NOT NULL FROM remote_via v"
				  "  LEFT JOIN devices d ON d.id = v.device WHERE v.remote = ? ORDER BY v.pos");
	sqlite3_bind_int(st, 1, D->summary);
	while (sqlite3_step(st) == SQLITE_ROW)
		draw_link(D, st, via);
	sqlite3_finalize(via);
	sqlite3_finalize(st);
}

/*
** What SPEC 9.1 adds to the picture: each path's door marked by its patch
** check (a double border, green when checked, red when not), and an edge in
** the reach style from the door into every other party's system the path
** reaches without an agreement (remote-reach-beyond-contract).
*/
static void build_doors_and_reach(struct diagram *D)
{
	sqlite3_stmt *st = query(D,
		"SELECT DISTINCT pd.door, d.system, d.id IS NOT NULL,"
		"       EXISTS (SELECT 1 FROM findings f WHERE f.code = 'door-unchecked' AND f.device = pd.door)"
		"  FROM path_doors pd LEFT JOIN devices d ON d.id = pd.door"
		" WHERE pd.door IS NOT NULL AND pd.remote IN (SELECT id FROM view_remotes) ORDER BY pd.door");
	while (!D->summary && sqlite3_step(st) == SQLITE_ROW) {
		Agraph_t *cluster;
		Agnode_t *n = endpoint(D, db_column_text(st, 0), sqlite3_column_int(st, 2), db_column_text(st, 1), &cluster);
		if (cluster)
			continue; /* the door is not drawn on its own */
		int unchecked = sqlite3_column_int(st, 3);
		set(n, "peripheries", "2");
		set(n, "color", unchecked ? "#c00000" : "#2f6f2f");
		set(n, "penwidth", unchecked ? "2.5" : "1.5");
		set(n, "xlabel", unchecked ? _("patches not confirmed") : _("patches confirmed"));
		set(n, "fontcolor", unchecked ? "#c00000" : "#2f6f2f");
		*(unchecked ? &D->used_door_unchecked : &D->used_door_ok) = 1;
	}
	sqlite3_finalize(st);
	st = query(D,
		   "SELECT f.remote, pd.door, d.system, d.id IS NOT NULL, f.system, f.device"
		   "  FROM findings f JOIN path_doors pd ON pd.remote = f.remote LEFT JOIN devices d ON d.id = pd.door"
		   " WHERE f.code = 'remote-reach-beyond-contract' AND f.remote IN (SELECT id FROM view_remotes)"
		   " ORDER BY f.id");
	while (sqlite3_step(st) == SQLITE_ROW) {
		Agraph_t *tc, *hc;
		Agnode_t *t = endpoint(D, db_column_text(st, 1), sqlite3_column_int(st, 3), db_column_text(st, 2), &tc);
		const char *to = db_column_text(st, 4) ? db_column_text(st, 4) : db_column_text(st, 5);
		Agnode_t *h = endpoint(D, to, 1, db_column_text(st, 4), &hc);
		char *key = xasprintf("reach:%s@%s", db_column_text(st, 0), to);
		if (t != h)
			hop(D, t, tc, h, hc, key, 0, LS_REACH);
		free(key);
	}
	sqlite3_finalize(st);
}

/* ---- title and legend ---- */

/* User text for an HTML-like label: & < > " escaped. */
static void add_html(struct strbuf *sb, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': strbuf_addstr(sb, "&amp;"); break;
		case '<': strbuf_addstr(sb, "&lt;"); break;
		case '>': strbuf_addstr(sb, "&gt;"); break;
		case '"': strbuf_addstr(sb, "&quot;"); break;
		default: strbuf_addch(sb, *s);
		}
	}
}

/* A line as text, for the legend's sample of a link style. */
static const char *line_sample(const char *style)
{
	return !strcmp(style, "bold") ? "━━━━▶" : !strcmp(style, "dashed") ? "╍╍╍╍▶"
		: !strcmp(style, "dotted") ? "┈┈┈┈▶" : "────▶";
}

/*
** The title block: one table in the bottom-right corner of the page, as on
** a drawing — the title, the organization and the as-of date, a note when
** the picture is summarized, and one row per style the picture uses. A
** table is a fraction of the old legend's area, and Graphviz keeps it out of
** the way of the boundaries (the graph's own label).
*/
static void build_title_block(struct diagram *D)
{
	struct strbuf t = STRBUF_INIT;
	strbuf_addstr(&t, "<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"3\" COLOR=\"#808080\">");
	sqlite3_stmt *st = query(D, "SELECT (SELECT value FROM meta WHERE key = 'organization_name'),"
				    " (SELECT value FROM meta WHERE key = 'as_of')");
	if (sqlite3_step(st) == SQLITE_ROW) {
		strbuf_addstr(&t, "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"14\"><B>");
		add_html(&t, _("responsibility boundaries (責任分界図)"));
		/* The organization alone in its cell: its name exactly as written. */
		strbuf_addstr(&t, "</B></FONT></TD></TR><TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">");
		add_html(&t, db_column_text(st, 0));
		strbuf_addstr(&t, "</TD></TR><TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">");
		add_html(&t, _("as of"));
		strbuf_addch(&t, ' ');
		add_html(&t, db_column_text(st, 1));
		strbuf_addstr(&t, "</TD></TR>");
	}
	sqlite3_finalize(st);
	if (D->summary || D->groups || D->hidden) {
		char *note = D->hidden ? xasprintf(_("summary: devices counted per system; %zu more remote links not drawn — see the report"), D->hidden)
			     : D->summary ? xstrdup(_("summary: devices counted per system"))
					  : xstrdup(_("devices of one type collapsed per system; doors, targets and devices with errors drawn one by one"));
		strbuf_addstr(&t, "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">");
		add_html(&t, note);
		strbuf_addstr(&t, "</FONT></TD></TR>");
		free(note);
	}
	for (int ls = 0; ls < LS_N; ls++) {
		if (!D->used[ls])
			continue;
		strbuf_addf(&t, "<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"%s\">%s</FONT></TD><TD ALIGN=\"LEFT\">",
			    link_styles[ls].color, line_sample(link_styles[ls].style));
		if (link_styles[ls].label[0]) {
			add_html(&t, _(link_styles[ls].label));
			strbuf_addstr(&t, ": ");
		}
		add_html(&t, _(link_styles[ls].legend));
		strbuf_addstr(&t, "</TD></TR>");
	}
	const struct {
		int used;
		const char *label, *color, *style, *fill;
	} boxes[] = {
		{ D->used_gap, N_("⚠ system with error findings (red)"), "#c00000", "solid", "#fde9e7" },
		{ D->used_no_owner, N_("no owner: nobody coordinates the system"), "#c00000", "dashed", NULL },
		{ D->used_no_system, N_("device without a system"), "#d06000", "dashed", NULL },
		{ D->used_unknown, N_("id not in the ledger"), "#c00000", "dashed", "#fde9e7" },
		{ D->used_door_unchecked, N_("door of a path, patches not confirmed (door-unchecked)"), "#c00000", "solid", NULL },
		{ D->used_door_ok, N_("door of a path, patches confirmed"), "#2f6f2f", "solid", NULL },
		{ D->groups > 0, N_("devices of one type, collapsed (×N)"), "#404040", "solid", "#f0f0f0" },
		{ 1, N_("box = a party's boundary; a prime's encloses its subcontractors'"), "#404040", "solid", NULL },
	};
	for (size_t i = 0; i < sizeof(boxes) / sizeof(*boxes); i++) {
		if (!boxes[i].used)
			continue;
		/* A small box drawn as the picture draws it: border colour and
		   style, double for doors, fill where the picture fills. */
		strbuf_addf(&t, "<TR><TD><TABLE BORDER=\"%d\" CELLBORDER=\"0\" CELLSPACING=\"0\" COLOR=\"%s\"",
			    strstr(boxes[i].label, "door") ? 3 : 1, boxes[i].color);
		if (strcmp(boxes[i].style, "solid"))
			strbuf_addf(&t, " STYLE=\"%s\"", boxes[i].style);
		strbuf_addstr(&t, "><TR><TD");
		if (boxes[i].fill)
			strbuf_addf(&t, " BGCOLOR=\"%s\"", boxes[i].fill);
		strbuf_addstr(&t, ">    </TD></TR></TABLE></TD><TD ALIGN=\"LEFT\">");
		add_html(&t, _(boxes[i].label));
		strbuf_addstr(&t, "</TD></TR>");
	}
	strbuf_addstr(&t, "</TABLE>");
	char *html = sym_agstrdup_html(D->g, t.buf);
	sym_agsafeset(D->g, (char *)"label", html, (char *)"");
	sym_agstrfree(D->g, html);
	set(D->g, "labelloc", "b");
	set(D->g, "labeljust", "r");
	strbuf_release(&t);
}

Agraph_t *diagram_build(sqlite3 *db, const struct diagram_options *opts)
{
	struct diagram D;
	if (graphviz_load() < 0)
		return NULL;
	memset(&D, 0, sizeof(D));
	D.db = db;
	idmap_init(&D.ids, 1024);

	/* Summarize when drawing every device would make the layout slow. */
	size_t max = opts && opts->detail_max ? opts->detail_max : DIAGRAM_DETAIL_MAX;
	D.full_detail = opts && opts->full_detail;
	long nodes = scalar(&D, "SELECT (SELECT count(*) FROM devices) + (SELECT count(*) FROM systems)"
				" + (SELECT count(*) FROM parties)");
	D.summary = nodes > (long)max;

	D.g = sym_agopen((char *)"bunkai", *sym_Agdirected, graph_ids_disc());
	sym_agattr(D.g, AGRAPH, (char *)"fontname", (char *)FONT);
	sym_agattr(D.g, AGNODE, (char *)"fontname", (char *)FONT);
	sym_agattr(D.g, AGEDGE, (char *)"fontname", (char *)FONT);
	sym_agattr(D.g, AGNODE, (char *)"fontsize", (char *)"10");
	sym_agattr(D.g, AGEDGE, (char *)"fontsize", (char *)"9");
	set(D.g, "rankdir", "LR");
	set(D.g, "compound", "true");
	set(D.g, "fontsize", "10");
	set(D.g, "newrank", "true");
	/* A label that cannot be placed without covering a node is left out:
	   each link style differs in colour and pattern, and the title block
	   names them. */
	set(D.g, "forcelabels", "false");
	if (D.summary)
		set(D.g, "comment", "devices summarized per system (too many to draw one by one)");
	build_parties(&D);
	build_systems(&D);
	if (!D.summary)
		build_devices(&D);
	build_links(&D);
	build_doors_and_reach(&D);
	build_title_block(&D);

	sqlite3_finalize(D.find_by_id);
	sqlite3_finalize(D.find_crossing);
	idmap_release(&D.ids);
	pool_release(&D.pool);
	free(D.where);
	free(D.org);
	return D.g;
}
