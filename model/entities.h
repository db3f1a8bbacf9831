/*
** One description per entity of the inventory (SPEC §3): the list of its
** fields, written once as an X-macro, makes
**
**   - the C struct (struct device …, in inventory.h),
**   - the field table every generic step reads (entities[] below): the JSON
**     loader's checks and messages (json/load_json.c), the JSON writer
**     (json/save_json.c), the CSV ledger columns with their Japanese and
**     English headers, import and export (csv/), the SQLite table, its
**     side tables and the inserts (db/db.c), the reference checks
**     (validate.c) and inventory_release().
**
** Adding an optional field to devices is one line in DEVICE_FIELDS (see
** docs/architecture.md), then the rule or output that uses it.
**
** A field line is X(struct, member, TYPE, flags, ...) where TYPE is one of
** the FT_ names below without the prefix, and the rest are designated
** initializers of struct field: .ja (the Japanese CSV header), .example (the
** template's example cell), .names/.aliases/.dflt for enums and booleans,
** .refers (what a reference must name), .column/.value_column (SQLite).
*/
#ifndef BUNKAI_ENTITIES_H
#define BUNKAI_ENTITIES_H

#include <stdbool.h>
#include <stddef.h>

#include "model/catalog.h"
#include "model/util/idmap.h"

/* A list of strings (in the inventory's pool; the array itself is owned). */
struct strlist {
	const char **v;
	size_t n;
	bool given; /* the key was there, even if empty (a subcontract's systems) */
};

enum field_type {
	FT_ID,    /* const char *: 1-64 of A-Za-z0-9._:- */
	FT_REF,   /* const char *: another entity's id */
	FT_NAME,  /* const char *: text without control characters, not empty */
	FT_TEXT,  /* const char *: text without control characters */
	FT_DATE,  /* const char *: YYYY-MM-DD, a real day */
	FT_BOOL,  /* bool */
	FT_TRIBOOL, /* int: 1 true, 0 false, -1 not given (unknown) */
	FT_ENUM,  /* int: index into .names */
	FT_REFS,  /* struct strlist of ids */
	FT_TEXTS, /* struct strlist of texts */
	FT_ITEMS, /* itemset: item ids, section wildcards, * */
	FT_ITEM,  /* int: one catalog item (its index) */
};
#define CTYPE_FT_ID const char *
#define CTYPE_FT_REF const char *
#define CTYPE_FT_NAME const char *
#define CTYPE_FT_TEXT const char *
#define CTYPE_FT_DATE const char *
#define CTYPE_FT_BOOL bool
#define CTYPE_FT_TRIBOOL int
#define CTYPE_FT_ENUM int
#define CTYPE_FT_REFS struct strlist
#define CTYPE_FT_TEXTS struct strlist
#define CTYPE_FT_ITEMS itemset
#define CTYPE_FT_ITEM int

enum field_flags {
	F_REQUIRED = 1 << 0, /* the key must be given */
	F_STAR = 1 << 1,     /* FT_REF: "*" (every system) is allowed too */
	F_ALWAYS = 1 << 2,   /* FT_REFS: written to JSON even when empty */
	F_GIVEN = 1 << 3,    /* FT_REFS: absent and empty differ; a CSV "-" is empty, stored as column .given_column */
	F_ORDERED = 1 << 4,  /* FT_REFS: the side table keeps the order (a "pos" column) */
	F_ROOT = 1 << 5,     /* the organization's as_of: at the document's root in JSON */
	/* A list whose side table no statement of bunkai's own reads (derive.c
	   reads the inventory itself): filled only for whoever else reads the
	   model — --db, users' rules (db_load's every_table). 300 rows of
	   device_networks a hospital, 100,000 at the benchmark's size. The
	   suite checks that no built-in SQL names such a table
	   (tests/model.sh). */
	F_UNREAD = 1 << 6,
};

