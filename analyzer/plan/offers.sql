-- The actions the plan may offer (SPEC 9.2, docs/plan.md): for each open
-- finding in the view, the concrete edits of the inventory that could
-- resolve it. One row per (action, finding); analyzer/plan/actions.c turns
-- each distinct (kind, target) into its JSON Patch from the columns a, b, c,
-- whose meaning depends on the kind (said below). Whether an action really
-- resolves anything is not decided here: it is measured.
WITH org AS (SELECT value AS id FROM meta WHERE key = 'organization'),
f AS (SELECT * FROM findings WHERE in_view AND accepted IS NULL),
-- A device's responsible maintainer for a new check: its maintainer when
-- bound to its system, else the lowest-id valid I-6 lead there, else the
-- organization.
answerer AS (
  SELECT d.id AS device,
         coalesce((SELECT b.vendor FROM bound b WHERE b.vendor = d.maintainer AND b.system = d.system),
                  (SELECT min(l.party) FROM leads l WHERE l.item = 'I-6' AND l.system = d.system),
                  (SELECT id FROM org)) AS party
    FROM devices d WHERE d.id IN (SELECT device FROM f WHERE code IN ('door-unchecked', 'check-by-wrong-party'))
),
-- The system of what a path touches: its target device's or the target system.
path_system AS (
  SELECT r.id AS remote, coalesce(d.system, s.id) AS system
    FROM remote_access r LEFT JOIN devices d ON d.id = r.target LEFT JOIN systems s ON s.id = r.target
),
-- Valid lead claims by source, for confirm-* and drop-lead.
lead_claims AS (
  SELECT c.item, c.system, c.party, c.kind, c.source, c.confirmed, c.check_answer,
         CASE c.kind WHEN 'assignment' THEN CAST(substr(c.source, 15, length(c.source) - 15) AS INTEGER) END AS seq
    FROM claims c WHERE c.role = 'lead' AND c.valid = 1
)

-- renew-contract: target a contract or subcontract id.
SELECT 'renew-contract' AS kind, f.contract AS target, f.id AS finding, NULL AS a, NULL AS b, NULL AS c
  FROM f WHERE f.code = 'expired-contract'

