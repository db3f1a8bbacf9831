-- code: device-maintainer-conflict
-- severity: warning
-- key: device
-- ref: Part2 I-6
-- fix: align the ledger's maintainer with the system's I-6 lead
-- fix.ja: 台帳の保守事業者を、そのシステムの I-6 主担当と一致させる
-- message differs: device {device} names {maintainer} as maintainer, but I-6 (maintenance) of {system} is led by {leads}
-- message.ja differs: 機器 {device} の保守事業者は {maintainer} となっているが、{system} の I-6（保守）の主担当は {leads} である
-- passage: 「保守契約に基づき事業者による保守（セキュリティパッチの適用等）がなされるよう取り決める」 — the ledger and the contracts must name the same maintainer
-- A device's maintainer differs from the valid I-6 lead of its system (with
-- no I-6 lead at all, unowned-item reports the gap) — unless the lead hands
-- the work down to the maintainer through active, approved subcontracts for
-- that system: the normal prime/subcontractor set-up (SPEC 9.1).
-- Judged once per (system, maintainer) pair (devices_by_system lists them
-- in order), then each device of a pair that fires.
WITH pairs AS (
  SELECT DISTINCT system, maintainer FROM devices WHERE system IS NOT NULL AND maintainer IS NOT NULL
), l AS (
  SELECT system, group_concat(party, ',') AS parties FROM leads WHERE item = 'I-6' GROUP BY system
), differing AS MATERIALIZED (
  SELECT p.system, p.maintainer, l.parties
    FROM pairs p JOIN l ON l.system = p.system
   WHERE NOT EXISTS (SELECT 1 FROM leads x WHERE x.item = 'I-6' AND x.system = p.system AND x.party = p.maintainer)
     AND NOT EXISTS (SELECT 1 FROM leads x JOIN approved_chains ch ON ch.upper = x.party
                      WHERE x.item = 'I-6' AND x.system = p.system
                        AND ch.lower = p.maintainer AND ch.system = p.system)
)
SELECT d.id AS device, d.system AS system, d.maintainer || ',' || x.parties AS parties,
       d.maintainer AS maintainer, x.parties AS leads, 'differs' AS message
  FROM differing x JOIN devices d ON d.system = x.system AND d.maintainer = x.maintainer;
