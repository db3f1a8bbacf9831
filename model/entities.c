/*
** The field tables of the entities (entities.h), and the few functions that
** reach a field or an element through them.
*/
#include "model/entities.h"

#include <string.h>

#include "model/inventory.h"
#include "model/util/xalloc.h"

const char *const device_type_names[] = { "server", "terminal", "network", "medical-device",
					   "printer", "storage", "other", NULL };
const char *const contract_kind_names[] = { "introduction", "maintenance", "operation",
					     "cloud", "sales", "other", NULL };
const char *const remote_method_names[] = { "vpn", "direct", "cloud", "other", NULL };
const char *const role_names[] = { "lead", "support", NULL };
const char *const auth_names[] = { "mfa", "certificate", "password", "none", NULL };
const char *const check_names[] = { "patch", "source-restriction", "access-log", NULL };
const char *const answer_names[] = { "yes", "no", NULL };

/* The first spelling of each value is the one the CSV files are written with. */
const char *const device_type_aliases[] = { "サーバ", "server", "端末", "terminal", "端末PC", "terminal",
					    "ネットワーク機器", "network", "医療機器", "medical-device",
					    "プリンタ", "printer", "ストレージ", "storage", "その他", "other", NULL };
const char *const contract_kind_aliases[] = { "導入", "introduction", "保守", "maintenance", "運用", "operation",
					      "クラウド", "cloud", "販売", "sales", "その他", "other", NULL };
const char *const role_aliases[] = { "主担当", "lead", "○", "lead", "協力", "support", "△", "support", NULL };
const char *const remote_method_aliases[] = { "VPN", "vpn", "直接", "direct", "クラウド", "cloud", "その他", "other", NULL };
const char *const auth_aliases[] = { "多要素認証", "mfa", "MFA", "mfa", "証明書", "certificate", "パスワード", "password",
				     "なし", "none", NULL };
const char *const check_aliases[] = { "パッチ", "patch", "接続元制限", "source-restriction", "アクセスログ", "access-log", NULL };
const char *const answer_aliases[] = { "はい", "yes", "いいえ", "no", NULL };

/* The organization is one object whose fields live in struct inventory. */
static const struct field organization_fields[] = {
	{ .key = "id", .type = FT_ID, .offset = offsetof(struct inventory, org_id), .flags = F_REQUIRED,
	  .ja = "医療機関ID", .example = "hosp" },
	{ .key = "name", .type = FT_NAME, .offset = offsetof(struct inventory, org_name), .flags = F_REQUIRED,
	  .ja = "医療機関名", .example = "○○病院" },
	{ .key = "as_of", .type = FT_DATE, .offset = offsetof(struct inventory, as_of), .flags = F_ROOT,
	  .ja = "基準日", .example = "2026-04-01", .column = "" },
};
static const struct field vendor_fields[] = { VENDOR_FIELDS(ENTITY_FIELD) };
static const struct field system_fields[] = { SYSTEM_FIELDS(ENTITY_FIELD) };
static const struct field network_fields[] = { NETWORK_FIELDS(ENTITY_FIELD) };
static const struct field device_fields[] = { DEVICE_FIELDS(ENTITY_FIELD) };
static const struct field contract_fields[] = { CONTRACT_FIELDS(ENTITY_FIELD) };
static const struct field subcontract_fields[] = { SUBCONTRACT_FIELDS(ENTITY_FIELD) };
static const struct field assignment_fields[] = { ASSIGNMENT_FIELDS(ENTITY_FIELD) };
static const struct field remote_fields[] = { REMOTE_FIELDS(ENTITY_FIELD) };
static const struct field interface_fields[] = { INTERFACE_FIELDS(ENTITY_FIELD) };
static const struct field device_check_fields[] = { DEVICE_CHECK_FIELDS(ENTITY_FIELD) };
static const struct field acceptance_fields[] = { ACCEPTANCE_FIELDS(ENTITY_FIELD) };

void contract_check(struct field_checks *fc, const struct entity *e, void *obj, size_t index);
void subcontract_check(struct field_checks *fc, const struct entity *e, void *obj, size_t index);
void assignment_check(struct field_checks *fc, const struct entity *e, void *obj, size_t index);
void interface_check(struct field_checks *fc, const struct entity *e, void *obj, size_t index);

