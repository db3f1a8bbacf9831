-- code: idle-vendor
-- severity: info
-- key: parties
-- ref: Part1 A-2 (a)
-- fix: remove the vendor from the inventory, or record its contract
-- fix.ja: その事業者を台帳から外すか、契約を記録する
-- message idle: {vendor} has no active contract, subcontract or remote link
-- message.ja idle: {vendor} には有効な契約・再委託契約もリモート接続もない
-- passage: 「どの事業者と、どのシステム・サービスについて、どのような契約を締結しているかいつでも確認できるようにしておく」
-- A vendor has no active contract, subcontract or remote link.
SELECT p.id AS parties,
       p.id AS vendor, 'idle' AS message
  FROM parties p
 WHERE p.kind = 'vendor'
   AND NOT EXISTS (SELECT 1 FROM contracts c WHERE c.vendor = p.id AND c.state = 'active')
   AND NOT EXISTS (SELECT 1 FROM subcontracts s WHERE s.state = 'active' AND (s.prime = p.id OR s.sub = p.id))
   AND NOT EXISTS (SELECT 1 FROM remote_access r WHERE r.vendor = p.id);
