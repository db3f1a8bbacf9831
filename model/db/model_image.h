/*
** The empty model as SQLite's file image: every table and index an
** analysis creates, no row. build/gen/model_image.c holds it, written at
** build time by model/tools/model_image.c from db_build_empty() — the
** same schema and scripts, so the two cannot differ. db_open starts a
** hospital's model from a copy of it instead of compiling some 70 CREATE
** statements.
*/
#ifndef BUNKAI_MODEL_IMAGE_H
#define BUNKAI_MODEL_IMAGE_H

#include <stddef.h>

extern const unsigned char model_image[];
extern const size_t model_image_size; /* 0: none (the build tool's own) */

#endif
