-- The large derived tables as SQL joins: what model/db/derive.c computed
-- before it was written in C (it was derive.sql). tests/derive.sh runs this
-- on a saved model (--db) and compares each table with the one bunkai
-- filled, row for row: the oracle for derive.c.
CREATE TEMP TABLE record_checks (kind TEXT NOT NULL, source TEXT NOT NULL, answer TEXT, day TEXT, completed TEXT,
                                 PRIMARY KEY (kind, source)) WITHOUT ROWID;
INSERT INTO record_checks
SELECT 'contract', id, coalesce(first_check, CASE WHEN confirmed IS NOT NULL THEN 'yes' END),
       coalesce(first_check_date, confirmed), completed FROM contracts
UNION ALL
SELECT 'subcontract', id, coalesce(first_check, CASE WHEN approved IS NOT NULL THEN 'yes' END),
       coalesce(first_check_date, approved), completed FROM subcontracts
UNION ALL
SELECT 'assignment', '$.assignments[' || seq || ']', coalesce(first_check, CASE WHEN confirmed IS NOT NULL THEN 'yes' END),
       coalesce(first_check_date, confirmed), completed FROM assignments;

-- claims: every lead/support a party makes on (item, system), wildcards
-- expanded, with where it comes from; `valid` per SPEC §4. `confirmed` is
-- the date of a yes first check; `checked` says it was checked at all (yes
-- or no: SPEC 9.3), `check_answer`/`completed` what open-item reads.
-- system is NULL for the organization item.
CREATE TEMP TABLE oracle_claims (
  item TEXT NOT NULL, system TEXT, party TEXT NOT NULL, role TEXT NOT NULL,
  kind TEXT NOT NULL, source TEXT NOT NULL, confirmed TEXT, state TEXT NOT NULL,
  valid INTEGER NOT NULL DEFAULT 0,
  checked INTEGER NOT NULL DEFAULT 0, check_answer TEXT, check_date TEXT, completed TEXT
);
INSERT INTO oracle_claims (item, system, party, role, kind, source, state, confirmed, checked, check_answer, check_date,
                    completed)
SELECT x.item, x.system, x.party, x.role, x.kind, x.source, x.state,
       CASE WHEN r.answer = 'yes' THEN r.day END, r.answer IS NOT NULL, r.answer, r.day, r.completed
  FROM (
  SELECT ci.item AS item, CASE i.scope WHEN 'system' THEN cs.system END AS system, c.vendor AS party,
         ci.role AS role, 'contract' AS kind, c.id AS source, c.state AS state
    FROM contracts c
    JOIN contract_items ci ON ci.contract = c.id
    JOIN items i ON i.id = ci.item
    JOIN contract_systems cs ON cs.contract = c.id AND i.scope = 'system'
  UNION ALL
  SELECT ci.item, NULL, c.vendor, ci.role, 'contract', c.id, c.state
    FROM contracts c
    JOIN contract_items ci ON ci.contract = c.id
    JOIN items i ON i.id = ci.item AND i.scope = 'organization'
  UNION ALL
  SELECT si.item, sc.system, s.sub, si.role, 'subcontract', s.id, s.state
    FROM subcontracts s
    JOIN subcontract_items si ON si.subcontract = s.id
    JOIN items i ON i.id = si.item AND i.scope = 'system'
    JOIN subcontract_scope sc ON sc.subcontract = s.id
  UNION ALL
  SELECT si.item, NULL, s.sub, si.role, 'subcontract', s.id, s.state
    FROM subcontracts s
    JOIN subcontract_items si ON si.subcontract = s.id
    JOIN items i ON i.id = si.item AND i.scope = 'organization'
  UNION ALL
  SELECT a.item, a.system, a.party, a.role, 'assignment', '$.assignments[' || a.seq || ']', 'active'
    FROM assignments a WHERE a.system IS NULL OR a.system <> '*'
  UNION ALL
  SELECT a.item, s.id, a.party, a.role, 'assignment', '$.assignments[' || a.seq || ']', 'active'
    FROM assignments a JOIN systems s ON s.medical_info = 1 WHERE a.system = '*'
  ) x
  JOIN record_checks r ON r.kind = x.kind AND r.source = x.source;

-- A claim is valid when it is active and its party is the organization, or a
-- vendor bound to the system (for the organization item: to any system); a
-- subcontract's claim also needs the subcontract itself to bind the sub there.
UPDATE oracle_claims SET valid = 1
 WHERE state = 'active' AND (
   party = (SELECT value FROM meta WHERE key = 'organization')
   OR (system IS NULL AND EXISTS (SELECT 1 FROM bound b WHERE b.vendor = oracle_claims.party))
   OR (system IS NOT NULL AND kind <> 'subcontract'
       AND EXISTS (SELECT 1 FROM bound b WHERE b.vendor = oracle_claims.party AND b.system = oracle_claims.system))
   OR (system IS NOT NULL AND kind = 'subcontract'
       AND EXISTS (SELECT 1 FROM binding b WHERE b.vendor = oracle_claims.party AND b.system = oracle_claims.system
                                             AND b.kind = 'subcontract' AND b.source = oracle_claims.source)));

