-- code: acceptance-expired
-- severity: warning
-- key: key
-- ref: seed 002 3.1.2 ①
-- fix: decide again: fix what it accepted, or accept it anew with a new date (and record who decided)
-- passage: 「リスク分析を踏まえ…リスク管理方針（リスクの回避・低減・移転・受容）を決定すること」
-- An accepted risk (accepted[]) whose `until` date is before the as-of
-- date: the acceptance no longer applies, so what it covered is reported
-- as open again. One finding per entry, id acceptance-expired@PATTERN.
SELECT a.finding AS key,
       'the acceptance of ' || a.finding || ' by ' || a.accepted_by || ' ended on ' || a.until_date ||
       ' (' || a.reason || coalesce(', ' || a.ticket, '') || '); what it covered is open again' AS message
  FROM accepted a
 WHERE a.live = 0;
