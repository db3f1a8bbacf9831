-- After model/db/derive.c has filled claims, leads, path_reach and
-- responsible (model/db/derive.sql defines them): their indexes, and what
-- reads them.

CREATE INDEX IF NOT EXISTS claims_by_pair ON claims (item, system, role, valid, party);
CREATE INDEX IF NOT EXISTS leads_by_pair ON leads (item, system, party);
CREATE INDEX IF NOT EXISTS path_systems_by_remote ON path_systems (remote, system);

UPDATE applicable SET leads = (SELECT count(*) FROM leads l
                                WHERE l.item = applicable.item AND l.system IS applicable.system);
CREATE INDEX IF NOT EXISTS applicable_by_pair ON applicable (item, system);
CREATE INDEX IF NOT EXISTS applicable_by_system ON applicable (system, leads);


-- Acceptances (SPEC 9.3) apply while as-of <= until. Which findings each
-- accepts is decided after the rules (model/db/accept.sql).
UPDATE accepted SET live = until_date >= (SELECT value FROM meta WHERE key = 'as_of');
