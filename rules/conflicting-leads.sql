-- code: conflicting-leads
-- severity: error
-- key: system item
-- ref: Part2 A-2 (a)
-- fix: decide which one party leads; the others support (△)
-- fix.ja: どの1者が主担当（○）かを決め、他は副担当（△）とする
-- message several: {n} parties lead {item} {title}: {leads}
-- message.ja several: {item} {title} の主担当が {n} 者いる: {leads}
-- passage: 「当該事業者がどこまで責任を負うのか明確にしておく」
-- Two or more different parties validly lead the same item on the same system.
SELECT a.item AS item, a.system AS system,
       (SELECT group_concat(l.party, ',') FROM leads l
         WHERE l.item = a.item AND l.system IS a.system) AS parties,
       'Part2 ' || a.item AS ref,
       a.leads AS n, i.title AS title,
       (SELECT group_concat(l.party, ',') FROM leads l
         WHERE l.item = a.item AND l.system IS a.system) AS leads,
       'several' AS message
  FROM applicable a JOIN items i ON i.id = a.item
 WHERE a.leads >= 2;
