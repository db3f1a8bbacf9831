-- code: unbound-party
-- severity: error
-- key: system item contract parties
-- ref: Part2 A-2 (a)
-- fix: add the system to the vendor's contract, or assign the item to a bound party
-- passage: 「どの事業者と、どのシステム・サービスについて、どのような契約を締結しているか」(Part1 A-2 (a)) — a party can only answer for a system it is contracted for
-- An assignment names a vendor for a system it is not bound to, or a
-- subcontract lists a system its prime is not bound to. The claim is ignored.
WITH org AS (SELECT value AS id FROM meta WHERE key = 'organization'),
asg AS (
  SELECT a.seq, a.item, a.system, a.party, a.role FROM assignments a
   WHERE a.system IS NULL OR a.system <> '*'
  UNION ALL
  SELECT a.seq, a.item, s.id, a.party, a.role FROM assignments a
    JOIN systems s ON s.medical_info = 1 WHERE a.system = '*'
)
SELECT a.item AS item, a.system AS system, a.party AS parties, NULL AS contract,
       'Part2 A-2 (a)' AS ref,
       'assignment $.assignments[' || a.seq || '] makes ' || a.party || ' ' || a.role || ' of ' || a.item ||
       CASE WHEN a.system IS NULL THEN ', but it is bound to no system'
            ELSE ' on ' || a.system || ', but it has no active contract or subcontract for that system' END ||
       '; the claim is ignored' AS message
  FROM asg a
 WHERE a.party <> (SELECT id FROM org)
   AND CASE WHEN a.system IS NULL
            THEN NOT EXISTS (SELECT 1 FROM bound b WHERE b.vendor = a.party)
            ELSE NOT EXISTS (SELECT 1 FROM bound b WHERE b.vendor = a.party AND b.system = a.system) END
UNION ALL
SELECT NULL, ss.system, s.prime || ',' || s.sub, s.id,
       'Part2 A-10',
       'subcontract ' || s.id || ' hands ' || ss.system || ' to ' || s.sub || ', but the prime ' || s.prime ||
       ' is not bound to ' || ss.system || '; the subcontract''s claims there are ignored'
  FROM subcontracts s JOIN subcontract_systems ss ON ss.subcontract = s.id
 WHERE s.state = 'active'
   AND NOT EXISTS (SELECT 1 FROM bound b WHERE b.vendor = s.prime AND b.system = ss.system);
