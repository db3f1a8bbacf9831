/*
** Caps on what one document may hold (docs/limits.md): any input gives an
** answer in bounded time and memory. Each has a test.
*/
#ifndef BUNKAI_LIMITS_H
#define BUNKAI_LIMITS_H

enum {
	INPUT_MAX = 256 * 1024 * 1024, /* bytes of one inventory document or CSV file */
	NESTING_MAX = 64,              /* the format needs 4 levels */
	ENTITY_MAX = 1000000,          /* entries of one top-level array (devices…) */
	LIST_MAX = 10000,              /* entries of a list inside an entity (systems, via…) */
	TEXT_MAX = 4096,               /* bytes of a name or another text value */
	/* A workbook (model/xlsx): what its package may unpack to, and its sheets. */
	XLSX_PART_MAX = 256 * 1024 * 1024, /* bytes of one part, uncompressed */
	XLSX_TOTAL_MAX = 1024 * 1024 * 1024, /* bytes of all parts read, uncompressed */
	XLSX_SHEETS_MAX = 256,
	XLSX_COLUMNS_MAX = 1024,       /* a cell with a value right of column AMJ is refused */
	XLSX_ROWS_MAX = 1048576,       /* Excel's own limit */
	XLSX_CELLS_MAX = 20000000      /* cells of one sheet, empty ones left of a value included */
};

#endif
