/*
** Laying the diagram out so that it fits a page (docs/diagram.md, "The
** layout").
**
** dot ranks a graph along one axis and orders each rank along the other, so
** boxes that no edge orders all land in one rank: a 300-device hospital came
** out as a strip forty times taller than wide, which no page scale makes
** readable. So dot lays out each top-level box (the organization, a vendor
** with its subcontractors and the systems it coordinates, the areas of
** systems nobody owns and of devices without a system) as a graph of its
** own, with the nodes a box holds directly set in a grid; the boxes are
** packed in rows to the shape of the page, the title block in the
** bottom-right corner; and neato -n2 finishes the whole graph: it keeps every
** position and every link routed inside a box, and routes only the links
** between boxes. The graph the caller built is unchanged but for the
** positions (pos, bb, lp), so its DOT keeps the ids and clusters, and
** `neato -n2` draws that DOT again as it is.
*/
#include "analyzer/writers/diagram_layout.h"

#include <math.h>
#include <pathplan.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer/writers/graph_ids.h"
#include "analyzer/writers/graphviz_dl.h"
#include "model/util/idmap.h"
#include "model/util/progress.h"
#include "model/util/strbuf.h"
#include "model/util/xalloc.h"

enum {
	GAP = 36,     /* points between boxes: room for the links between them */
	GRID_MIN = 4, /* a box's own nodes in a grid from this many on */
};

/* A box's own nodes are about 1.8 in wide and 0.75 in tall with their
   spacing: this many rows per column makes the grid about square. */
#define GRID_ROWS_PER_COL 2.4

struct block {
	Agraph_t *src;    /* a top-level cluster of the diagram; NULL: its loose nodes */
	Agnode_t **nodes; /* its nodes, in the diagram's order (owned array) */
	size_t n_nodes, cap_nodes;
	Agraph_t *copy;   /* the same box as a graph of its own, laid out by dot */
	double w, h;      /* the size of its drawing, points */
	double x, y;      /* where its lower-left corner goes */
};

static void set(void *obj, const char *name, const char *value)
{
	sym_agsafeset(obj, (char *)name, (char *)value, (char *)"");
}

static int is_cluster(Agraph_t *s)
{
	return !strncmp(sym_agnameof(s), "cluster", 7);
}

/* Attributes a box laid out on its own does without: the page, positions,
   and the outside labels, which are placed on the finished drawing. */
static int not_copied(const char *name)
{
	static const char *const names[] = { "size", "dpi", "page", "center", "ratio", "bb", "lp", "pos", "xlabel" };
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (!strcmp(names[i], name))
			return 1;
	return 0;
}

/* Set a value taken from another graph: cgraph knows an HTML-like string
   by its entry in the graph's own string pool, so it is made again there. */
static void set_copy(void *to, const char *name, char *v)
{
	if (sym_aghtmlstr(v)) {
		Agraph_t *g = sym_agraphof(to);
		char *h = sym_agstrdup_html(g, v);
		sym_agsafeset(to, (char *)name, h, (char *)"");
		sym_agstrfree(g, h);
	} else {
		set(to, name, v);
	}
}

/* Copy every attribute value of `from` (an object of graph g) to `to`. */
static void copy_attrs(Agraph_t *g, int kind, void *from, void *to)
{
	for (Agsym_t *a = sym_agnxtattr(g, kind, NULL); a; a = sym_agnxtattr(g, kind, a)) {
		char *v = sym_agxget(from, a);
		if (v && *v && !not_copied(a->name))
			set_copy(to, a->name, v);
	}
}

/* The nested clusters of `src` inside `to`, with their nodes. */
static void copy_clusters(Agraph_t *g, Agraph_t *src, Agraph_t *to)
{
	for (Agraph_t *s = sym_agfstsubg(src); s; s = sym_agnxtsubg(s)) {
		Agraph_t *c = sym_agsubg(to, sym_agnameof(s), 1);
		copy_attrs(g, AGRAPH, s, c);
		for (Agnode_t *n = sym_agfstnode(s); n; n = sym_agnxtnode(s, n))
			sym_agsubnode(c, sym_agnode(sym_agroot(to), sym_agnameof(n), 0), 1);
		copy_clusters(g, s, c);
	}
}