struct field {
	const char *key; /* the JSON key, the English CSV header */
	enum field_type type;
	size_t offset; /* of the member in the entity's struct */
	unsigned flags;
	const char *ja;                 /* the Japanese CSV header */
	const char *example;            /* the template's example cell */
	const char *const *names;       /* FT_ENUM: the values, by index */
	const char *const *aliases;     /* FT_ENUM: CSV spellings, pairs {spelling, value}, NULL-ended */
	int dflt;                       /* FT_BOOL, FT_ENUM: when absent (FT_ENUM -1: unknown) */
	enum id_kind refers;            /* FT_REF(S): what it must name; ID_NONE: checked by the rules */
	const char *column;             /* SQLite column (lists: the side table); NULL: the key; "" not stored */
	const char *value_column;       /* lists: the side table's value column */
	const char *given_column;       /* F_GIVEN: the column saying the key was given */
	const char *parent;             /* JSON: the value is parent.json_key (first_check.answer); NULL: at .key */
	const char *json_key;
};

/* The field's key in its JSON object (the parent's, for a nested one). */
static inline const char *field_json_key(const struct field *f)
{
	return f->json_key ? f->json_key : f->key;
}

/* A list (a JSON array): in SQLite, a side table of its own, not a column. */
static inline int field_is_list(const struct field *f)
{
	return f->type == FT_REFS || f->type == FT_TEXTS || f->type == FT_ITEMS;
}

/* The struct member and the table row of one field line. */
#define ENTITY_MEMBER(S, m, T, fl, ...) CTYPE_##T m;
#define ENTITY_FIELD(S, m, T, fl, ...) { .key = #m, .type = T, .offset = offsetof(struct S, m), .flags = fl, __VA_ARGS__ },

extern const char *const device_type_names[];   /* "server", … */
extern const char *const contract_kind_names[]; /* "introduction", … */
extern const char *const remote_method_names[]; /* "vpn", … */
extern const char *const role_names[];          /* "lead", "support" */
extern const char *const auth_names[];          /* "mfa", "certificate", "password", "none" */
extern const char *const check_names[];         /* "patch", "source-restriction", "access-log" */
extern const char *const answer_names[];        /* "yes", "no" */
/* The CSV spellings of the enums, pairs {spelling, value}, NULL-ended. */
extern const char *const device_type_aliases[], *const contract_kind_aliases[], *const role_aliases[],
	*const remote_method_aliases[], *const auth_aliases[], *const check_aliases[], *const answer_aliases[];
enum { ROLE_LEAD, ROLE_SUPPORT };

/* The published 確認表's confirmation (SPEC 9.3), on assignments, contracts
   and subcontracts: 初回確認 (はい/いいえ and its date; JSON first_check:
   {"answer", "date"}) and 完了日 (when an いいえ item was put in place). */
#define CHECK_FIELDS(X, S)                                                                                          \
	X(S, first_check, FT_ENUM, 0, .ja = "初回確認", .example = "", .names = answer_names,                      \
	  .aliases = answer_aliases, .dflt = -1, .parent = "first_check", .json_key = "answer")                    \
	X(S, first_check_date, FT_DATE, 0, .ja = "初回確認日", .example = "", .parent = "first_check",            \
	  .json_key = "date")                                                                                        \
	X(S, completed, FT_DATE, 0, .ja = "完了日", .example = "")

#define VENDOR_FIELDS(X)                                                                                            \
	X(vendor, id, FT_ID, F_REQUIRED, .ja = "事業者ID", .example = "v-si")                                      \
	X(vendor, name, FT_NAME, F_REQUIRED, .ja = "事業者名", .example = "A社")                                   \
	X(vendor, disclosures, FT_TEXTS, 0, .ja = "開示資料", .example = "SDS;MDS2", .column = "vendor_disclosures", \
	  .value_column = "disclosure")                                                                              \
	X(vendor, certifications, FT_TEXTS, F_UNREAD, .ja = "認証", .example = "ISMS;Pmark",                           \
	  .column = "vendor_certifications", .value_column = "certification")

#define SYSTEM_FIELDS(X)                                                                                        \
	X(system, id, FT_ID, F_REQUIRED, .ja = "システムID", .example = "ehr")                                 \
	X(system, name, FT_NAME, F_REQUIRED, .ja = "システム名", .example = "電子カルテ")                      \
	X(system, medical_info, FT_BOOL, 0, .ja = "医療情報", .example = "はい", .dflt = 1)                    \
	X(system, external_storage, FT_BOOL, 0, .ja = "外部保存", .example = "いいえ")                         \
	X(system, external_access, FT_BOOL, 0, .ja = "外部接続", .example = "いいえ")

