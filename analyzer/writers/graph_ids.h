/*
** A cgraph ID discipline that numbers named objects in the order they are
** created. cgraph's default uses the address of the name's string as its
** ID and keeps subgraphs ordered by ID, so the order of the clusters — and
** with it Graphviz's layout — changed with heap addresses (the length of
** the -o path was enough). With these IDs the same inventory always draws
** the same picture.
*/
#ifndef BUNKAI_GRAPH_IDS_H
#define BUNKAI_GRAPH_IDS_H

#include <cgraph.h>

/* Pass to agopen(), once Graphviz is loaded (graphviz_dl.h):
   sym_agopen(name, *sym_Agdirected, graph_ids_disc()). */
Agdisc_t *graph_ids_disc(void);

#endif
