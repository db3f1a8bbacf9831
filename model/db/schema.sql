-- The inventory as tables (SPEC §3). model/db/db.c fills them in one
-- transaction; indexes come after the bulk load (model/db/indexes.sql).
-- Dates are 'YYYY-MM-DD' text, so text comparison is date comparison.

CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;

-- The Part2 catalog (rules/catalog.json), in checklist order.
CREATE TABLE items (
  id TEXT PRIMARY KEY, seq INTEGER NOT NULL, section TEXT, category TEXT,
  title TEXT, content TEXT, risk TEXT, recommendation TEXT, refs TEXT,
  scope TEXT NOT NULL,   -- 'system' | 'organization'
  applies TEXT NOT NULL, -- 'always' | 'remote-access' | 'external-storage' | 'subcontracted' | 'multiple-vendors'
  each_vendor INTEGER NOT NULL
);

-- The organization and the vendors: everyone who can lead an item.
CREATE TABLE parties (
  id TEXT PRIMARY KEY, kind TEXT NOT NULL, -- 'organization' | 'vendor'
  name TEXT NOT NULL, seq INTEGER NOT NULL
);
CREATE TABLE vendor_disclosures (vendor TEXT NOT NULL, disclosure TEXT NOT NULL);
CREATE TABLE vendor_certifications (vendor TEXT NOT NULL, certification TEXT NOT NULL);

CREATE TABLE systems (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, seq INTEGER NOT NULL,
  medical_info INTEGER NOT NULL, external_storage INTEGER NOT NULL, external_access INTEGER NOT NULL
);

CREATE TABLE devices (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL,
  system TEXT, maintainer TEXT, seq INTEGER NOT NULL
);

CREATE TABLE contracts (
  id TEXT PRIMARY KEY, vendor TEXT NOT NULL, kind TEXT NOT NULL, prime INTEGER NOT NULL,
  start_date TEXT, end_date TEXT, confirmed TEXT, seq INTEGER NOT NULL,
  state TEXT -- 'active' | 'expired' | 'future' on the as-of date, set by derive.sql
);
CREATE TABLE contract_systems (contract TEXT NOT NULL, system TEXT NOT NULL);
CREATE TABLE contract_items (contract TEXT NOT NULL, item TEXT NOT NULL, role TEXT NOT NULL);

CREATE TABLE subcontracts (
  id TEXT PRIMARY KEY, prime TEXT NOT NULL, sub TEXT NOT NULL,
  has_systems INTEGER NOT NULL, -- 0: covers every system the prime is bound to
  approved TEXT, start_date TEXT, end_date TEXT, seq INTEGER NOT NULL,
  state TEXT
);
CREATE TABLE subcontract_systems (subcontract TEXT NOT NULL, system TEXT NOT NULL);
CREATE TABLE subcontract_items (subcontract TEXT NOT NULL, item TEXT NOT NULL, role TEXT NOT NULL);

CREATE TABLE assignments (
  seq INTEGER PRIMARY KEY, item TEXT NOT NULL,
  system TEXT, -- a system id, '*' for every in-scope system, NULL for the organization item
  party TEXT NOT NULL, role TEXT NOT NULL, confirmed TEXT
);

CREATE TABLE remote_access (
  id TEXT PRIMARY KEY, vendor TEXT NOT NULL, target TEXT NOT NULL, method TEXT NOT NULL,
  seq INTEGER NOT NULL
);
CREATE TABLE remote_via (remote TEXT NOT NULL, pos INTEGER NOT NULL, device TEXT NOT NULL);

CREATE TABLE interfaces (id TEXT PRIMARY KEY, confirmed TEXT, seq INTEGER NOT NULL);
CREATE TABLE interface_parties (interface TEXT NOT NULL, vendor TEXT NOT NULL);
CREATE TABLE interface_systems (interface TEXT NOT NULL, system TEXT NOT NULL);

-- The rules that ran and what they found (analyzer/analysis/rules.c fills these).
CREATE TABLE rules (
  code TEXT PRIMARY KEY, severity TEXT NOT NULL, ref TEXT, fix TEXT,
  origin TEXT NOT NULL, seq INTEGER NOT NULL, sql TEXT NOT NULL
);
CREATE TABLE findings (
  id TEXT PRIMARY KEY, code TEXT NOT NULL, severity TEXT NOT NULL, rank INTEGER NOT NULL,
  item TEXT, system TEXT, device TEXT, remote TEXT, contract TEXT,
  parties TEXT, -- comma-separated, sorted; also in finding_parties
  ref TEXT, message TEXT NOT NULL, rule_seq INTEGER NOT NULL,
  in_view INTEGER NOT NULL DEFAULT 1 -- 0 when --system/--vendor narrow it away
);
CREATE TABLE finding_parties (finding TEXT NOT NULL, party TEXT NOT NULL);