#define NETWORK_FIELDS(X)                                                                                     \
	X(network, id, FT_ID, F_REQUIRED, .ja = "ネットワークID", .example = "lan-ehr")                       \
	X(network, name, FT_NAME, F_REQUIRED, .ja = "ネットワーク名", .example = "電子カルテ系LAN")

#define DEVICE_FIELDS(X)                                                                                           \
	X(device, id, FT_ID, F_REQUIRED, .ja = "機器ID", .example = "vpn-01")                                     \
	X(device, name, FT_NAME, F_REQUIRED, .ja = "機器名", .example = "VPN装置")                                \
	X(device, type, FT_ENUM, 0, .ja = "機器種別", .example = "ネットワーク機器", .names = device_type_names,   \
	  .aliases = device_type_aliases, .dflt = 6 /* other */)                                                    \
	X(device, system, FT_REF, 0, .ja = "システムID", .example = "net", .refers = ID_SYSTEM)                   \
	X(device, maintainer, FT_REF, 0, .ja = "保守事業者ID", .example = "v-net", .refers = ID_VENDOR)        \
	X(device, networks, FT_REFS, F_UNREAD, .ja = "ネットワーク", .example = "lan-ehr;dmz", .refers = ID_NETWORK, \
	  .column = "device_networks", .value_column = "network")

#define CONTRACT_FIELDS(X)                                                                                          \
	X(contract, id, FT_ID, F_REQUIRED, .ja = "契約ID", .example = "c-ehr")                                     \
	X(contract, vendor, FT_REF, F_REQUIRED, .ja = "事業者ID", .example = "v-si", .refers = ID_VENDOR)          \
	X(contract, kind, FT_ENUM, 0, .ja = "契約種別", .example = "保守", .names = contract_kind_names,           \
	  .aliases = contract_kind_aliases, .dflt = 5 /* other */)                                                   \
	X(contract, systems, FT_REFS, F_ALWAYS, .ja = "対象システム", .example = "ehr;net", .refers = ID_SYSTEM,   \
	  .column = "contract_systems", .value_column = "system")                                                   \
	X(contract, prime, FT_BOOL, 0, .ja = "プライム", .example = "はい")                                        \
	X(contract, start, FT_DATE, 0, .ja = "開始日", .example = "2024-04-01", .column = "start_date")             \
	X(contract, end, FT_DATE, 0, .ja = "終了日", .example = "2029-03-31", .column = "end_date")                 \
	X(contract, confirmed, FT_DATE, 0, .ja = "確認日", .example = "2024-03-15")                                \
	CHECK_FIELDS(X, contract)                                                                                   \
	X(contract, lead, FT_ITEMS, F_UNREAD, .ja = "主担当項目", .example = "I-6;C-*", .column = "contract_items")      \
	X(contract, support, FT_ITEMS, F_UNREAD, .ja = "協力項目", .example = "I-7", .column = "contract_items")

#define SUBCONTRACT_FIELDS(X)                                                                                         \
	X(subcontract, id, FT_ID, F_REQUIRED, .ja = "再委託ID", .example = "s-net")                                  \
	X(subcontract, prime, FT_REF, F_REQUIRED, .ja = "委託元事業者ID", .example = "v-si", .refers = ID_VENDOR)    \
	X(subcontract, sub, FT_REF, F_REQUIRED, .ja = "再委託先事業者ID", .example = "v-net", .refers = ID_VENDOR)   \
	X(subcontract, systems, FT_REFS, F_GIVEN, .ja = "対象システム", .example = "net", .refers = ID_SYSTEM,       \
	  .column = "subcontract_systems", .value_column = "system", .given_column = "has_systems")                  \
	X(subcontract, approved, FT_DATE, 0, .ja = "承認日", .example = "2024-03-20")                                \
	CHECK_FIELDS(X, subcontract)                                                                                  \
	X(subcontract, start, FT_DATE, 0, .ja = "開始日", .example = "2024-04-01", .column = "start_date")           \
	X(subcontract, end, FT_DATE, 0, .ja = "終了日", .example = "2029-03-31", .column = "end_date")               \
	X(subcontract, lead, FT_ITEMS, F_UNREAD, .ja = "主担当項目", .example = "B-5", .column = "subcontract_items")  \
	X(subcontract, support, FT_ITEMS, F_UNREAD, .ja = "協力項目", .example = "", .column = "subcontract_items")

