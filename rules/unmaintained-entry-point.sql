-- code: unmaintained-entry-point
-- severity: error
-- key: remote device
-- ref: Part2 I-6
-- fix: put the entry device in the ledger and its system under an I-6 (maintenance) lead
-- fix.ja: 入口機器を台帳に載せ、そのシステムの I-6（保守）の主担当を決める
-- message not-in-ledger: remote access {remote} enters through {door}, which is not a device in the ledger
-- message.ja not-in-ledger: リモート接続 {remote} は台帳にない機器 {door} を通って入る
-- message orphan: remote access {remote} enters through {door}, a device that belongs to no system, so nobody maintains it
-- message.ja orphan: リモート接続 {remote} は {door} を通って入るが、どのシステムにも属さない機器のため、誰も保守していない
-- message unmaintained: remote access {remote} enters through {door}, but nobody validly leads I-6 (maintenance) for its system {system}
-- message.ja unmaintained: リモート接続 {remote} は {door} を通って入るが、そのシステム {system} の I-6（保守）の有効な主担当がいない
-- passage: 「システムを構成する機器…については、保守契約に基づき事業者による保守（セキュリティパッチの適用等）がなされるよう取り決める」
-- A `via` device of a remote link is not in the ledger, or its system has no
-- valid lead for I-6: the way in is nobody's to patch.
SELECT v.remote AS remote, v.device AS device, d.system AS system, r.vendor AS parties,
       'Part2 I-6' AS ref,
       v.device AS door,
       CASE WHEN d.id IS NULL THEN 'not-in-ledger' WHEN d.system IS NULL THEN 'orphan' ELSE 'unmaintained' END AS message
  FROM remote_via v
  JOIN remote_access r ON r.id = v.remote
  LEFT JOIN devices d ON d.id = v.device
 WHERE d.id IS NULL OR d.system IS NULL
    OR NOT EXISTS (SELECT 1 FROM leads l WHERE l.item = 'I-6' AND l.system = d.system);
