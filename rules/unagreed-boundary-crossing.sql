-- code: unagreed-boundary-crossing
-- severity: warning
-- key: remote device parties
-- ref: Part2 A-2 (b)
-- fix: make an interface agreement between the two vendors for this path
-- fix.ja: この経路について2社間の取決め（インタフェース合意）を結ぶ
-- message crossing: remote access {remote} of {vendor} passes {device}, maintained (I-6) by {maintainer}, and no interface agreement names both vendors
-- message.ja crossing: {vendor} のリモート接続 {remote} は {maintainer} が保守（I-6）する {device} を通るが、2社の間に取決め（インタフェース合意）がない
-- passage: 「必要があれば事業者間の連携や役割分担に関する事項（例えば事故発生時の情報連携・対応における相互協力等）も契約に含める」
-- A remote link of vendor V passes an entry device whose system's I-6 lead
-- is another vendor W, and no interface agreement names both V and W.
-- CROSS JOIN keeps SQLite starting from the few devices passed, not from
-- every device of each system with an I-6 lead.
SELECT v.remote AS remote, v.device AS device, d.system AS system,
       r.vendor || ',' || l.party AS parties,
       r.vendor AS vendor, l.party AS maintainer, 'crossing' AS message
  FROM remote_via v
  CROSS JOIN remote_access r ON r.id = v.remote
  CROSS JOIN devices d ON d.id = v.device
  CROSS JOIN leads l ON l.item = 'I-6' AND l.system = d.system
  JOIN parties p ON p.id = l.party AND p.kind = 'vendor'
 WHERE l.party <> r.vendor
   AND NOT EXISTS (SELECT 1 FROM interface_parties x JOIN interface_parties y ON y.interface = x.interface
                    WHERE x.vendor = r.vendor AND y.vendor = l.party);
