-- code: device-maintainer-conflict
-- severity: warning
-- key: device
-- ref: Part2 I-6
-- fix: align the ledger's maintainer with the system's I-6 lead
-- passage: 「保守契約に基づき事業者による保守（セキュリティパッチの適用等）がなされるよう取り決める」 — the ledger and the contracts must name the same maintainer
-- A device's maintainer differs from the valid I-6 lead of its system (with
-- no I-6 lead at all, unowned-item reports the gap).
SELECT d.id AS device, d.system AS system, d.maintainer || ',' || group_concat(l.party, ',') AS parties,
       'device ' || d.id || ' names ' || d.maintainer || ' as maintainer, but I-6 (maintenance) of ' ||
       d.system || ' is led by ' || group_concat(l.party, ', ') AS message
  FROM devices d
  JOIN leads l ON l.item = 'I-6' AND l.system = d.system
 WHERE d.maintainer IS NOT NULL
 GROUP BY d.id
HAVING sum(l.party = d.maintainer) = 0;
