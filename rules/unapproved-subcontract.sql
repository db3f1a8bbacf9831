-- code: unapproved-subcontract
-- severity: warning
-- key: contract
-- ref: Part2 A-10 (a)
-- fix: record the organization's approval of the subcontract (A-10 (a))
-- passage: 「医療情報システムに関する業務を事業者が再委託する場合には、(a) 事前に医療機関の承諾が必要であること」
-- An active subcontract has no `approved` date.
SELECT s.id AS contract, s.prime || ',' || s.sub AS parties,
       'subcontract ' || s.id || ' from ' || s.prime || ' to ' || s.sub ||
       ' is active but the organization''s approval is not recorded' AS message
  FROM subcontracts s
 WHERE s.state = 'active' AND s.approved IS NULL;