/*
** The nodes `c` holds itself (not through a nested box) in a grid: dot puts
** a box's unconnected nodes in one rank, a column of them all; an invisible
** edge from each node to the one a column further makes columns of about
** GRID_ROWS_PER_COL times as many rows.
*/
static void grid(Agraph_t *c)
{
	size_t n = 0, cap = 0;
	Agnode_t **own = NULL;
	for (Agnode_t *v = sym_agfstnode(c); v; v = sym_agnxtnode(c, v)) {
		int nested = 0;
		for (Agraph_t *s = sym_agfstsubg(c); s && !nested; s = sym_agnxtsubg(s))
			nested = sym_agsubnode(s, v, 0) != NULL;
		if (!nested) {
			own = xgrow(own, &cap, n + 1, sizeof(*own));
			own[n++] = v;
		}
	}
	size_t cols = n >= GRID_MIN ? (size_t)lround(sqrt((double)n / GRID_ROWS_PER_COL)) : 1;
	if (cols > 1) {
		size_t rows = (n + cols - 1) / cols;
		for (size_t i = 0; i + rows < n; i++) {
			Agedge_t *e = sym_agedge(sym_agroot(c), own[i], own[i + rows], NULL, 1);
			set(e, "style", "invis");
		}
	}
	free(own);
	for (Agraph_t *s = sym_agfstsubg(c); s; s = sym_agnxtsubg(s))
		grid(s);
}

/*
** Block b as a graph of its own: its nodes in the diagram's order, its
** clusters, the edges between its nodes, and the grid. `where` maps a node's
** name to its block's index.
*/
static Agraph_t *copy_block(Agraph_t *g, const struct block *b, const struct idmap *where, size_t index)
{
	Agraph_t *copy = sym_agopen((char *)"block", *sym_Agdirected, graph_ids_disc());
	static const char *const root_attrs[][2] = {
		{ "rankdir", "LR" }, { "newrank", "true" }, { "compound", "true" }, { "forcelabels", "false" },
		/* Closer than dot's 0.25 in and 0.5 in: the page is what limits the type size. */
		{ "nodesep", "0.15" }, { "ranksep", "0.3" },
	};
	for (size_t i = 0; i < sizeof(root_attrs) / sizeof(*root_attrs); i++)
		set(copy, root_attrs[i][0], root_attrs[i][1]);
	Agraph_t *top = copy;
	if (b->src) {
		top = sym_agsubg(copy, sym_agnameof(b->src), 1);
		copy_attrs(g, AGRAPH, b->src, top);
	}
	for (size_t i = 0; i < b->n_nodes; i++)
		copy_attrs(g, AGNODE, b->nodes[i], sym_agnode(top, sym_agnameof(b->nodes[i]), 1));
	if (b->src)
		copy_clusters(g, b->src, top);
	for (size_t i = 0; i < b->n_nodes; i++)
		for (Agedge_t *e = sym_agfstout(g, b->nodes[i]); e; e = sym_agnxtout(g, e)) {
			const struct idref *h = idmap_get(where, sym_agnameof(aghead(e)));
			if (!h || h->index != index)
				continue;
			Agedge_t *f = sym_agedge(copy, sym_agnode(copy, sym_agnameof(b->nodes[i]), 0),
					     sym_agnode(copy, sym_agnameof(aghead(e)), 0), sym_agnameof(e), 1);
			copy_attrs(g, AGEDGE, e, f);
		}
	grid(top);
	return copy;
}

