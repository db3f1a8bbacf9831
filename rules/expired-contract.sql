-- code: expired-contract
-- severity: warning
-- key: contract
-- ref: Part1 A-2 (a)
-- fix: renew the contract, or reassign what it covered
-- passage: 「どの事業者と、どのシステム・サービスについて、どのような契約を締結しているかいつでも確認できるようにしておく」
-- A contract or subcontract ended before the as-of date; its claims lapse.
SELECT c.id AS contract, c.vendor AS parties,
       'contract ' || c.id || ' with ' || c.vendor || ' ended on ' || c.end_date ||
       '; what it assigned no longer counts' AS message
  FROM contracts c WHERE c.state = 'expired'
UNION ALL
SELECT s.id, s.prime || ',' || s.sub,
       'subcontract ' || s.id || ' from ' || s.prime || ' to ' || s.sub || ' ended on ' || s.end_date ||
       '; what it assigned no longer counts'
  FROM subcontracts s WHERE s.state = 'expired';
