/*
** Cross-entity checks of a loaded inventory: unique ids, references that
** name the right kind of entity (from the fields' .refers in entities.h),
** no subcontract cycle. Shared by both loaders.
*/
#ifndef BUNKAI_VALIDATE_H
#define BUNKAI_VALIDATE_H

#include <stddef.h>

#include "model/inventory.h"
#include "model/util/diag.h"

/* Returns the number of problems (recorded in d). */
size_t inventory_validate(const struct inventory *inv, struct diag *d);

#endif
