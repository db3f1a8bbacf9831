-- code: acceptance-expired
-- severity: warning
-- key: key
-- ref: seed 002 3.1.2 ①
-- fix: decide again: fix what it accepted, or accept it anew with a new date (and record who decided)
-- fix.ja: 改めて判断する。受容していたものを是正するか、新しい期限で受容し直す（判断者も記録する）
-- message ended: the acceptance of {key} by {who} ended on {until} ({reason}); what it covered is open again
-- message.ja ended: {who} による {key} のリスク受容は {until} に期限が切れた（{reason}）。受容していた指摘は再び未対応となる
-- passage: 「リスク分析を踏まえ…リスク管理方針（リスクの回避・低減・移転・受容）を決定すること」
-- An accepted risk (accepted[]) whose `until` date is before the as-of
-- date: the acceptance no longer applies, so what it covered is reported
-- as open again. One finding per entry, id acceptance-expired@PATTERN.
SELECT a.finding AS key,
       a.accepted_by AS who, a.until_date AS until, a.reason || coalesce(', ' || a.ticket, '') AS reason,
       'ended' AS message
  FROM accepted a
 WHERE a.live = 0;
