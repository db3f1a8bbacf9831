#include "session.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/csv/csv_table.h"
#include "model/csv/import_csv.h"
#include "model/db/db.h"
#include "model/json/load_json.h"
#include "model/json/save.h"
#include "model/util/read_input.h"
#include "model/xlsx/read_xlsx.h"
#include "model/util/diag.h"
#include "model/util/exit_codes.h"
#include "model/util/textcheck.h"
#include "model/util/xalloc.h"
#include "model/util/i18n.h"
#include "model/util/progress.h"
#include "nettle_dl.h"

static void hex_digest(struct sha256_ctx *ctx, char hex[65])
{
	uint8_t digest[SHA256_DIGEST_SIZE];
	sym_nettle_sha256_digest(ctx, sizeof(digest), digest);
	for (size_t i = 0; i < sizeof(digest); i++)
		snprintf(hex + 2 * i, 3, "%02x", digest[i]);
}

/* 0, or -1 when nettle cannot be loaded (said). */
static int checksum(const char *buf, size_t len, char hex[65])
{
	if (nettle_load() < 0)
		return -1;
	struct sha256_ctx ctx;
	sym_nettle_sha256_init(&ctx);
	sym_nettle_sha256_update(&ctx, len, (const uint8_t *)buf);
	hex_digest(&ctx, hex);
	return 0;
}

/* A folder's checksum: of its files' bytes as read, in the fixed order of
   the ledgers, each preceded by its name and a NUL. */
static void hash_file(void *ctx, const char *name, const char *bytes, size_t len)
{
	sym_nettle_sha256_update(ctx, strlen(name) + 1, (const uint8_t *)name);
	sym_nettle_sha256_update(ctx, len, (const uint8_t *)bytes);
}

int session_load(struct session *s, const char *file, const char *as_of, unsigned flags)
{
	char *buf = NULL;
	size_t len = 0;
	if (as_of && !date_valid(as_of)) {
		memset(s, 0, sizeof(*s));
		error(_("--as-of: invalid date \"%s\": use YYYY-MM-DD"), as_of);
		return EXIT_USAGE;
	}
	if (strcmp(file, "-") && is_directory(file))
		return session_load_csv(s, file, NULL, 0, ENC_AUTO, as_of, flags);
	int rc = read_input(file, &buf, &len);
	progress_mark("read");
	if (rc) {
		memset(s, 0, sizeof(*s));
		return rc;
	}
	rc = session_load_buffer(s, strcmp(file, "-") ? file : "<stdin>", buf, len, as_of, flags & ~SESSION_DB);
	/* Freed before the model is built: SQLite reuses its memory instead of
	   touching fresh pages (15 MB at 100,000 devices). */
	free(buf);
	return rc == EXIT_OK && (flags & SESSION_DB) ? session_build_db(s) : rc;
}

int session_build_db(struct session *s)
{
	s->db = db_open(&s->inv);
	if (!s->db || db_load(s->db, &s->cat, &s->inv, s->as_of, s->every_table) < 0)
		return EXIT_FAILURE_IO;
	return EXIT_OK;
}

/* After loading: the as-of date, the document and the model if asked. */
static int finish(struct session *s, const char *as_of, unsigned flags)
{
	if (as_of)
		memcpy(s->as_of, as_of, 11);
	else if (s->inv.as_of)
		memcpy(s->as_of, s->inv.as_of, 11);
	else
		date_today(s->as_of);
	if ((flags & SESSION_DOC) && !s->doc) {
		char *text = inventory_to_json(&s->inv, &s->cat);
		s->doc = cJSON_Parse(text);
		free(text);
		if (!s->doc)
			return error(_("internal error: the inventory written as JSON does not parse")), EXIT_FAILURE_IO;
	}
	return (flags & SESSION_DB) ? session_build_db(s) : EXIT_OK;
}

/* After ledgers were read (rc of the reading, problems in d): the problems
   printed, then the exit status, or the rest of the loading. */
