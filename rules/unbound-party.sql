-- code: unbound-party
-- severity: error
-- key: system item contract parties
-- ref: Part2 A-2 (a)
-- fix: add the system to the vendor's contract, or assign the item to a bound party
-- fix.ja: そのシステムを事業者の契約に加えるか、契約のある者に項目を割り当てる
-- message no-system: assignment {source} makes {party} {role} of {item}, but it is bound to no system; the claim is ignored
-- message.ja no-system: 割当 {source} は {party} を {item} の{role}としているが、この事業者はどのシステムの契約もないため、この割当は数えない
-- message unbound: assignment {source} makes {party} {role} of {item} on {system}, but it has no active contract or subcontract for that system; the claim is ignored
-- message.ja unbound: 割当 {source} は {party} を {system} の {item} の{role}としているが、この事業者はそのシステムの有効な契約も再委託契約もないため、この割当は数えない
-- message sub: subcontract {contract} hands {system} to {sub}, but the prime {prime} is not bound to {system}; the subcontract's claims there are ignored
-- message.ja sub: 再委託契約 {contract} は {system} を {sub} に委ねているが、元請 {prime} はそのシステムの契約がないため、この再委託契約の役割分担は数えない
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
       '$.assignments[' || a.seq || ']' AS source, a.party AS party, a.role AS role, NULL AS prime, NULL AS sub,
       CASE WHEN a.system IS NULL THEN 'no-system' ELSE 'unbound' END AS message
  FROM asg a
 WHERE a.party <> (SELECT id FROM org)
   AND CASE WHEN a.system IS NULL
            THEN NOT EXISTS (SELECT 1 FROM bound b WHERE b.vendor = a.party)
            ELSE NOT EXISTS (SELECT 1 FROM bound b WHERE b.vendor = a.party AND b.system = a.system) END
UNION ALL
SELECT NULL, ss.system, s.prime || ',' || s.sub, s.id,
       'Part2 A-10',
       NULL, NULL, NULL, s.prime, s.sub, 'sub'
  FROM subcontracts s JOIN subcontract_systems ss ON ss.subcontract = s.id
 WHERE s.state = 'active'
   AND NOT EXISTS (SELECT 1 FROM bound b WHERE b.vendor = s.prime AND b.system = ss.system);
