-- code: multiple-primes
-- severity: error
-- key: system
-- ref: Part2 A-2 (a)
-- fix: keep one prime contract per system; the other vendors become its subcontractors or peers
-- passage: 「システム全体を取りまとめる役割を担う事業者（プライム事業者）がいる場合には…当該事業者がどこまで責任を負うのか明確にしておく」
-- Two or more vendors hold active prime contracts for the same system
-- (every system, in scope or not).
SELECT p.system AS system, group_concat(p.vendor, ',') AS parties,
       count(*) || ' vendors hold an active prime contract for ' || p.system || ': ' ||
       group_concat(p.vendor, ', ') || '; only one can coordinate it' AS message
  FROM primes p
 GROUP BY p.system
HAVING count(*) >= 2;
