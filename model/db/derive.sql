-- The binding rules of SPEC §4, computed once per analysis so that every
-- rule in rules/*.sql reads them instead of re-deriving them.
-- Needs meta('as_of') and meta('organization'). Every derived table is
-- defined here; the four of a row per claim, lead, reached device and
-- responsible maintainer are filled by model/db/derive.c after this script,
-- and model/db/derive_after.sql indexes them.

-- Active on the as-of date: start <= as_of <= end, a missing bound is open.
UPDATE contracts SET state = CASE
  WHEN start_date > (SELECT value FROM meta WHERE key = 'as_of') THEN 'future'
  WHEN end_date < (SELECT value FROM meta WHERE key = 'as_of') THEN 'expired'
  ELSE 'active' END;
UPDATE subcontracts SET state = CASE
  WHEN start_date > (SELECT value FROM meta WHERE key = 'as_of') THEN 'future'
  WHEN end_date < (SELECT value FROM meta WHERE key = 'as_of') THEN 'expired'
  ELSE 'active' END;

-- binding: vendor V is bound to system S through `source`: an active contract
-- of V listing S, or an active subcontract from a bound prime handing V the
-- system (chains of any depth; the loader has rejected cycles).
CREATE TABLE IF NOT EXISTS binding (vendor TEXT NOT NULL, system TEXT NOT NULL, kind TEXT NOT NULL, source TEXT NOT NULL);
INSERT INTO binding
WITH RECURSIVE b(vendor, system, kind, source) AS (
  SELECT c.vendor, cs.system, 'contract', c.id
    FROM contracts c JOIN contract_systems cs ON cs.contract = c.id
   WHERE c.state = 'active'
  UNION
  SELECT s.sub, b.system, 'subcontract', s.id
    FROM b JOIN subcontracts s ON s.prime = b.vendor
   WHERE s.state = 'active'
     AND (s.has_systems = 0 OR EXISTS (SELECT 1 FROM subcontract_systems ss
                                        WHERE ss.subcontract = s.id AND ss.system = b.system))
)
SELECT vendor, system, kind, source FROM b;
CREATE INDEX IF NOT EXISTS binding_by_vendor ON binding (vendor, system, kind, source);
CREATE INDEX IF NOT EXISTS binding_by_system ON binding (system, kind);

CREATE TABLE IF NOT EXISTS bound (vendor TEXT NOT NULL, system TEXT NOT NULL, PRIMARY KEY (vendor, system)) WITHOUT ROWID;
INSERT INTO bound SELECT DISTINCT vendor, system FROM binding;
CREATE INDEX IF NOT EXISTS bound_by_system ON bound (system, vendor);

-- Active primes: an active contract with prime = true listing the system.
CREATE TABLE IF NOT EXISTS primes (system TEXT NOT NULL, vendor TEXT NOT NULL, PRIMARY KEY (system, vendor)) WITHOUT ROWID;
INSERT OR IGNORE INTO primes
SELECT cs.system, c.vendor FROM contracts c JOIN contract_systems cs ON cs.contract = c.id
 WHERE c.state = 'active' AND c.prime = 1;

-- The systems a subcontract speaks for: its list, or all its prime's.
CREATE TABLE IF NOT EXISTS subcontract_scope (subcontract TEXT NOT NULL, system TEXT NOT NULL);
INSERT INTO subcontract_scope
SELECT ss.subcontract, ss.system FROM subcontract_systems ss
UNION
SELECT s.id, b.system FROM subcontracts s JOIN bound b ON b.vendor = s.prime WHERE s.has_systems = 0;

-- claims: every lead/support a party makes on (item, system), with where it
-- comes from — a contract's items on each of its systems, a subcontract's on
-- each system of its scope, an assignment's on its system (`*`: every system
-- holding medical information); organization items have system NULL. `valid`
-- per SPEC §4: active, and the party is the organization, or a vendor bound
-- to the system (for an organization item: to any system); a subcontract's
-- claim also needs the subcontract itself to bind the sub there (binding,
-- source). `confirmed` is the date of a yes first check; `checked` says it
-- was checked at all (yes or no, SPEC 9.3), `check_answer`, `check_date` and
-- `completed` what open-item reads. A record's first check is its
-- first_check, else `confirmed` as a yes on that date (a subcontract: its
-- `approved` date).
-- leads: the valid leads of each (item, system), one row per party, with the
-- latest confirmed date any of its sources carries (NULL: none confirmed)
-- and whether any of them was checked at all.
-- Both are filled by model/db/derive.c, row by row from the inventory (at
-- 100,000 devices the joins that did it here took 0.45 s, derive.c and the
-- indexes 0.26 s; tests/derive/oracle.sql keeps those joins as the oracle).
CREATE TABLE IF NOT EXISTS claims (
  item TEXT NOT NULL, system TEXT, party TEXT NOT NULL, role TEXT NOT NULL,
  kind TEXT NOT NULL, source TEXT NOT NULL, confirmed TEXT, state TEXT NOT NULL,
  valid INTEGER NOT NULL DEFAULT 0,
  checked INTEGER NOT NULL DEFAULT 0, check_answer TEXT, check_date TEXT, completed TEXT
);
CREATE TABLE IF NOT EXISTS leads (item TEXT NOT NULL, system TEXT, party TEXT NOT NULL, confirmed TEXT, checked INTEGER NOT NULL);

-- Systems reached by a remote-access entry (directly or through a device).
CREATE TABLE IF NOT EXISTS remote_systems (system TEXT PRIMARY KEY) WITHOUT ROWID;
INSERT OR IGNORE INTO remote_systems
SELECT coalesce(d.system, s.id) FROM remote_access r
  LEFT JOIN devices d ON d.id = r.target LEFT JOIN systems s ON s.id = r.target
 WHERE coalesce(d.system, s.id) IS NOT NULL;

-- applicable: every (item, system) pair that needs exactly one lead, with the
-- number of distinct valid leads it has.
CREATE TABLE IF NOT EXISTS applicable (
  item TEXT NOT NULL, system TEXT, item_seq INTEGER NOT NULL, system_seq INTEGER,
  leads INTEGER NOT NULL DEFAULT 0
);
INSERT INTO applicable (item, system, item_seq, system_seq)
SELECT i.id, s.id, i.seq, s.seq FROM items i JOIN systems s ON s.medical_info = 1
 WHERE i.scope = 'system' AND CASE i.applies
   WHEN 'always' THEN 1
   WHEN 'remote-access' THEN s.external_access = 1 OR s.id IN (SELECT system FROM remote_systems)
   WHEN 'external-storage' THEN s.external_storage = 1
   WHEN 'subcontracted' THEN EXISTS (SELECT 1 FROM binding b WHERE b.system = s.id AND b.kind = 'subcontract')
   ELSE 0 END
UNION ALL
SELECT i.id, NULL, i.seq, NULL FROM items i
 WHERE i.scope = 'organization' AND CASE i.applies
   WHEN 'always' THEN 1
   WHEN 'multiple-vendors' THEN (SELECT count(DISTINCT vendor) FROM bound) >= 2
   ELSE 0 END;

-- Remote paths as owned objects (SPEC 9.1). A path's door: its last `via`
-- device; with no `via`, its target, unless the target is a system (then the
-- path has no door, NULL).
CREATE TABLE IF NOT EXISTS path_doors (remote TEXT PRIMARY KEY, door TEXT) WITHOUT ROWID;
INSERT INTO path_doors
SELECT r.id, coalesce((SELECT v.device FROM remote_via v WHERE v.remote = r.id ORDER BY v.pos DESC LIMIT 1),
                      CASE WHEN EXISTS (SELECT 1 FROM systems s WHERE s.id = r.target) THEN NULL ELSE r.target END)
  FROM remote_access r;
CREATE INDEX IF NOT EXISTS path_doors_by_door ON path_doors (door, remote);

-- What a path reaches: every device sharing a network with its door (the
-- door included; one hop, segments are not chained) and its target device.
-- Without networks data, its target only. Devices passed earlier in `via`
-- are passed, not reached.
-- With each reached device's system, so the rules need not look it up.
-- Every reached device for --db and users' rules; otherwise only those of
-- no system, the only rows a built-in statement reads (the others are
-- counted in path_systems).
CREATE TABLE IF NOT EXISTS path_reach (remote TEXT NOT NULL, device TEXT NOT NULL, system TEXT,
                         PRIMARY KEY (remote, device)) WITHOUT ROWID;
-- Filled by model/db/derive.c.

-- path_systems: path_reach counted by system — each system a path reaches
-- (NULL: its devices that name no system), how many of its devices, and the
-- first of them by id. What the reports' list of paths and
-- remote-reach-beyond-contract read.
CREATE TABLE IF NOT EXISTS path_systems (remote TEXT NOT NULL, system TEXT, devices INTEGER NOT NULL,
                                         first_device TEXT NOT NULL);
-- Filled by model/db/derive.c.

-- approved_chains: vendor `upper` reaches vendor `lower` for `system` through
-- active, approved subcontracts that cover it (prime -> sub, any depth): the
-- normal set-up of a prime and its subcontractors (A-10, seed 003 Q-21).
CREATE TABLE IF NOT EXISTS approved_chains (upper TEXT NOT NULL, lower TEXT NOT NULL, system TEXT NOT NULL);
INSERT INTO approved_chains
WITH RECURSIVE ch(upper, lower, system) AS (
  SELECT s.prime, s.sub, sc.system FROM subcontracts s JOIN subcontract_scope sc ON sc.subcontract = s.id
   WHERE s.state = 'active' AND s.approved IS NOT NULL
  UNION
  SELECT ch.upper, s.sub, ch.system FROM ch
    JOIN subcontracts s ON s.prime = ch.lower
    JOIN subcontract_scope sc ON sc.subcontract = s.id AND sc.system = ch.system
   WHERE s.state = 'active' AND s.approved IS NOT NULL
)
SELECT upper, lower, system FROM ch;
CREATE INDEX IF NOT EXISTS approved_chains_by_lower ON approved_chains (lower, system, upper);

-- responsible: a device's responsible maintainer — its maintainer when that
-- vendor is bound to the device's system, else every valid I-6 lead there.
-- Only for the devices that carry checks (device_checks), the rules' need.
CREATE TABLE IF NOT EXISTS responsible (device TEXT NOT NULL, party TEXT NOT NULL, PRIMARY KEY (device, party)) WITHOUT ROWID;
-- Filled by model/db/derive.c.
