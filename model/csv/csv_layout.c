#include "csv_layout.h"

#include <string.h>

static const char *const device_types[] = { "サーバ", "server", "端末", "terminal", "端末PC", "terminal",
					    "ネットワーク機器", "network", "医療機器", "medical-device",
					    "プリンタ", "printer", "ストレージ", "storage", "その他", "other", NULL };
static const char *const contract_kinds[] = { "導入", "introduction", "保守", "maintenance", "運用", "operation",
					      "クラウド", "cloud", "販売", "sales", "その他", "other", NULL };
static const char *const roles[] = { "主担当", "lead", "○", "lead", "協力", "support", "△", "support", NULL };
static const char *const methods[] = { "VPN", "vpn", "直接", "direct", "クラウド", "cloud", "その他", "other", NULL };

#define N(a) (sizeof(a) / sizeof(*(a)))

static const struct csv_column organization[] = {
	{ "id", "医療機関ID", CK_TEXT, "hosp", NULL },
	{ "name", "医療機関名", CK_TEXT, "○○病院", NULL },
	{ "as_of", "基準日", CK_DATE, "2026-04-01", NULL },
};
static const struct csv_column vendors[] = {
	{ "id", "事業者ID", CK_TEXT, "v-si", NULL },
	{ "name", "事業者名", CK_TEXT, "A社", NULL },
	{ "disclosures", "開示資料", CK_LIST, "SDS;MDS2", NULL },
	{ "certifications", "認証", CK_LIST, "ISMS;Pmark", NULL },
};
static const struct csv_column systems[] = {
	{ "id", "システムID", CK_TEXT, "ehr", NULL },
	{ "name", "システム名", CK_TEXT, "電子カルテ", NULL },
	{ "medical_info", "医療情報", CK_BOOL, "はい", NULL },
	{ "external_storage", "外部保存", CK_BOOL, "いいえ", NULL },
	{ "external_access", "外部接続", CK_BOOL, "いいえ", NULL },
};
static const struct csv_column devices[] = {
	{ "id", "機器ID", CK_TEXT, "vpn-01", NULL },
	{ "name", "機器名", CK_TEXT, "VPN装置", NULL },
	{ "type", "機器種別", CK_ENUM, "ネットワーク機器", device_types },
	{ "system", "システムID", CK_TEXT, "net", NULL },
	{ "maintainer", "保守事業者ID", CK_TEXT, "v-net", NULL },
};
static const struct csv_column contracts[] = {
	{ "id", "契約ID", CK_TEXT, "c-ehr", NULL },
	{ "vendor", "事業者ID", CK_TEXT, "v-si", NULL },
	{ "kind", "契約種別", CK_ENUM, "保守", contract_kinds },
	{ "systems", "対象システム", CK_LIST, "ehr;net", NULL },
	{ "prime", "プライム", CK_BOOL, "はい", NULL },
	{ "start", "開始日", CK_DATE, "2024-04-01", NULL },
	{ "end", "終了日", CK_DATE, "2029-03-31", NULL },
	{ "confirmed", "確認日", CK_DATE, "2024-03-15", NULL },
	{ "lead", "主担当項目", CK_ITEMS, "I-6;C-*", NULL },
	{ "support", "協力項目", CK_ITEMS, "I-7", NULL },
};
static const struct csv_column subcontracts[] = {
	{ "id", "再委託ID", CK_TEXT, "s-net", NULL },
	{ "prime", "委託元事業者ID", CK_TEXT, "v-si", NULL },
	{ "sub", "再委託先事業者ID", CK_TEXT, "v-net", NULL },
	{ "systems", "対象システム", CK_LIST, "net", NULL },
	{ "approved", "承認日", CK_DATE, "2024-03-20", NULL },
	{ "start", "開始日", CK_DATE, "2024-04-01", NULL },
	{ "end", "終了日", CK_DATE, "2029-03-31", NULL },
	{ "lead", "主担当項目", CK_ITEMS, "B-5", NULL },
	{ "support", "協力項目", CK_ITEMS, "", NULL },
};
static const struct csv_column assignments[] = {
	{ "item", "項番", CK_TEXT, "I-2", NULL },
	{ "system", "システムID", CK_TEXT, "ehr", NULL },
	{ "party", "担当ID", CK_TEXT, "hosp", NULL },
	{ "role", "役割", CK_ENUM, "主担当", roles },
	{ "confirmed", "確認日", CK_DATE, "2024-03-15", NULL },
};
static const struct csv_column remotes[] = {
	{ "id", "接続ID", CK_TEXT, "rm-ehr", NULL },
	{ "vendor", "事業者ID", CK_TEXT, "v-si", NULL },
	{ "target", "接続先ID", CK_TEXT, "ehr-srv", NULL },
	{ "via", "経由機器", CK_LIST, "vpn-01", NULL },
	{ "method", "接続方式", CK_ENUM, "VPN", methods },
};
static const struct csv_column interfaces[] = {
	{ "id", "取決めID", CK_TEXT, "if-1", NULL },
	{ "parties", "事業者", CK_LIST, "v-si;v-net", NULL },
	{ "systems", "対象システム", CK_LIST, "net", NULL },
	{ "confirmed", "確認日", CK_DATE, "2024-03-20", NULL },
};

const struct csv_file csv_files[] = {
	{ "organization.csv", NULL, "医療機関（1行）", organization, N(organization) },
	{ "vendors.csv", "vendors", "事業者", vendors, N(vendors) },
	{ "systems.csv", "systems", "システム", systems, N(systems) },
	{ "devices.csv", "devices", "機器台帳", devices, N(devices) },
	{ "contracts.csv", "contracts", "契約", contracts, N(contracts) },
	{ "subcontracts.csv", "subcontracts", "再委託", subcontracts, N(subcontracts) },
	{ "assignments.csv", "assignments", "項目ごとの担当", assignments, N(assignments) },
	{ "remote_access.csv", "remote_access", "リモート接続", remotes, N(remotes) },
	{ "interfaces.csv", "interfaces", "事業者間の取決め", interfaces, N(interfaces) },
	{ NULL, NULL, NULL, NULL, 0 },
};

int csv_column_index(const struct csv_file *f, const char *header)
{
	for (size_t i = 0; i < f->n_cols; i++)
		if (!strcmp(f->cols[i].key, header) || !strcmp(f->cols[i].ja, header))
			return (int)i;
	return -1;
}