#define ASSIGNMENT_FIELDS(X)                                                                                        \
	X(assignment, item, FT_ITEM, F_REQUIRED, .ja = "項番", .example = "I-2")                                    \
	X(assignment, system, FT_REF, F_STAR, .ja = "システムID", .example = "ehr", .refers = ID_SYSTEM)            \
	X(assignment, party, FT_REF, F_REQUIRED, .ja = "担当ID", .example = "hosp", .refers = ID_PARTY)             \
	X(assignment, role, FT_ENUM, F_REQUIRED, .ja = "役割", .example = "主担当", .names = role_names,           \
	  .aliases = role_aliases, .dflt = ROLE_SUPPORT)                                                             \
	X(assignment, confirmed, FT_DATE, 0, .ja = "確認日", .example = "2024-03-15")                              \
	CHECK_FIELDS(X, assignment)

#define REMOTE_FIELDS(X)                                                                                            \
	X(remote_access, id, FT_ID, F_REQUIRED, .ja = "接続ID", .example = "rm-ehr")                                 \
	X(remote_access, vendor, FT_REF, F_REQUIRED, .ja = "事業者ID", .example = "v-si", .refers = ID_VENDOR)       \
	X(remote_access, target, FT_REF, F_REQUIRED, .ja = "接続先ID", .example = "ehr-srv")                         \
	X(remote_access, via, FT_REFS, F_ORDERED, .ja = "経由機器", .example = "vpn-01", .column = "remote_via",     \
	  .value_column = "device")                                                                                   \
	X(remote_access, method, FT_ENUM, 0, .ja = "接続方式", .example = "VPN", .names = remote_method_names,        \
	  .aliases = remote_method_aliases, .dflt = 3 /* other */)                                                   \
	X(remote_access, approved, FT_DATE, 0, .ja = "許可日", .example = "2024-03-15")                              \
	X(remote_access, auth, FT_ENUM, 0, .ja = "認証方式", .example = "多要素認証", .names = auth_names,           \
	  .aliases = auth_aliases, .dflt = -1 /* unknown */)                                                         \
	X(remote_access, source_restricted, FT_TRIBOOL, 0, .ja = "接続元制限", .example = "はい")                    \
	X(remote_access, on_demand, FT_TRIBOOL, 0, .ja = "都度接続", .example = "はい")

#define DEVICE_CHECK_FIELDS(X)                                                                                      \
	X(device_check, device, FT_REF, F_REQUIRED, .ja = "機器ID", .example = "vpn-01", .refers = ID_DEVICE)        \
	X(device_check, check, FT_ENUM, F_REQUIRED, .ja = "確認項目", .example = "パッチ", .names = check_names,      \
	  .column = "check_kind",                                                                                     \
	  .aliases = check_aliases, .dflt = -1)                                                                       \
	X(device_check, answer, FT_ENUM, F_REQUIRED, .ja = "回答", .example = "はい", .names = answer_names,          \
	  .aliases = answer_aliases, .dflt = -1)                                                                      \
	X(device_check, date, FT_DATE, F_REQUIRED, .ja = "確認日", .example = "2026-03-01", .column = "check_date")   \
	X(device_check, by, FT_REF, F_REQUIRED, .ja = "確認者ID", .example = "v-net", .refers = ID_PARTY,            \
	  .column = "checked_by")

#define INTERFACE_FIELDS(X)                                                                                         \
	X(interface, id, FT_ID, F_REQUIRED, .ja = "取決めID", .example = "if-1")                                    \
	X(interface, parties, FT_REFS, F_REQUIRED | F_ALWAYS, .ja = "事業者", .example = "v-si;v-net",             \
	  .refers = ID_VENDOR, .column = "interface_parties", .value_column = "vendor")                             \
	X(interface, systems, FT_REFS, F_UNREAD, .ja = "対象システム", .example = "net", .refers = ID_SYSTEM,             \
	  .column = "interface_systems", .value_column = "system")                                                  \
	X(interface, confirmed, FT_DATE, 0, .ja = "確認日", .example = "2024-03-20")

