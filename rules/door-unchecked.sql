-- code: door-unchecked
-- severity: error
-- key: device
-- ref: seed 003 2-(7)
-- fix: have the device's maintainer confirm that its security patches and firmware are current, and record the check
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
       'the door of remote path ' || x.remote || ', ' || x.door ||
       CASE WHEN d.id IS NULL THEN ', is not in the ledger, so nobody checks its patches'
            WHEN s.device IS NULL THEN ', has no record that its security patches are current'
            WHEN s.said_no THEN ': its latest patch check (' || s.day || ') answered no'
            ELSE ': its last patch check (' || s.day || ') is ' ||
                 CAST(julianday(params.as_of) - julianday(s.day) AS INTEGER) || ' days old (more than ' ||
                 params.max_age || ')' END AS message
  FROM doors x, params
  LEFT JOIN devices d ON d.id = x.door
  LEFT JOIN state s ON s.device = x.door
 WHERE d.id IS NULL OR s.device IS NULL OR s.said_no
    OR julianday(params.as_of) - julianday(s.day) > params.max_age
UNION ALL
SELECT NULL, p.remote, r.target, r.vendor, p.remote,
       'remote path ' || p.remote || ' enters system ' || r.target ||
       ' through no named device, so no door can be checked for patches'
  FROM path_doors p JOIN remote_access r ON r.id = p.remote
 WHERE p.door IS NULL;
