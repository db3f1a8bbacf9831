-- Indexes on the findings, created once the rules have run (faster than
-- maintaining them row by row while thousands of findings are stored).
CREATE INDEX IF NOT EXISTS finding_parties_by_finding ON finding_parties (finding, party);
CREATE INDEX IF NOT EXISTS findings_by_system ON findings (system, in_view);
CREATE INDEX IF NOT EXISTS findings_by_remote ON findings (remote, code, device);
CREATE INDEX IF NOT EXISTS findings_by_code_device ON findings (code, device);
