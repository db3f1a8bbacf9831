-- code: multiple-primes
-- severity: error
-- key: system
-- ref: Part2 A-2 (a)
-- fix: keep one prime contract per system; the other vendors become its subcontractors or peers
-- fix.ja: システムごとに元請契約を1つにし、他の事業者はその再委託先か対等な事業者とする
-- message several: {n} vendors hold an active prime contract for {system}: {vendors}; only one can coordinate it
-- message.ja several: {system} の有効な元請契約を {n} 社が持っている: {vendors}。取りまとめられるのは1社だけである
-- passage: 「システム全体を取りまとめる役割を担う事業者（プライム事業者）がいる場合には…当該事業者がどこまで責任を負うのか明確にしておく」
-- Two or more vendors hold active prime contracts for the same system
-- (every system, in scope or not).
SELECT p.system AS system, group_concat(p.vendor, ',') AS parties,
       count(*) AS n, group_concat(p.vendor, ',') AS vendors, 'several' AS message
  FROM primes p
 GROUP BY p.system
HAVING count(*) >= 2;