-- confirm-contract (target the contract), confirm-assignment (target
-- SYSTEM@ITEM@PARTY as the assignment names its system; a = its index),
-- approve-subcontract (a subcontract's lead is confirmed by its approval).
UNION ALL
SELECT CASE l.kind WHEN 'contract' THEN 'confirm-contract' WHEN 'subcontract' THEN 'approve-subcontract'
                   ELSE 'confirm-assignment' END,
       CASE WHEN l.kind <> 'assignment' THEN l.source
            ELSE coalesce(a.system || '@', '') || a.item || '@' || a.party END,
       f.id, l.seq, NULL, NULL
  FROM f JOIN lead_claims l ON l.item = f.item AND l.system IS f.system AND l.party = f.parties
  LEFT JOIN assignments a ON a.seq = l.seq
 WHERE f.code = 'unconfirmed-assignment' AND l.confirmed IS NULL

UNION ALL
SELECT 'approve-subcontract', f.contract, f.id, NULL, NULL, NULL FROM f WHERE f.code = 'unapproved-subcontract'

-- trim-subcontract: target SUBCONTRACT@SYSTEM; a = subcontract, b = system.
-- bind-vendor for the same finding binds the prime instead.
UNION ALL
SELECT 'trim-subcontract', f.contract || '@' || f.system, f.id, f.contract, f.system, NULL
  FROM f WHERE f.code = 'unbound-party' AND f.contract IS NOT NULL
UNION ALL
SELECT 'bind-vendor', f.system || '@' || s.prime, f.id, f.system, s.prime, NULL
  FROM f JOIN subcontracts s ON s.id = f.contract WHERE f.code = 'unbound-party'

-- bind-vendor: target SYSTEM@VENDOR; a = system, b = vendor.
UNION ALL
SELECT 'bind-vendor', f.system || '@' || f.parties, f.id, f.system, f.parties, NULL
  FROM f WHERE f.code IN ('unbound-party', 'remote-without-contract', 'device-maintainer-unbound')
           AND f.contract IS NULL AND f.system IS NOT NULL AND f.parties IS NOT NULL

-- name-lead: target SYSTEM@ITEM (ITEM for A-2); a = item, b = system,
-- c = the party: for A-2 the organization; for I-6 the one bound maintainer
-- of the system's devices; else the lowest-id active prime; else the only
-- bound vendor; else the organization.
UNION ALL
SELECT 'name-lead', coalesce(f.system || '@', '') || f.item, f.id, f.item, f.system,
       CASE WHEN f.system IS NULL THEN (SELECT id FROM org)
       ELSE coalesce(
         CASE WHEN f.item = 'I-6' THEN
           (SELECT min(d.maintainer) FROM devices d JOIN bound b ON b.vendor = d.maintainer AND b.system = d.system
             WHERE d.system = f.system HAVING count(DISTINCT d.maintainer) = 1) END,
         (SELECT min(p.vendor) FROM primes p WHERE p.system = f.system),
         (SELECT min(b.vendor) FROM bound b WHERE b.system = f.system HAVING count(*) = 1),
         (SELECT id FROM org)) END
  FROM f WHERE f.code = 'unowned-item'

-- drop-lead: target SYSTEM@ITEM@PARTY for every lead but the one kept (the
-- lowest-id active prime among them, else the organization, else the lowest
-- id); a = item, b = system, c = the party's lead sources, "contract:ID" or
-- "assignment:INDEX", or NULL when one cannot be edited (a subcontract, or a
-- contract covering other systems too).
UNION ALL
SELECT 'drop-lead', coalesce(f.system || '@', '') || f.item || '@' || l.party, f.id, f.item, f.system,
       (SELECT CASE WHEN sum(x.kind = 'subcontract'
                             OR (x.kind = 'contract' AND (SELECT count(*) FROM contract_systems cs
                                                           WHERE cs.contract = x.source) <> 1)) > 0
                    THEN NULL
                    ELSE group_concat(x.kind || ':' || coalesce(x.seq, x.source), ' ') END
          FROM lead_claims x WHERE x.item = f.item AND x.system IS f.system AND x.party = l.party)
  FROM f JOIN leads l ON l.item = f.item AND l.system IS f.system
 WHERE f.code = 'conflicting-leads'
   AND l.party <> coalesce((SELECT min(p.vendor) FROM primes p JOIN leads k ON k.party = p.vendor
                             WHERE p.system = f.system AND k.item = f.item AND k.system IS f.system),
                           (SELECT k.party FROM leads k WHERE k.item = f.item AND k.system IS f.system
                                                          AND k.party = (SELECT id FROM org)),
                           (SELECT min(k.party) FROM leads k WHERE k.item = f.item AND k.system IS f.system))

-- unset-prime: target a contract id, every active prime contract of the
-- system but the lowest id.
UNION ALL
SELECT 'unset-prime', c.id, f.id, NULL, NULL, NULL
  FROM f JOIN contract_systems cs ON cs.system = f.system
  JOIN contracts c ON c.id = cs.contract AND c.state = 'active' AND c.prime = 1
 WHERE f.code = 'multiple-primes'
   AND c.id > (SELECT min(c2.id) FROM contracts c2 JOIN contract_systems cs2 ON cs2.contract = c2.id
                WHERE cs2.system = f.system AND c2.state = 'active' AND c2.prime = 1)

-- name-support: target SYSTEM@ITEM@VENDOR; a = item, b = system, c = vendor.
UNION ALL
SELECT 'name-support', f.system || '@' || f.item || '@' || f.parties, f.id, f.item, f.system, f.parties
  FROM f WHERE f.code = 'vendor-duty-missing'

-- record-disclosure: target a vendor id.
UNION ALL
SELECT 'record-disclosure', f.parties, f.id, NULL, NULL, NULL FROM f WHERE f.code = 'missing-disclosure'

-- agree-interface: target VENDOR@VENDOR sorted; a, b = the two vendors.
UNION ALL
SELECT 'agree-interface', min(p1.party, p2.party) || '@' || max(p1.party, p2.party), f.id,
       min(p1.party, p2.party), max(p1.party, p2.party), NULL
  FROM f JOIN finding_parties p1 ON p1.finding = f.id AND p1.pos = 0
  JOIN finding_parties p2 ON p2.finding = f.id AND p2.pos > 0
 WHERE f.code IN ('unagreed-boundary-crossing', 'remote-reach-beyond-contract')
   AND p1.party <> p2.party
   AND NOT EXISTS (SELECT 1 FROM finding_parties o WHERE o.finding = f.id AND o.party = (SELECT id FROM org))

-- complete-item: target SYSTEM@ITEM@PARTY (ITEM@PARTY for A-2); a = the
-- records whose first check answered no, "contract:ID", "subcontract:ID"
-- or "assignment:INDEX".
UNION ALL
SELECT 'complete-item', coalesce(f.system || '@', '') || f.item || '@' || f.parties, f.id, f.item, f.system,
       (SELECT group_concat(src, ' ') FROM (SELECT DISTINCT x.kind || ':' || coalesce(x.seq, x.source) AS src
                                              FROM lead_claims x
                                             WHERE x.item = f.item AND x.system IS f.system AND x.party = f.parties
                                               AND x.check_answer = 'no'))
  FROM f WHERE f.code = 'open-item'

-- approve-path, harden-path, cut-path: target a path id.
UNION ALL
SELECT 'approve-path', f.remote, f.id, NULL, NULL, NULL FROM f WHERE f.code = 'remote-path-unapproved'
UNION ALL
SELECT 'harden-path', f.remote, f.id, NULL, NULL, NULL
  FROM f WHERE f.code IN ('weak-remote-access', 'remote-conditions-unknown')
UNION ALL
SELECT 'cut-path', f.remote, f.id, NULL, NULL, NULL FROM f WHERE f.code = 'remote-without-contract'

-- check-door: target a ledger device; a = who confirms.
UNION ALL
SELECT 'check-door', f.device, f.id, w.party, NULL, NULL
  FROM f JOIN answerer w ON w.device = f.device WHERE f.code = 'door-unchecked'

-- reassign-check: target DEVICE@PARTY; a = device, b = the wrong party,
-- c = the responsible maintainer.
UNION ALL
SELECT 'reassign-check', f.device || '@' || f.parties, f.id, f.device, f.parties, w.party
  FROM f JOIN answerer w ON w.device = f.device WHERE f.code = 'check-by-wrong-party'

-- add-to-ledger: target an id; a = the system of the path's door, else of
-- its target.
UNION ALL
SELECT 'add-to-ledger', r.target, f.id,
       coalesce((SELECT d.system FROM path_doors p JOIN devices d ON d.id = p.door WHERE p.remote = r.id),
                (SELECT system FROM path_system ps WHERE ps.remote = r.id)), NULL, NULL
  FROM f JOIN remote_access r ON r.id = f.remote WHERE f.code = 'remote-target-not-in-ledger'
UNION ALL
SELECT 'add-to-ledger', f.device, f.id, (SELECT system FROM path_system ps WHERE ps.remote = f.remote), NULL, NULL
  FROM f WHERE f.code = 'unmaintained-entry-point' AND NOT EXISTS (SELECT 1 FROM devices d WHERE d.id = f.device)

-- assign-device: target DEVICE@SYSTEM; a = device, b = the system of a path
-- it serves (lowest path id), else the one system its maintainer is bound to.
UNION ALL
SELECT 'assign-device', x.device || '@' || x.system, x.finding, x.device, x.system, NULL
  FROM (SELECT f.id AS finding, f.device,
               coalesce((SELECT ps.system FROM path_system ps
                          WHERE ps.system IS NOT NULL
                            AND ps.remote IN (SELECT v.remote FROM remote_via v WHERE v.device = f.device
                                              UNION SELECT r.id FROM remote_access r WHERE r.target = f.device)
                          ORDER BY ps.remote LIMIT 1),
                        (SELECT min(b.system) FROM bound b JOIN devices d ON d.maintainer = b.vendor
                          WHERE d.id = f.device HAVING count(*) = 1)) AS system
          FROM f WHERE f.code = 'device-without-system') x
 WHERE x.system IS NOT NULL
ORDER BY 1, 2, 3;
