-- code: conflicting-leads
-- severity: error
-- key: system item
-- ref: Part2 A-2 (a)
-- fix: decide which one party leads; the others support (△)
-- passage: 「当該事業者がどこまで責任を負うのか明確にしておく」
-- Two or more different parties validly lead the same item on the same system.
SELECT a.item AS item, a.system AS system,
       (SELECT group_concat(l.party, ',') FROM leads l
         WHERE l.item = a.item AND l.system IS a.system) AS parties,
       'Part2 ' || a.item AS ref,
       a.leads || ' parties lead ' || a.item || ' ' || i.title || ': ' ||
       (SELECT group_concat(l.party, ', ') FROM leads l
         WHERE l.item = a.item AND l.system IS a.system) AS message
  FROM applicable a JOIN items i ON i.id = a.item
 WHERE a.leads >= 2;
