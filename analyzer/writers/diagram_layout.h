/*
** Laying the boundary diagram out on a page (docs/diagram.md, "The
** layout"): each top-level box drawn by dot on its own, the boxes packed in
** rows to the page's shape, the links between boxes routed last.
*/
#ifndef BUNKAI_DIAGRAM_LAYOUT_H
#define BUNKAI_DIAGRAM_LAYOUT_H

#include <gvc.h>

/* Lay out g (from diagram_build) for a drawing area of page_w × page_h
   inches. Returns 0, or -1 when Graphviz fails (its message went to the
   error callback). Undo with gvFreeLayout(gvc, g) as after gvLayout. */
int diagram_layout(GVC_t *gvc, Agraph_t *g, double page_w, double page_h);

#endif
