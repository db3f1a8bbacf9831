-- code: door-unchecked
-- severity: error
-- key: device
-- ref: seed 003 2-(7)
-- fix: have the device's maintainer confirm that its security patches and firmware are current, and record the check
-- fix.ja: 機器の保守事業者にセキュリティパッチとファームウェアが最新であることを確認してもらい、その確認を記録する
-- message not-in-ledger: the door of remote path {remote}, {door}, is not in the ledger, so nobody checks its patches
-- message.ja not-in-ledger: リモート経路 {remote} の入口機器 {door} は台帳になく、誰もパッチ適用を確認していない
-- message never: the door of remote path {remote}, {door}, has no record that its security patches are current
-- message.ja never: リモート経路 {remote} の入口機器 {door} には、セキュリティパッチが最新であることの記録がない
-- message said-no: the door of remote path {remote}, {door}: its latest patch check ({day}) answered no
-- message.ja said-no: リモート経路 {remote} の入口機器 {door}: 最新のパッチ適用確認（{day}）の回答が「いいえ」である
-- message too-old: the door of remote path {remote}, {door}: its last patch check ({day}) is {age} days old (more than {max_age})
-- message.ja too-old: リモート経路 {remote} の入口機器 {door}: 最後のパッチ適用確認（{day}）から {age} 日が経っている（上限 {max_age} 日）
-- message no-door: remote path {remote} enters system {system} through no named device, so no door can be checked for patches
-- message.ja no-door: リモート経路 {remote} はシステム {system} に機器を経由せずに入るため、パッチ適用を確認すべき入口機器がない
-- passage: 「２-(７) セキュリティパッチ（最新ファームウェアや更新プログラム）を適用している。」
-- The door of a path into the hospital — its last `via` device, else its
-- target — has no `patch` check answered yes within --max-check-age days
-- (meta max_check_age) before the as-of date, or its latest patch check
-- said no (a yes and a no on the same day count as no). One finding per
-- door, however many paths share it; a door not in the ledger always fires;
-- a path with no door (a system as target, no via) fires on its own.
WITH params AS (
  SELECT (SELECT value FROM meta WHERE key = 'as_of') AS as_of,
         (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'max_check_age') AS max_age
), doors AS (
  SELECT p.door, min(p.remote) AS remote, group_concat(DISTINCT r.vendor) AS parties
    FROM path_doors p JOIN remote_access r ON r.id = p.remote
   WHERE p.door IS NOT NULL GROUP BY p.door
), latest AS (
  SELECT c.device, max(c.check_date) AS day FROM device_checks c, params
   WHERE c.check_kind = 'patch' AND c.check_date <= params.as_of GROUP BY c.device
), state AS (
  SELECT l.device, l.day,
         EXISTS (SELECT 1 FROM device_checks c WHERE c.device = l.device AND c.check_kind = 'patch'
                                                 AND c.check_date = l.day AND c.answer = 'no') AS said_no
    FROM latest l
)
SELECT x.door AS device, x.remote AS remote, d.system AS system, x.parties AS parties, x.door AS key,
       x.door AS door, s.day AS day, CAST(julianday(params.as_of) - julianday(s.day) AS INTEGER) AS age,
       params.max_age AS max_age,
       CASE WHEN d.id IS NULL THEN 'not-in-ledger' WHEN s.device IS NULL THEN 'never'
            WHEN s.said_no THEN 'said-no' ELSE 'too-old' END AS message
  FROM doors x, params
  LEFT JOIN devices d ON d.id = x.door
  LEFT JOIN state s ON s.device = x.door
 WHERE d.id IS NULL OR s.device IS NULL OR s.said_no
    OR julianday(params.as_of) - julianday(s.day) > params.max_age
UNION ALL
SELECT NULL, p.remote, r.target, r.vendor, p.remote, NULL, NULL, NULL, NULL, 'no-door'
  FROM path_doors p JOIN remote_access r ON r.id = p.remote
 WHERE p.door IS NULL;
