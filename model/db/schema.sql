-- The tables that are not the inventory's own (SPEC §3): the catalog, the
-- rules and the findings. model/db/db.c fills the model in one transaction;
-- indexes come after the bulk load (model/db/indexes.sql).
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

-- The inventory's own tables (parties, systems, devices, contracts and their
-- side tables such as contract_systems) are made by model/db/db.c from the
-- entity descriptions of model/entities.h: one description per entity.

-- The rules that ran and what they found (analyzer/analysis/rules.c fills these).
CREATE TABLE rules (
  code TEXT PRIMARY KEY, severity TEXT NOT NULL, ref TEXT, fix TEXT,
  origin TEXT NOT NULL, seq INTEGER NOT NULL, sql TEXT NOT NULL
);
CREATE TABLE findings (
  id TEXT PRIMARY KEY, code TEXT NOT NULL, severity TEXT NOT NULL, rank INTEGER NOT NULL,
  item TEXT, system TEXT, device TEXT, remote TEXT, contract TEXT,
  parties TEXT, -- comma-separated, sorted (or in the rule's order); also in finding_parties
  ref TEXT, message TEXT NOT NULL, rule_seq INTEGER NOT NULL,
  accepted INTEGER, -- the seq of the accepted[] entry that accepts it (SPEC 9.3), or NULL: open
  in_view INTEGER NOT NULL DEFAULT 1 -- 0 when --system/--vendor narrow it away
);
CREATE TABLE finding_parties (finding TEXT NOT NULL, party TEXT NOT NULL,
                              pos INTEGER NOT NULL); -- sorted, or the rule's order ("-- parties: ordered")
-- Which accepted[] entry matches which finding (model/db/accept.sql fills
-- it, and only when the inventory accepts something; stale-acceptance reads it).
CREATE TABLE acceptance_matches (acceptance INTEGER NOT NULL, finding TEXT NOT NULL);
CREATE INDEX acceptance_matches_by_finding ON acceptance_matches (finding, acceptance);

-- The view of the analysis (--system, --vendor; analyzer/analysis/analysis.c
-- fills them): the systems it covers, those asked for, the vendors it is
-- about, the paths into it. Every system and path without a view.
CREATE TABLE view_systems (id TEXT PRIMARY KEY);
CREATE TABLE view_asked (id TEXT PRIMARY KEY);
CREATE TABLE view_vendors (id TEXT PRIMARY KEY);
CREATE TABLE view_remotes (id TEXT PRIMARY KEY);
