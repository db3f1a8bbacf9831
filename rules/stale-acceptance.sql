-- code: stale-acceptance
-- severity: info
-- key: key
-- ref: seed 002 3.1.2 ①
-- fix: remove the entry from accepted[], or correct its finding id or pattern
-- fix.ja: accepted[] からその記載を削除するか、指摘 id やパターンを正す
-- message stale: the acceptance of {key} (until {until}) matches no finding: what it accepted is gone, or the id is mistyped
-- message.ja stale: {key} のリスク受容（期限 {until}）に該当する指摘がない。受容した問題が解消したか、id の誤記である
-- runs: last
-- passage: 「リスク分析を踏まえ…リスク管理方針（リスクの回避・低減・移転・受容）を決定すること」
-- A live acceptance that matches no finding of the whole inventory (before
-- --system/--vendor narrow the view): what it accepted was fixed, or its id
-- is mistyped. Runs after every other rule, on acceptance_matches
-- (model/db/accept.sql). One finding per entry, id stale-acceptance@PATTERN.
SELECT a.finding AS key,
       a.until_date AS until, 'stale' AS message
  FROM accepted a
 WHERE a.live = 1
   AND NOT EXISTS (SELECT 1 FROM acceptance_matches m WHERE m.acceptance = a.seq);
