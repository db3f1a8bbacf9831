/*
** Graphviz (libgvc, with the libcgraph, libcdt and libpathplan it needs),
** loaded when a diagram is first drawn (model/util/dlib.h says why). Call
** its functions as sym_NAME; its three data objects are reached through
** pointers too (*sym_Agdirected).
*/
#ifndef BUNKAI_GRAPHVIZ_DL_H
#define BUNKAI_GRAPHVIZ_DL_H

#include <gvc.h>
#include <pathplan.h>

#include "model/util/dlib.h"

/* libpathplan's obstacle router, which dot and neato use for their edges.
   The library exports it, but Debian's libgraphviz-dev does not install
   its header (vispath.h): the declarations, as that header has them. */
#define POLYID_UNKNOWN (-2222)
extern vconfig_t *Pobsopen(Ppoly_t **obstacles, int n_obstacles);
extern int Pobspath(vconfig_t *config, Ppoint_t p0, int poly0, Ppoint_t p1, int poly1, Ppolyline_t *output_route);
extern void Pobsclose(vconfig_t *config);

#define GRAPHVIZ_SYMBOLS(X)                                                                                        \
	X(AgIoDisc) X(AgMemDisc) X(Agdirected) X(Pobsclose) X(Pobsopen) X(Pobspath) X(Ppolybarriers)                \
	X(Proutespline) X(agattr) X(agclose) X(agcontains) X(agedge) X(agfstnode) X(agfstout) X(agfstsubg) X(agget) \
	X(aghtmlstr) X(agnameof) X(agnode) X(agnxtattr) X(agnxtnode) X(agnxtout) X(agnxtsubg) X(agobjkind)          \
	X(agopen) X(agraphof) X(agroot) X(agsafeset) X(agseterrf) X(agstrdup) X(agstrdup_html) X(agstrfree)         \
	X(agsubg) X(agsubnode) X(agxget) X(gvContext) X(gvFreeContext) X(gvFreeLayout) X(gvLayout) X(gvRender)

GRAPHVIZ_SYMBOLS(DLIB_DECLARE)

/* 0 once Graphviz is loaded; -1 after saying why it could not be. */
int graphviz_load(void);

#endif
