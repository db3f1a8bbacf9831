-- code: remote-reach-beyond-contract
-- severity: error
-- key: remote system
-- parties: ordered
-- ref: Part2 B-5
-- fix: separate the networks so the path reaches only its own system, or agree the boundary in writing with that system's maintainer (interface agreement)
-- fix.ja: 経路が自らのシステムだけに届くようネットワークを分けるか、そのシステムの保守事業者と境界を書面で取り決める（インタフェース合意）
-- message no-system: remote path {remote} of {vendor} reaches device {device}, which belongs to no system
-- message.ja no-system: {vendor} のリモート経路 {remote} は、どのシステムにも属さない機器 {device} に届く
-- message nobody: remote path {remote} of {vendor} reaches {device}[[ and {more} more]] of system {system}, which it has no contract for, and nobody leads its maintenance (I-6)
-- message.ja nobody: {vendor} のリモート経路 {remote} は、契約のないシステム {system} の {device}[[ ほか {more} 台]] に届き、そのシステムの保守（I-6）の主担当もいない
-- message unagreed: remote path {remote} of {vendor} reaches {device}[[ and {more} more]] of system {system}, which it has no contract for, and no interface agreement names it with its maintainer {leads}
-- message.ja unagreed: {vendor} のリモート経路 {remote} は、契約のないシステム {system} の {device}[[ ほか {more} 台]] に届くが、その保守事業者 {leads} との取決め（インタフェース合意）がない
-- passage: B-5 「外部ネットワーク利用等に関連する具体的な役割分担等責任分界、責任の所在の範囲について取り決める」; seed 003 Q-8 「契約のある事業者」
-- A path reaches — shares a network with its door — a device of a system
-- its vendor is not bound to (other than the target's own), and no interface
-- agreement names the vendor with every valid I-6 lead of that system (an
-- organization lead can never be agreed). A reached device with no system
-- always fires. One finding per path and system (or device without one).
WITH paths AS MATERIALIZED (
  SELECT r.id, r.vendor, coalesce(td.system, ts.id) AS tsys
    FROM remote_access r LEFT JOIN devices td ON td.id = r.target LEFT JOIN systems ts ON ts.id = r.target
), reached AS (
  -- per path and foreign system: its first device, how many (path_systems)
  SELECT p.id AS remote, p.vendor, ps.system, ps.first_device AS device, ps.devices AS n
    FROM paths p JOIN path_systems ps ON ps.remote = p.id
   WHERE ps.system IS NOT NULL AND ps.system IS NOT p.tsys
     AND NOT EXISTS (SELECT 1 FROM bound b WHERE b.vendor = p.vendor AND b.system = ps.system)
  UNION ALL
  -- each reached device without a system, on its own (path_reach holds
  -- only these unless the model is saved: model/db/derive.sql)
  SELECT p.id, p.vendor, NULL, pr.device, 1
    FROM paths p JOIN path_systems ps ON ps.remote = p.id AND ps.system IS NULL
    JOIN path_reach pr ON pr.remote = p.id
   WHERE pr.system IS NULL
), judged AS (
  SELECT x.*, (SELECT group_concat(l.party, ',') FROM leads l WHERE l.item = 'I-6' AND l.system = x.system) AS leads
    FROM reached x
)
SELECT x.remote AS remote, x.system AS system, x.device AS device,
       x.vendor || coalesce(',' || x.leads, '') AS parties,
       x.remote || '@' || coalesce(x.system, x.device) AS key,
       x.vendor AS vendor, CASE WHEN x.n > 1 THEN x.n - 1 END AS more, x.leads AS leads,
       CASE WHEN x.system IS NULL THEN 'no-system' WHEN x.leads IS NULL THEN 'nobody' ELSE 'unagreed' END AS message
  FROM judged x
 WHERE x.system IS NULL OR x.leads IS NULL
    OR EXISTS (SELECT 1 FROM leads l WHERE l.item = 'I-6' AND l.system = x.system
                  AND (l.party = (SELECT value FROM meta WHERE key = 'organization')
                       OR NOT EXISTS (SELECT 1 FROM interface_parties a
                                        JOIN interface_parties b ON b.interface = a.interface
                                       WHERE a.vendor = x.vendor AND b.vendor = l.party)));
