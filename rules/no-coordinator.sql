-- code: no-coordinator
-- severity: warning
-- key: system
-- ref: Part2 A-2 (a)
-- fix: name a prime vendor for the system, or agree the vendors' split in an interface agreement
-- passage: 「システム全体を取りまとめる役割を担う事業者（プライム事業者）がいる場合には…」; A-2 「事業者間の役割分担および抜け漏れがないことを確認する」
-- A system has two or more bound vendors and no active prime among them
-- (every system, in scope or not).
SELECT b.system AS system, group_concat(b.vendor, ',') AS parties,
       count(*) || ' vendors work on ' || b.system || ' (' || group_concat(b.vendor, ', ') ||
       ') and none holds an active prime contract to coordinate them' AS message
  FROM bound b
 GROUP BY b.system
HAVING count(*) >= 2
   AND NOT EXISTS (SELECT 1 FROM primes p WHERE p.system = b.system);