static int ledgers_read(struct session *s, int rc, struct diag *d, const char *as_of, unsigned flags)
{
	int io_failed = d->io_failed;
	diag_print(d);
	diag_release(d);
	return rc < 0 ? (io_failed ? EXIT_FAILURE_IO : EXIT_USAGE) : finish(s, as_of, flags);
}

/* A workbook's sheets through the CSV importer (docs/csv-import.md). */
static int load_workbook(struct session *s, const char *buf, size_t len, const char *as_of, unsigned flags)
{
	struct diag d;
	diag_init(&d, s->name);
	struct xlsx_book book;
	int rc = xlsx_book_open(&book, s->name, buf, len, &d);
	if (rc == 0) {
		struct csv_source src = { .book = &book };
		rc = inventory_load_csv(&s->inv, &s->cat, &src, &d);
		xlsx_book_release(&book);
	}
	return ledgers_read(s, rc, &d, as_of, flags);
}

int session_load_buffer(struct session *s, const char *name, const char *buf, size_t len, const char *as_of,
			unsigned flags)
{
	memset(s, 0, sizeof(*s));
	s->name = name;
	s->every_table = (flags & SESSION_EVERY_TABLE) != 0;
	catalog_load(&s->cat);
	inventory_init(&s->inv);
	if (flags & SESSION_CHECKSUM) {
		if (checksum(buf, len, s->sha256) < 0)
			return EXIT_FAILURE_IO;
		progress_mark("checksum");
	}
	if (xlsx_is_workbook(buf, len))
		return load_workbook(s, buf, len, as_of, flags);
	struct diag d;
	diag_init(&d, name);
	int rc;
	if (flags & SESSION_DOC) { /* kept, for the plan to edit */
		s->doc = inventory_parse_json(buf, len, &d);
		rc = s->doc ? inventory_load_tree(&s->inv, &s->cat, s->doc, &d) : -1;
	} else {
		rc = inventory_load_json(&s->inv, &s->cat, buf, len, &d);
	}
	progress_mark("JSON read and checked");
	diag_print(&d);
	diag_release(&d);
	return rc < 0 ? EXIT_USAGE : finish(s, as_of, flags);
}

int session_reload(struct session *s)
{
	inventory_release(&s->inv);
	inventory_init(&s->inv);
	struct diag d;
	diag_init(&d, s->name);
	int rc = inventory_load_tree(&s->inv, &s->cat, s->doc, &d);
	diag_print(&d);
	diag_release(&d);
	return rc < 0 ? EXIT_USAGE : EXIT_OK;
}

int session_load_csv(struct session *s, const char *dir, const char *const *files, size_t n_files, int encoding,
		     const char *as_of, unsigned flags)
{
	memset(s, 0, sizeof(*s));
	s->name = dir ? dir : "csv";
	s->every_table = (flags & SESSION_EVERY_TABLE) != 0;
	catalog_load(&s->cat);
	inventory_init(&s->inv);
	struct diag d;
	diag_init(&d, dir ? dir : "csv");
	struct sha256_ctx hash;
	int sum = (flags & SESSION_CHECKSUM) != 0;
	if (sum && nettle_load() < 0) {
		diag_release(&d);
		return EXIT_FAILURE_IO;
	}
	if (sum)
		sym_nettle_sha256_init(&hash);
	struct csv_source src = { dir, files, n_files, encoding, sum ? hash_file : NULL, &hash, NULL };
	int rc = inventory_load_csv(&s->inv, &s->cat, &src, &d);
	if (sum)
		hex_digest(&hash, s->sha256);
	return ledgers_read(s, rc, &d, as_of, flags);
}

void session_drop_model(struct session *s)
{
	if (s->db)
		db_close(s->db);
	s->db = NULL;
	cJSON_Delete(s->doc);
	s->doc = NULL;
	inventory_release(&s->inv);
	inventory_init(&s->inv);
}

void session_release(struct session *s)
{
	if (s->db)
		db_close(s->db);
	cJSON_Delete(s->doc);
	inventory_release(&s->inv);
	catalog_release(&s->cat);
	memset(s, 0, sizeof(*s));
}