-- leads: the valid leads of each (item, system), one row per party, with the
-- latest confirmed date any of its sources carries (NULL: none confirmed)
-- and whether any of them was checked at all (yes or no, SPEC 9.3).
CREATE TEMP TABLE oracle_leads (item TEXT NOT NULL, system TEXT, party TEXT NOT NULL, confirmed TEXT, checked INTEGER NOT NULL);
INSERT INTO oracle_leads
SELECT item, system, party, max(confirmed), max(checked) FROM oracle_claims
 WHERE valid = 1 AND role = 'lead' GROUP BY item, system, party;

CREATE TEMP TABLE oracle_path_reach (remote TEXT NOT NULL, device TEXT NOT NULL, system TEXT,
                                     PRIMARY KEY (remote, device)) WITHOUT ROWID;
INSERT OR IGNORE INTO oracle_path_reach
SELECT p.remote, n2.device, d.system FROM path_doors p
  CROSS JOIN device_networks n1 ON n1.device = p.door
  CROSS JOIN device_networks n2 ON n2.network = n1.network
  CROSS JOIN devices d ON d.id = n2.device;
INSERT OR IGNORE INTO oracle_path_reach
SELECT r.id, r.target, d.system FROM remote_access r JOIN devices d ON d.id = r.target;

-- path_systems: path_reach counted by path and system, with the first device.
CREATE TEMP TABLE oracle_path_systems AS
SELECT remote, system, count(*) AS devices, min(device) AS first_device FROM oracle_path_reach GROUP BY remote, system;

CREATE TEMP TABLE oracle_responsible (device TEXT NOT NULL, party TEXT NOT NULL, PRIMARY KEY (device, party)) WITHOUT ROWID;
INSERT OR IGNORE INTO oracle_responsible
SELECT d.id, d.maintainer FROM devices d JOIN bound b ON b.vendor = d.maintainer AND b.system = d.system
 WHERE d.id IN (SELECT device FROM device_checks)
UNION
SELECT d.id, l.party FROM devices d JOIN oracle_leads l ON l.item = 'I-6' AND l.system = d.system
 WHERE d.id IN (SELECT device FROM device_checks)
   AND NOT EXISTS (SELECT 1 FROM bound b WHERE b.vendor = d.maintainer AND b.system = d.system);

-- Each table against the oracle, both ways, rows counted (a multiset): one
-- line per difference, nothing when they agree.
SELECT 'claims', * FROM (SELECT *, count(*) FROM main.claims GROUP BY item, system, party, role, kind, source, confirmed, state, valid, checked, check_answer, check_date, completed
                         EXCEPT SELECT *, count(*) FROM oracle_claims GROUP BY item, system, party, role, kind, source, confirmed, state, valid, checked, check_answer, check_date, completed);
SELECT 'oracle_claims', * FROM (SELECT *, count(*) FROM oracle_claims GROUP BY item, system, party, role, kind, source, confirmed, state, valid, checked, check_answer, check_date, completed
                         EXCEPT SELECT *, count(*) FROM main.claims GROUP BY item, system, party, role, kind, source, confirmed, state, valid, checked, check_answer, check_date, completed);
SELECT 'leads', * FROM (SELECT * FROM main.leads EXCEPT SELECT * FROM oracle_leads);
SELECT 'oracle_leads', * FROM (SELECT * FROM oracle_leads EXCEPT SELECT * FROM main.leads);
SELECT 'counts', (SELECT count(*) FROM main.leads), (SELECT count(*) FROM oracle_leads)
 WHERE (SELECT count(*) FROM main.leads) <> (SELECT count(*) FROM oracle_leads);
SELECT 'path_reach', * FROM (SELECT * FROM main.path_reach EXCEPT SELECT * FROM oracle_path_reach);
SELECT 'oracle_path_reach', * FROM (SELECT * FROM oracle_path_reach EXCEPT SELECT * FROM main.path_reach);
SELECT 'path_systems', * FROM (SELECT *, count(*) FROM main.path_systems GROUP BY remote, system, devices, first_device
                               EXCEPT SELECT *, 1 FROM oracle_path_systems);
SELECT 'oracle_path_systems', * FROM (SELECT *, 1 FROM oracle_path_systems
                                      EXCEPT SELECT *, count(*) FROM main.path_systems GROUP BY remote, system, devices, first_device);
SELECT 'responsible', * FROM (SELECT * FROM main.responsible EXCEPT SELECT * FROM oracle_responsible);
SELECT 'oracle_responsible', * FROM (SELECT * FROM oracle_responsible EXCEPT SELECT * FROM main.responsible);