/* The title block's size in points, as Graphviz will draw the graph's label. */
static int legend_size(GVC_t *gvc, Agraph_t *g, double *w, double *h)
{
	*w = *h = 0;
	char *label = sym_agget(g, (char *)"label");
	if (!label || !*label)
		return 0;
	Agraph_t *t = sym_agopen((char *)"legend", *sym_Agdirected, graph_ids_disc());
	Agnode_t *n = sym_agnode(t, (char *)"legend", 1);
	set(n, "shape", "plain");
	set(n, "fontname", sym_agget(g, (char *)"fontname"));
	set(n, "fontsize", sym_agget(g, (char *)"fontsize"));
	set_copy(n, "label", label);
	int rc = sym_gvLayout(gvc, t, "dot");
	if (rc == 0) {
		/* A graph label is padded by 4 × 4 points across, 2 × 4 down. */
		*w = ND_width(n) * 72 + 16;
		*h = ND_height(n) * 72 + 8;
		sym_gvFreeLayout(gvc, t);
	}
	sym_agclose(t);
	return rc;
}

/*
** Shelf packing: blocks in `order` (tallest first) left to right in rows
** no wider than `limit` (a block wider than it gets a row of its own), rows
** top to bottom, then the title block at the right end of the last row if
** there is room beside its blocks, else in a row of its own. Returns the
** drawing's size and the title block's place; each block's x is set, and
** its y as the distance of its top from the drawing's top (pack turns that
** into the lower-left corner once the packing is chosen).
*/
struct packing {
	double w, h;
	double lx, ly; /* the title block's lower-left corner */
};

static struct packing shelf(struct block *b, const size_t *order, size_t n, double limit, double lw, double lh)
{
	double x = 0, top = 0, row_h = 0, widest = 0;
	for (size_t k = 0; k < n; k++) {
		struct block *v = &b[order[k]];
		if (x > 0 && x + v->w > limit) {
			top += row_h + GAP;
			x = row_h = 0;
		}
		v->x = x;
		v->y = top;
		x += v->w + GAP;
		if (v->h > row_h)
			row_h = v->h;
		if (x - GAP > widest)
			widest = x - GAP;
	}
	double used = x > 0 ? x - GAP : 0, w = widest > lw ? widest : lw, bottom;
	if (n > 0 && lw > 0 && w - used - GAP >= lw) {
		/* In the last row, at its right end; the row grows to hold it. */
		bottom = top + (lh > row_h ? lh : row_h);
	} else {
		if (n > 0)
			top += row_h + (lh > 0 ? GAP : 0);
		bottom = top + lh;
	}
	return (struct packing){ w, bottom, w - lw, 0 };
}

struct tallest {
	double h;
	size_t i;
};

