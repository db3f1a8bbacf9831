-- code: expired-contract
-- severity: warning
-- key: contract
-- ref: Part1 A-2 (a)
-- fix: renew the contract, or reassign what it covered
-- fix.ja: 契約を更新するか、その契約が対象としていたものを割り当て直す
-- message contract: contract {contract} with {vendor} ended on {until}; what it assigned no longer counts
-- message.ja contract: {vendor} との契約 {contract} は {until} に終了しており、この契約による役割分担はもう数えない
-- message subcontract: subcontract {contract} from {prime} to {sub} ended on {until}; what it assigned no longer counts
-- message.ja subcontract: {prime} から {sub} への再委託契約 {contract} は {until} に終了しており、この契約による役割分担はもう数えない
-- passage: 「どの事業者と、どのシステム・サービスについて、どのような契約を締結しているかいつでも確認できるようにしておく」
-- A contract or subcontract ended before the as-of date; its claims lapse.
SELECT c.id AS contract, c.vendor AS parties, c.vendor AS vendor, NULL AS prime, NULL AS sub,
       c.end_date AS until, 'contract' AS message
  FROM contracts c WHERE c.state = 'expired'
UNION ALL
SELECT s.id, s.prime || ',' || s.sub, NULL, s.prime, s.sub, s.end_date, 'subcontract'
  FROM subcontracts s WHERE s.state = 'expired';
