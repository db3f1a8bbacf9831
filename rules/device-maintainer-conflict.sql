-- code: device-maintainer-conflict
-- severity: warning
-- key: device
-- ref: Part2 I-6
-- fix: align the ledger's maintainer with the system's I-6 lead
-- passage: 「保守契約に基づき事業者による保守（セキュリティパッチの適用等）がなされるよう取り決める」 — the ledger and the contracts must name the same maintainer
-- A device's maintainer differs from the valid I-6 lead of its system (with
-- no I-6 lead at all, unowned-item reports the gap) — unless the lead hands
-- the work down to the maintainer through active, approved subcontracts for
-- that system: the normal prime/subcontractor set-up (SPEC 9.1).
SELECT d.id AS device, d.system AS system, d.maintainer || ',' || l.parties AS parties,
       'device ' || d.id || ' names ' || d.maintainer || ' as maintainer, but I-6 (maintenance) of ' ||
       d.system || ' is led by ' || replace(l.parties, ',', ', ') AS message
  FROM devices d
  JOIN (SELECT system, group_concat(party, ',') AS parties FROM leads WHERE item = 'I-6' GROUP BY system) l
    ON l.system = d.system
 WHERE d.maintainer IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM leads x WHERE x.item = 'I-6' AND x.system = d.system AND x.party = d.maintainer)
   AND NOT EXISTS (SELECT 1 FROM leads x JOIN approved_chains ch ON ch.upper = x.party
                    WHERE x.item = 'I-6' AND x.system = d.system
                      AND ch.lower = d.maintainer AND ch.system = d.system);
