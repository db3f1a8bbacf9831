-- code: remote-without-contract
-- severity: error
-- key: remote
-- ref: seed 003 Q-8
-- fix: put the remote maintenance under a contract for that system, or cut the link
-- passage: 「『契約のある事業者』とは、医療機関等とリモートメンテナンス（保守）契約を結んでいる事業者を指します」
-- The vendor of a remote-access link is not bound to the target's system
-- (a target device without a system cannot be reached under contract).
SELECT r.id AS remote, d.id AS device, coalesce(d.system, s.id) AS system, r.vendor AS parties,
       'remote access ' || r.id || ' lets ' || r.vendor || ' reach ' || r.target ||
       CASE WHEN d.id IS NOT NULL AND d.system IS NULL
            THEN ', a device that belongs to no system, so no contract covers it'
            ELSE ' without an active contract or subcontract for ' || coalesce(d.system, s.id) END AS message
  FROM remote_access r
  LEFT JOIN devices d ON d.id = r.target
  LEFT JOIN systems s ON s.id = r.target
 WHERE (d.id IS NOT NULL OR s.id IS NOT NULL)
   AND NOT EXISTS (SELECT 1 FROM bound b WHERE b.vendor = r.vendor AND b.system = coalesce(d.system, s.id));
