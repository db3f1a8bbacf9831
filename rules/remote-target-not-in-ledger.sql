-- code: remote-target-not-in-ledger
-- severity: error
-- key: remote
-- ref: Part1 立入検査用 3 (b)
-- fix: add the target device or system to the ledger (台帳), or remove the link
-- fix.ja: 接続先の機器またはシステムを台帳に加えるか、接続を撤去する
-- message unknown: remote access {remote} of {vendor} targets "{target}", which is neither a device nor a system in the ledger
-- message.ja unknown: {vendor} のリモート接続 {remote} の接続先「{target}」は、台帳のどの機器・システムでもない
-- passage: 「リモートメンテナンス（保守）を利用している機器の有無の把握も行う」; seed 003 Q-7: 「リモートメンテナンス（保守）を利用している全てのシステム・機器」
-- A remote-access target is no known device or system: a way in that the
-- ledger (台帳) does not know about.
SELECT r.id AS remote, r.vendor AS parties,
       r.vendor AS vendor, r.target AS target, 'unknown' AS message
  FROM remote_access r
 WHERE NOT EXISTS (SELECT 1 FROM devices d WHERE d.id = r.target)
   AND NOT EXISTS (SELECT 1 FROM systems s WHERE s.id = r.target);
