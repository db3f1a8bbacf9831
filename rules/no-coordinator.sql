-- code: no-coordinator
-- severity: warning
-- key: system
-- ref: Part2 A-2 (a)
-- fix: name a prime vendor for the system, or agree the vendors' split in an interface agreement
-- fix.ja: システムの元請事業者を決めるか、事業者間の分担を取決め（インタフェース合意）で定める
-- message none: {n} vendors work on {system} ({vendors}) and none holds an active prime contract to coordinate them
-- message.ja none: {system} には {n} 社が携わっている（{vendors}）が、取りまとめる有効な元請契約を持つ事業者がいない
-- passage: 「システム全体を取りまとめる役割を担う事業者（プライム事業者）がいる場合には…」; A-2 「事業者間の役割分担および抜け漏れがないことを確認する」
-- A system has two or more bound vendors and no active prime among them
-- (every system, in scope or not).
SELECT b.system AS system, group_concat(b.vendor, ',') AS parties,
       count(*) AS n, group_concat(b.vendor, ',') AS vendors, 'none' AS message
  FROM bound b
 GROUP BY b.system
HAVING count(*) >= 2
   AND NOT EXISTS (SELECT 1 FROM primes p WHERE p.system = b.system);
