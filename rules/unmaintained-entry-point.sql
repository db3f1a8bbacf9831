-- code: unmaintained-entry-point
-- severity: error
-- key: remote device
-- ref: Part2 I-6
-- fix: put the entry device in the ledger and its system under an I-6 (maintenance) lead
-- passage: 「システムを構成する機器…については、保守契約に基づき事業者による保守（セキュリティパッチの適用等）がなされるよう取り決める」
-- A `via` device of a remote link is not in the ledger, or its system has no
-- valid lead for I-6: the way in is nobody's to patch.
SELECT v.remote AS remote, v.device AS device, d.system AS system, r.vendor AS parties,
       'Part2 I-6' AS ref,
       'remote access ' || v.remote || ' enters through ' || v.device ||
       CASE WHEN d.id IS NULL THEN ', which is not a device in the ledger'
            WHEN d.system IS NULL THEN ', a device that belongs to no system, so nobody maintains it'
            ELSE ', but nobody validly leads I-6 (maintenance) for its system ' || d.system END AS message
  FROM remote_via v
  JOIN remote_access r ON r.id = v.remote
  LEFT JOIN devices d ON d.id = v.device
 WHERE d.id IS NULL OR d.system IS NULL
    OR NOT EXISTS (SELECT 1 FROM leads l WHERE l.item = 'I-6' AND l.system = d.system);
