-- code: unapproved-subcontract
-- severity: warning
-- key: contract
-- ref: Part2 A-10 (a)
-- fix: record the organization's approval of the subcontract (A-10 (a))
-- fix.ja: 再委託契約に対する医療機関の承認を記録する（A-10 (a)）
-- message unapproved: subcontract {contract} from {prime} to {sub} is active but the organization's approval is not recorded
-- message.ja unapproved: {prime} から {sub} への再委託契約 {contract} は有効だが、医療機関の承認が記録されていない
-- passage: 「医療情報システムに関する業務を事業者が再委託する場合には、(a) 事前に医療機関の承諾が必要であること」
-- An active subcontract has no `approved` date.
SELECT s.id AS contract, s.prime || ',' || s.sub AS parties,
       s.prime AS prime, s.sub AS sub, 'unapproved' AS message
  FROM subcontracts s
 WHERE s.state = 'active' AND s.approved IS NULL;