#define N(a) (sizeof(a) / sizeof(*(a)))
#define ARRAY_AT(name) offsetof(struct inventory, name), offsetof(struct inventory, n_##name), \
		       offsetof(struct inventory, cap_##name)

#define ENTITY(arr, ledger, ttl, k, type, list) \
	.array = arr, .file = ledger, .title = ttl, .kind = k, .size = sizeof(type), ARRAY_AT(list)

const struct entity entities[] = {
	{ .file = "organization.csv", .title = "医療機関（1行）", .kind = ID_ORGANIZATION, .fields = organization_fields,
	  .n_fields = N(organization_fields), .table = "parties", .extra = "kind TEXT NOT NULL",
	  .constant_column = "kind", .constant = "organization" },
	{ ENTITY("vendors", "vendors.csv", "事業者", ID_VENDOR, struct vendor, vendors), .fields = vendor_fields,
	  .n_fields = N(vendor_fields), .table = "parties", .owner = "vendor", .extra = "kind TEXT NOT NULL",
	  .constant_column = "kind", .constant = "vendor", .seq_base = 1 },
	{ ENTITY("systems", "systems.csv", "システム", ID_SYSTEM, struct system, systems), .fields = system_fields,
	  .n_fields = N(system_fields), .table = "systems", .owner = "system" },
	{ ENTITY("networks", "networks.csv", "ネットワーク", ID_NETWORK, struct network, networks),
	  .fields = network_fields, .n_fields = N(network_fields), .table = "networks", .owner = "network" },
	{ ENTITY("devices", "devices.csv", "機器台帳", ID_DEVICE, struct device, devices), .fields = device_fields,
	  .n_fields = N(device_fields), .table = "devices", .owner = "device" },
	{ ENTITY("contracts", "contracts.csv", "契約", ID_CONTRACT, struct contract, contracts),
	  .fields = contract_fields, .n_fields = N(contract_fields), .table = "contracts", .owner = "contract",
	  .extra = "state TEXT", /* 'active' | 'expired' | 'future' on the as-of date, set by derive.sql */
	  .check = contract_check },
	{ ENTITY("subcontracts", "subcontracts.csv", "再委託", ID_SUBCONTRACT, struct subcontract, subcontracts),
	  .fields = subcontract_fields, .n_fields = N(subcontract_fields), .table = "subcontracts",
	  .owner = "subcontract", .extra = "state TEXT", .check = subcontract_check },
	{ ENTITY("assignments", "assignments.csv", "項目ごとの担当", ID_NONE, struct assignment, assignments),
	  .fields = assignment_fields, .n_fields = N(assignment_fields), .table = "assignments",
	  .check = assignment_check },
	{ ENTITY("remote_access", "remote_access.csv", "リモート接続", ID_REMOTE, struct remote_access, remotes),
	  .fields = remote_fields, .n_fields = N(remote_fields), .table = "remote_access", .owner = "remote" },
	{ ENTITY("interfaces", "interfaces.csv", "事業者間の取決め", ID_INTERFACE, struct interface, interfaces),
	  .fields = interface_fields, .n_fields = N(interface_fields), .table = "interfaces", .owner = "interface",
	  .check = interface_check },
	{ ENTITY("device_checks", "device_checks.csv", "機器の確認（事業者確認用）", ID_NONE, struct device_check,
		 device_checks),
	  .fields = device_check_fields, .n_fields = N(device_check_fields), .table = "device_checks" },
	{ ENTITY("accepted", "accepted.csv", "リスク受容", ID_NONE, struct acceptance, accepted),
	  .fields = acceptance_fields, .n_fields = N(acceptance_fields), .table = "accepted",
	  .extra = "live INTEGER" /* as-of <= until, set by derive.sql */ },
	{ .fields = NULL },
};

void *entity_at(const struct inventory *inv, const struct entity *e, size_t i)
{
	if (!e->array)
		return (void *)inv;
	char *base = *(char *const *)((const char *)inv + e->at);
	return base + i * e->size;
}

size_t entity_count(const struct inventory *inv, const struct entity *e)
{
	return e->array ? *(const size_t *)((const char *)inv + e->count) : 1;
}

void *entity_push(struct inventory *inv, const struct entity *e)
{
	if (!e->array)
		return inv;
	void **base = (void **)((char *)inv + e->at);
	size_t *n = (size_t *)((char *)inv + e->count), *cap = (size_t *)((char *)inv + e->cap);
	*base = xgrow(*base, cap, *n + 1, e->size);
	void *obj = (char *)*base + *n * e->size;
	memset(obj, 0, e->size);
	(*n)++;
	return obj;
}

const struct entity *entity_by_array(const char *array)
{
	for (const struct entity *e = entities; e->fields; e++)
		if (e->array && !strcmp(e->array, array))
			return e;
	return NULL;
}

size_t sheet_name_len(const char *title)
{
	const char *paren = strstr(title, "（");
	return paren ? (size_t)(paren - title) : strlen(title);
}

const struct field *entity_field(const struct entity *e, const char *key)
{
	for (size_t i = 0; i < e->n_fields; i++)
		if (!strcmp(e->fields[i].key, key))
			return &e->fields[i];
	return NULL;
}

const char *field_column(const struct field *f)
{
	if (f->column && !f->column[0])
		return NULL;
	return f->column ? f->column : f->key;
}

const char *field_ja_value(const struct field *f, int value)
{
	const char *v = f->names[value];
	for (size_t i = 0; f->aliases && f->aliases[i]; i += 2)
		if (!strcmp(f->aliases[i + 1], v))
			return f->aliases[i];
	return v;
}
