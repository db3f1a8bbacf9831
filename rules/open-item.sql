-- code: open-item
-- severity: warning
-- key: system item parties
-- fix: put the item in place with the vendor and record its 完了日 (completed), or agree another lead
-- fix.ja: 事業者とともに項目を実施し、その完了日を記録する。または別の主担当を合意する
-- message open: {party} leads {item} {title}[[ on {system}]], but its first check (初回確認, {day}, {kind} {source}) answered no and no 完了日 records it as put in place
-- message.ja open: {party} は[[ {system} の]] {item} {title} の主担当だが、初回確認（{day}、{kind} {source}）の回答が「いいえ」で、実施済みを示す完了日が記録されていない
-- passage: the published 確認表 (2024): 初回確認 はい/いいえ and, for an いいえ item, 完了日 when it was put in place
-- A valid lead whose first check (初回確認) answered いいえ (no) and whose
-- record has no 完了日 (completed) on or before the as-of date. Per
-- record: a yes on another record does not close an いいえ, only its 完了日.
-- NOT INDEXED: one pass over the claims in table order is 5 times faster
-- than visiting them through claims_by_pair (a row lookup for each).
SELECT DISTINCT c.item AS item, c.system AS system, c.party AS parties,
       'Part2 ' || c.item AS ref,
       c.party AS party, i.title AS title, c.check_date AS day, c.kind AS kind, c.source AS source,
       'open' AS message
  FROM claims c NOT INDEXED
  JOIN applicable a ON a.item = c.item AND a.system IS c.system
  JOIN items i ON i.id = c.item
 WHERE c.valid = 1 AND c.role = 'lead' AND c.check_answer = 'no'
   AND (c.completed IS NULL OR c.completed > (SELECT value FROM meta WHERE key = 'as_of'));
