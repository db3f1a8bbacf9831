-- code: remote-without-contract
-- severity: error
-- key: remote
-- ref: seed 003 Q-8
-- fix: put the remote maintenance under a contract for that system, or cut the link
-- fix.ja: そのシステムについてリモート保守を契約の対象にするか、接続を撤去する
-- message orphan: remote access {remote} lets {vendor} reach {target}, a device that belongs to no system, so no contract covers it
-- message.ja orphan: リモート接続 {remote} で {vendor} は {target} に届くが、どのシステムにも属さない機器のため、どの契約の対象でもない
-- message uncontracted: remote access {remote} lets {vendor} reach {target} without an active contract or subcontract for {system}
-- message.ja uncontracted: リモート接続 {remote} で {vendor} は {target} に届くが、{system} について有効な契約も再委託契約もない
-- passage: 「『契約のある事業者』とは、医療機関等とリモートメンテナンス（保守）契約を結んでいる事業者を指します」
-- The vendor of a remote-access link is not bound to the target's system
-- (a target device without a system cannot be reached under contract).
SELECT r.id AS remote, d.id AS device, coalesce(d.system, s.id) AS system, r.vendor AS parties,
       r.vendor AS vendor, r.target AS target,
       CASE WHEN d.id IS NOT NULL AND d.system IS NULL THEN 'orphan' ELSE 'uncontracted' END AS message
  FROM remote_access r
  LEFT JOIN devices d ON d.id = r.target
  LEFT JOIN systems s ON s.id = r.target
 WHERE (d.id IS NOT NULL OR s.id IS NOT NULL)
   AND NOT EXISTS (SELECT 1 FROM bound b WHERE b.vendor = r.vendor AND b.system = coalesce(d.system, s.id));
