-- code: vendor-duty-missing
-- severity: warning
-- key: system item parties
-- ref: seed 003 Q-20
-- fix: have every vendor of the system lead or support the duty item
-- fix.ja: システムのすべての事業者が、その義務の項目で主担当か副担当を担う
-- message missing: {vendor} works on {system} but takes no part (lead or support) in {item} {title}, a duty of every vendor
-- message.ja missing: {vendor} は {system} に携わっているが、すべての事業者の義務である {item} {title} で主担当も副担当も担っていない
-- passage: 「複数契約している場合は、それぞれ事業者確認用チェックリストへの記載を依頼してください」 — duty items bind every vendor of the system
-- A vendor bound to a system is neither lead nor support of an each-vendor
-- (duty) item there.
SELECT a.item AS item, a.system AS system, b.vendor AS parties,
       'Part2 ' || a.item AS ref,
       b.vendor AS vendor, i.title AS title, 'missing' AS message
  FROM applicable a
  JOIN items i ON i.id = a.item AND i.each_vendor = 1
  JOIN bound b ON b.system = a.system
 WHERE NOT EXISTS (SELECT 1 FROM claims c
                    WHERE c.item = a.item AND c.system = a.system AND c.party = b.vendor AND c.valid = 1);