/* リスク受容 (SPEC 9.3): a finding id, or a pattern with *, knowingly accepted
   until a date. */
#define ACCEPTANCE_FIELDS(X)                                                                                      \
	X(acceptance, finding, FT_NAME, F_REQUIRED, .ja = "指摘ID", .example = "idle-vendor@v-old")                \
	X(acceptance, reason, FT_NAME, F_REQUIRED, .ja = "理由", .example = "契約終了の手続き中")                   \
	X(acceptance, by, FT_NAME, F_REQUIRED, .ja = "承認者", .example = "情報システム委員会", .column = "accepted_by") \
	X(acceptance, until, FT_DATE, F_REQUIRED, .ja = "期限", .example = "2027-03-31", .column = "until_date")      \
	X(acceptance, ticket, FT_TEXT, 0, .ja = "管理番号", .example = "IT-2026-014")

struct vendor { VENDOR_FIELDS(ENTITY_MEMBER) };
struct system { SYSTEM_FIELDS(ENTITY_MEMBER) };
struct network { NETWORK_FIELDS(ENTITY_MEMBER) };
struct device { DEVICE_FIELDS(ENTITY_MEMBER) };
struct contract { CONTRACT_FIELDS(ENTITY_MEMBER) };
struct subcontract { SUBCONTRACT_FIELDS(ENTITY_MEMBER) };
struct assignment { ASSIGNMENT_FIELDS(ENTITY_MEMBER) };
struct remote_access { REMOTE_FIELDS(ENTITY_MEMBER) };
struct interface { INTERFACE_FIELDS(ENTITY_MEMBER) };
struct device_check { DEVICE_CHECK_FIELDS(ENTITY_MEMBER) };
struct acceptance { ACCEPTANCE_FIELDS(ENTITY_MEMBER) };

struct field_checks;

/* An entity: its fields, where it lives, how it is stored. */
struct entity {
	const char *array;  /* the JSON key of its array; NULL for the organization (one object) */
	const char *file;   /* its CSV ledger */
	const char *title;  /* what the ledger holds, in Japanese */
	enum id_kind kind;  /* what its id names; ID_NONE without an id */
	size_t size;        /* of its struct */
	size_t at, count, cap; /* offsets of its array, count and capacity in struct inventory */
	const struct field *fields;
	size_t n_fields;
	const char *table;   /* SQLite */
	const char *owner;   /* the column naming it in its side tables ("contract") */
	const char *extra;   /* more columns of its table ("state TEXT", filled by derive.sql) */
	const char *constant_column, *constant; /* a column of extra with a fixed value: kind = 'vendor' */
	unsigned seq_base;   /* the seq of its first row; seq is the key of a table without ids */
	/* Optional: checks across its fields, after they were read. */
	void (*check)(struct field_checks *fc, const struct entity *e, void *obj, size_t index);
};

/* The entities in document order, the organization first; ends with
   .fields NULL. */
extern const struct entity entities[];

/* The member of obj a field describes. */
static inline void *field_ptr(void *obj, const struct field *f)
{
	return (char *)obj + f->offset;
}
/* The base of entity e's array element i (for the organization: the inventory). */
struct inventory;
void *entity_at(const struct inventory *inv, const struct entity *e, size_t i);
size_t entity_count(const struct inventory *inv, const struct entity *e);
/* Append a zeroed element to e's array; returns it. */
void *entity_push(struct inventory *inv, const struct entity *e);
const struct entity *entity_by_array(const char *array);
const struct field *entity_field(const struct entity *e, const char *key);
/* A ledger's sheet in a workbook is named by its title up to a parenthesis
** (医療機関（1行）→ 医療機関): the length in bytes of that part of `title`. */
size_t sheet_name_len(const char *title);

/* The SQLite column of a scalar field, or NULL when it is not stored. */
const char *field_column(const struct field *f);
/* The Japanese spelling of an enum value, for the CSV files people read. */
const char *field_ja_value(const struct field *f, int value);

#endif
