-- Accepted findings (SPEC 9.3), after the rules and before the rules that
-- run last (stale-acceptance). An entry's `finding` is an id, or a pattern
-- where * matches any run of characters (@ included) and nothing else is
-- special: [ and ? are escaped for GLOB. acceptance-expired and
-- stale-acceptance are never accepted. Run only when the inventory has an
-- accepted[] entry (rules.c): else there is nothing to match.
INSERT INTO acceptance_matches
SELECT a.seq, f.id FROM accepted a JOIN findings f ON f.id = a.finding
 WHERE instr(a.finding, '*') = 0 AND f.code NOT IN ('acceptance-expired', 'stale-acceptance')
UNION ALL
SELECT a.seq, f.id FROM accepted a JOIN findings f
    ON f.id GLOB replace(replace(a.finding, '[', '[[]'), '?', '[?]')
 WHERE instr(a.finding, '*') > 0 AND f.code NOT IN ('acceptance-expired', 'stale-acceptance');

-- The first live matching entry gives the acceptance.
UPDATE findings SET accepted = (
  SELECT min(m.acceptance) FROM acceptance_matches m JOIN accepted a ON a.seq = m.acceptance
   WHERE m.finding = findings.id AND a.live = 1)
 WHERE id IN (SELECT finding FROM acceptance_matches);
