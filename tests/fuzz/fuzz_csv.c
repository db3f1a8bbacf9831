/*
** libFuzzer target: any bytes as one CSV ledger file. Decoding (UTF-8 or
** CP932 through iconv), RFC 4180 parsing with libcsv and cell trimming must
** give rows or diagnostics, never a crash, a hang or unbounded memory.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/csv/csv_table.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum csv_encoding encodings[] = { ENC_AUTO, ENC_UTF8, ENC_CP932 };
	/* Exactly the bytes, no terminating NUL. */
	char *buf = malloc(size ? size : 1);
	memcpy(buf, data, size);
	for (size_t e = 0; e < 3; e++) {
		struct csv_table t;
		struct diag d;
		diag_init(&d, "fuzz.csv");
		if (csv_table_parse(&t, "fuzz.csv", buf, size, encodings[e], &d) == 0)
			csv_table_release(&t);
		diag_release(&d);
	}
	free(buf);
	return 0;
}
