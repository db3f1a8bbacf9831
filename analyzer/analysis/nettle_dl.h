/*
** nettle's SHA-256, loaded when a command first takes an inventory's
** checksum — only the HTML report prints it (model/util/dlib.h says why).
** Call its functions as sym_NAME; nettle's own names (sha2.h maps
** sha256_init to nettle_sha256_init).
*/
#ifndef BUNKAI_NETTLE_DL_H
#define BUNKAI_NETTLE_DL_H

#include <nettle/sha2.h>

#include "model/util/dlib.h"

#define NETTLE_FUNCTIONS(X) X(nettle_sha256_init) X(nettle_sha256_update) X(nettle_sha256_digest)

NETTLE_FUNCTIONS(DLIB_DECLARE)

/* 0 once the library is loaded; -1 after saying why it could not be. */
int nettle_load(void);

#endif
