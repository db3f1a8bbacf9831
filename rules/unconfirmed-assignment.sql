-- code: unconfirmed-assignment
-- severity: info
-- key: system item parties
-- ref: Part2 確認欄 (日付)
-- fix: confirm the assignment with the other side and record the date (確認欄)
-- fix.ja: 相手方と割当を確認し、その日付（確認欄）を記録する
-- message unconfirmed: {party} leads {item} {title}[[ on {system}]], but no confirmed date (確認欄) is recorded
-- message.ja unconfirmed: {party} は[[ {system} の]] {item} {title} の主担当だが、確認日（確認欄）が記録されていない
-- passage: the checklist's 確認欄（日付）: the date both sides confirmed the assignment
-- A valid lead of an applicable item carries no check at all: none of the
-- party's valid lead claims there has `confirmed`, a first_check (yes or no:
-- an いいえ is open-item's) or, for a subcontract, `approved` (SPEC 9.3).
SELECT l.item AS item, l.system AS system, l.party AS parties,
       l.party AS party, i.title AS title, 'unconfirmed' AS message
  FROM leads l
  JOIN applicable a ON a.item = l.item AND a.system IS l.system
  JOIN items i ON i.id = l.item
 WHERE l.checked = 0;