static int by_height(const void *a, const void *b)
{
	const struct tallest *x = a, *y = b;
	if (x->h != y->h)
		return x->h > y->h ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

/*
** The row width that lets the page show the drawing largest: every width at
** which a row could break is tried (each prefix of the blocks, each block
** alone); the scale is the smaller of page width / drawing width and page
** height / drawing height; ties go to the smaller area.
*/
static struct packing pack(struct block *b, size_t n, double page_w, double page_h, double lw, double lh)
{
	struct tallest *t = xmalloc((n ? n : 1) * sizeof(*t));
	for (size_t i = 0; i < n; i++)
		t[i] = (struct tallest){ b[i].h, i };
	qsort(t, n, sizeof(*t), by_height);
	size_t *order = xmalloc((n ? n : 1) * sizeof(*order));
	for (size_t i = 0; i < n; i++)
		order[i] = t[i].i;
	free(t);
	double best_limit = 0, best_scale = -1, best_area = 0, sum = 0;
	for (size_t k = 0; k <= 2 * n; k++) {
		double limit;
		if (k < n) {
			sum += (k ? GAP : 0) + b[order[k]].w;
			limit = sum;
		} else if (k < 2 * n) {
			limit = b[order[k - n]].w;
		} else {
			limit = 0;
		}
		struct packing p = shelf(b, order, n, limit, lw, lh);
		double sx = page_w / (p.w + GAP), sy = page_h / (p.h + GAP);
		double scale = sx < sy ? sx : sy, area = p.w * p.h;
		if (scale > best_scale + 1e-9 || (fabs(scale - best_scale) <= 1e-9 && area < best_area)) {
			best_scale = scale;
			best_area = area;
			best_limit = limit;
		}
	}
	struct packing p = shelf(b, order, n, best_limit, lw, lh);
	for (size_t i = 0; i < n; i++)
		b[i].y = p.h - b[i].y - b[i].h;
	free(order);
	return p;
}

/* How far block b's drawing moves to its place. */
static pointf offset(const struct block *b)
{
	boxf bb = GD_bb(b->copy);
	return (pointf){ b->x - bb.LL.x, b->y - bb.LL.y };
}

/* "x0,y0,x1,y1" into the graph's attribute `name` (bb). */
static void set_box(void *obj, const char *name, double x0, double y0, double x1, double y1)
{
	char buf[128];
	snprintf(buf, sizeof(buf), "%.2f,%.2f,%.2f,%.2f", x0, y0, x1, y1);
	set(obj, name, buf);
}

/* "x,y" of a point moved by (dx, dy), into the graph's attribute `name`. */
static void set_point(void *obj, const char *name, pointf pt, double dx, double dy)
{
	char buf[64];
	snprintf(buf, sizeof(buf), "%.2f,%.2f", pt.x + dx, pt.y + dy);
	set(obj, name, buf);
}

/* An edge's route in the form of the pos attribute, moved by (dx, dy). */
static void set_route(Agedge_t *to, Agedge_t *e, double dx, double dy)
{
	splines *spl = ED_spl(e);
	if (!spl)
		return;
	struct strbuf sb = STRBUF_INIT;
	for (int i = 0; i < spl->size; i++) {
		const bezier *bz = &spl->list[i];
		if (i)
			strbuf_addch(&sb, ';');
		if (bz->sflag)
			strbuf_addf(&sb, "s,%.2f,%.2f ", bz->sp.x + dx, bz->sp.y + dy);
		if (bz->eflag)
			strbuf_addf(&sb, "e,%.2f,%.2f ", bz->ep.x + dx, bz->ep.y + dy);
		for (int j = 0; j < bz->size; j++)
			strbuf_addf(&sb, "%s%.2f,%.2f", j ? " " : "", bz->list[j].x + dx, bz->list[j].y + dy);
	}
	set(to, "pos", sb.buf);
	strbuf_release(&sb);
}

/* The clusters under `copy` placed onto their originals under `orig`. */
static void place_clusters(Agraph_t *copy, Agraph_t *orig, double dx, double dy)
{
	for (Agraph_t *s = sym_agfstsubg(copy); s; s = sym_agnxtsubg(s)) {
		Agraph_t *o = sym_agsubg(orig, sym_agnameof(s), 0);
		if (!o)
			continue;
		boxf bb = GD_bb(s);
		set_box(o, "bb", bb.LL.x + dx, bb.LL.y + dy, bb.UR.x + dx, bb.UR.y + dy);
		if (GD_label(s))
			set_point(o, "lp", GD_label(s)->pos, dx, dy);
		place_clusters(s, o, dx, dy);
	}
}

/* Block b's laid-out drawing onto the diagram g, at its place. */
static void place_block(Agraph_t *g, const struct block *b)
{
	pointf d = offset(b);
	double dx = d.x, dy = d.y;
	for (Agnode_t *n = sym_agfstnode(b->copy); n; n = sym_agnxtnode(b->copy, n)) {
		Agnode_t *o = sym_agnode(g, sym_agnameof(n), 0);
		set_point(o, "pos", ND_coord(n), dx, dy);
		for (Agedge_t *e = sym_agfstout(b->copy, n); e; e = sym_agnxtout(b->copy, e)) {
			if (!strcmp(sym_agget(e, (char *)"style"), "invis"))
				continue; /* the grid's */
			Agedge_t *f = sym_agedge(g, o, sym_agnode(g, sym_agnameof(aghead(e)), 0), sym_agnameof(e), 0);
			if (f)
				set_route(f, e, dx, dy);
		}
	}
	place_clusters(b->copy, g, dx, dy);
}

/* ---- the links between boxes ---- */

struct rect {
	double x0, y0, x1, y1;
};

/* Where the ray from c (inside r) towards p leaves r, and the outward
   normal of the side it crosses (unless NULL). */
static pointf leave(struct rect r, pointf c, pointf p, pointf *normal)
{
	double dx = p.x - c.x, dy = p.y - c.y, s = INFINITY, t;
	pointf nrm = { 0, 0 };
	if (dx > 0 && (t = (r.x1 - c.x) / dx) < s)
		s = t, nrm = (pointf){ 1, 0 };
	if (dx < 0 && (t = (r.x0 - c.x) / dx) < s)
		s = t, nrm = (pointf){ -1, 0 };
	if (dy > 0 && (t = (r.y1 - c.y) / dy) < s)
		s = t, nrm = (pointf){ 0, 1 };
	if (dy < 0 && (t = (r.y0 - c.y) / dy) < s)
		s = t, nrm = (pointf){ 0, -1 };
	if (normal)
		*normal = nrm;
	if (!isfinite(s) || s > 1e9)
		return c;
	return (pointf){ c.x + s * dx, c.y + s * dy };
}

/* The boxes (and the title block) as obstacles for libpathplan. */
struct router {
	vconfig_t *vc;
	Ppoint_t *pts;
	Ppoly_t *polys;
	Pedge_t *barriers;
	int n, nbarriers;
};

static void add_obstacle(struct router *r, struct rect a)
{
	enum { MARGIN = GAP / 3 }; /* the links keep to the middle of a gap */
	Ppoint_t *q = &r->pts[4 * r->n];
	/* Clockwise, as Graphviz gives its own obstacles. */
	q[0] = (Ppoint_t){ a.x0 - MARGIN, a.y0 - MARGIN };
	q[1] = (Ppoint_t){ a.x0 - MARGIN, a.y1 + MARGIN };
	q[2] = (Ppoint_t){ a.x1 + MARGIN, a.y1 + MARGIN };
	q[3] = (Ppoint_t){ a.x1 + MARGIN, a.y0 - MARGIN };
	r->polys[r->n] = (Ppoly_t){ q, 4 };
	r->n++;
}

static struct rect block_rect(const struct block *b)
{
	return (struct rect){ b->x, b->y, b->x + b->w, b->y + b->h };
}

/* The page's frame as four more barriers: a fitted spline stays inside. */
static void add_frame(struct router *r, struct rect f)
{
	r->barriers = xrealloc(r->barriers, ((size_t)r->nbarriers + 4) * sizeof(*r->barriers));
	Ppoint_t c[4] = { { f.x0, f.y0 }, { f.x0, f.y1 }, { f.x1, f.y1 }, { f.x1, f.y0 } };
	for (int k = 0; k < 4; k++)
		r->barriers[r->nbarriers++] = (Pedge_t){ c[k], c[(k + 1) % 4] };
}

static void router_open(struct router *r, const struct block *b, size_t n, struct rect legend, struct rect frame)
{
	memset(r, 0, sizeof(*r));
	r->pts = xmalloc(4 * (n + 1) * sizeof(*r->pts));
	r->polys = xmalloc((n + 1) * sizeof(*r->polys));
	for (size_t i = 0; i < n; i++)
		add_obstacle(r, block_rect(&b[i]));
	if (legend.x1 > legend.x0)
		add_obstacle(r, legend);
	Ppoly_t **obs = xmalloc(((size_t)r->n + 1) * sizeof(*obs));
	for (int i = 0; i < r->n; i++)
		obs[i] = &r->polys[i];
	r->vc = sym_Pobsopen(obs, r->n);
	sym_Ppolybarriers(obs, r->n, &r->barriers, &r->nbarriers);
	add_frame(r, frame);
	free(obs);
}

static void router_close(struct router *r)
{
	if (r->vc)
		sym_Pobsclose(r->vc);
	free(r->barriers);
	free(r->polys);
	free(r->pts);
}

/* A straight piece from the last point to q, as one cubic Bézier. */
static void add_straight(struct strbuf *sb, pointf p, pointf q)
{
	for (int k = 1; k <= 3; k++)
		strbuf_addf(sb, " %.2f,%.2f", p.x + (q.x - p.x) * k / 3, p.y + (q.y - p.y) * k / 3);
}

/* A node of a block as drawn: its centre and box in the final drawing. */
static struct rect node_rect(const struct block *b, Agnode_t *n, pointf *centre)
{
	pointf d = offset(b);
	centre->x = ND_coord(n).x + d.x;
	centre->y = ND_coord(n).y + d.y;
	double hw = ND_width(n) * 36, hh = ND_height(n) * 36;
	return (struct rect){ centre->x - hw, centre->y - hh, centre->x + hw, centre->y + hh };
}

/*
** A link from a node of block bt to one of block bh: straight out of its
** box, half a gap beyond the side that faces the other end, around the
** boxes between (libpathplan's shortest path, smoothed by its spline
** fitter), and straight in to the head, an arrow's length short of its
** border where the arrowhead goes.
*/
static void route(struct router *r, Agedge_t *e, const struct block *bt, Agnode_t *t, const struct block *bh,
		  Agnode_t *h)
{
	enum { ARROW = 10 };
	pointf tc, hc, nt, nh;
	struct rect tr = node_rect(bt, t, &tc), hr = node_rect(bh, h, &hc);
	pointf et = leave(block_rect(bt), tc, hc, &nt), eh = leave(block_rect(bh), hc, tc, &nh);
	et = (pointf){ et.x + nt.x * GAP / 2, et.y + nt.y * GAP / 2 };
	eh = (pointf){ eh.x + nh.x * GAP / 2, eh.y + nh.y * GAP / 2 };
	pointf start = leave(tr, tc, et, NULL), tip = leave(hr, hc, eh, NULL);
	double len = hypot(tip.x - eh.x, tip.y - eh.y);
	pointf end = len > ARROW ? (pointf){ tip.x - (tip.x - eh.x) * ARROW / len, tip.y - (tip.y - eh.y) * ARROW / len } : eh;

	struct strbuf sb = STRBUF_INIT;
	strbuf_addf(&sb, "e,%.2f,%.2f %.2f,%.2f", tip.x, tip.y, start.x, start.y);
	add_straight(&sb, start, et);
	Ppolyline_t line = { NULL, 0 }, spl = { NULL, 0 };
	Pvector_t slopes[2] = { { 0, 0 }, { 0, 0 } };
	if (!sym_Pobspath(r->vc, et, POLYID_UNKNOWN, eh, POLYID_UNKNOWN, &line) || line.pn < 2) {
		add_straight(&sb, et, eh);
	} else if (sym_Proutespline(r->barriers, r->nbarriers, line, slopes, &spl) >= 0 && spl.pn >= 4) {
		for (int k = 1; k < spl.pn; k++)
			strbuf_addf(&sb, " %.2f,%.2f", spl.ps[k].x, spl.ps[k].y);
	} else {
		for (int k = 1; k < line.pn; k++) /* no smooth fit: the path's corners */
			add_straight(&sb, line.ps[k - 1], line.ps[k]);
	}
	free(line.ps); /* Pobspath's; Proutespline's is its own buffer */
	add_straight(&sb, eh, end);
	set(e, "pos", sb.buf);
	strbuf_release(&sb);
}

/* Every link whose ends are in different blocks. */
static void route_between(Agraph_t *g, const struct block *b, size_t n, const struct idmap *where, struct rect legend,
			  struct rect frame)
{
	struct router r;
	router_open(&r, b, n, legend, frame);
	for (Agnode_t *v = sym_agfstnode(g); v; v = sym_agnxtnode(g, v)) {
		const struct idref *ti = idmap_get(where, sym_agnameof(v));
		for (Agedge_t *e = sym_agfstout(g, v); e; e = sym_agnxtout(g, e)) {
			const struct idref *hi = idmap_get(where, sym_agnameof(aghead(e)));
			if (!ti || !hi || ti->index == hi->index)
				continue;
			const struct block *bt = &b[ti->index], *bh = &b[hi->index];
			route(&r, e, bt, sym_agnode(bt->copy, sym_agnameof(v), 0), bh, sym_agnode(bh->copy, sym_agnameof(aghead(e)), 0));
		}
	}
	router_close(&r);
}

static void add_node(struct block *b, struct idmap *where, size_t index, Agnode_t *v)
{
	b->nodes = xgrow(b->nodes, &b->cap_nodes, b->n_nodes + 1, sizeof(*b->nodes));
	b->nodes[b->n_nodes++] = v;
	idmap_put(where, sym_agnameof(v), ID_NONE, index);
}

int diagram_layout(GVC_t *gvc, Agraph_t *g, double page_w, double page_h)
{
	int rc = -1;
	struct block *b = NULL;
	size_t n = 0, cap = 0, loose = (size_t)-1;
	struct idmap where;
	idmap_init(&where, 256);
	for (Agraph_t *s = sym_agfstsubg(g); s; s = sym_agnxtsubg(s)) {
		if (!is_cluster(s))
			continue;
		b = xgrow(b, &cap, n + 1, sizeof(*b));
		b[n] = (struct block){ .src = s };
		for (Agnode_t *v = sym_agfstnode(s); v; v = sym_agnxtnode(s, v))
			add_node(&b[n], &where, n, v);
		n++;
	}
	for (Agnode_t *v = sym_agfstnode(g); v; v = sym_agnxtnode(g, v)) {
		if (idmap_get(&where, sym_agnameof(v)))
			continue;
		if (loose == (size_t)-1) {
			b = xgrow(b, &cap, n + 1, sizeof(*b));
			b[n] = (struct block){ .src = NULL };
			loose = n++;
		}
		add_node(&b[loose], &where, loose, v);
	}

	size_t done = 0;
	for (; done < n; done++) {
		b[done].copy = copy_block(g, &b[done], &where, done);
		if (sym_gvLayout(gvc, b[done].copy, "dot") != 0) {
			sym_agclose(b[done].copy);
			goto out;
		}
		boxf bb = GD_bb(b[done].copy);
		b[done].w = bb.UR.x - bb.LL.x;
		b[done].h = bb.UR.y - bb.LL.y;
	}
	progress_mark("layout: boxes (dot)");
	double lw, lh;
	if (legend_size(gvc, g, &lw, &lh) != 0)
		goto out;
	progress_mark("layout: title block (dot)");
	struct packing p = pack(b, n, page_w * 72, page_h * 72, lw, lh);
	for (size_t i = 0; i < n; i++)
		place_block(g, &b[i]);
	/* Half a gap of margin: the links between boxes may run round the outside. */
	struct rect legend = { p.lx, p.ly, p.lx + lw, p.ly + lh };
	struct rect frame = { -GAP / 2.0, -GAP / 2.0, p.w + GAP / 2.0, p.h + GAP / 2.0 };
	route_between(g, b, n, &where, legend, frame);
	progress_mark("layout: links between boxes");
	set_box(g, "bb", frame.x0, frame.y0, frame.x1, frame.y1);
	if (lw > 0)
		set_point(g, "lp", (pointf){ p.lx + lw / 2, p.ly + lh / 2 }, 0, 0);
	rc = sym_gvLayout(gvc, g, "nop2") == 0 ? 0 : -1;
out:
	for (size_t i = 0; i < done; i++) {
		sym_gvFreeLayout(gvc, b[i].copy);
		sym_agclose(b[i].copy);
	}
	for (size_t i = 0; i < n; i++)
		free(b[i].nodes);
	free(b);
	idmap_release(&where);
	return rc;
}
