/*
** libFuzzer target: any bytes as an Excel workbook. The zip (libzip, from
** memory), the XML parts (expat) and the sheets read into tables must give
** tables or diagnostics within the limits, never a crash, a hang or
** unbounded memory (model/xlsx).
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/xlsx/read_xlsx.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size ? size : 1);
	memcpy(buf, data, size);
	struct diag d;
	diag_init(&d, "fuzz.xlsx");
	struct xlsx_book b;
	if (xlsx_book_open(&b, "fuzz.xlsx", buf, size, &d) == 0) {
		/* Every sheet, by its own name. */
		for (size_t i = 0; i < b.n; i++) {
			const char *names[] = { b.sheets[i].name, NULL };
			xlsx_book_sheet(&b, names);
		}
		xlsx_book_release(&b);
	}
	diag_release(&d);
	free(buf);
	return 0;
}
