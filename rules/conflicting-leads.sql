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
-- The leads of a pair are gathered once (they are the parties and the
-- message's {leads}); MATERIALIZED keeps SQLite from copying the
-- subquery into both columns.
WITH x AS MATERIALIZED (
  SELECT a.item, a.system, a.leads AS n,
         (SELECT group_concat(l.party, ',') FROM leads l
           WHERE l.item = a.item AND l.system IS a.system) AS parties
    FROM applicable a
   WHERE a.leads >= 2
)
SELECT x.item AS item, x.system AS system, x.parties AS parties,
       'Part2 ' || x.item AS ref, x.n AS n, i.title AS title, x.parties AS leads,
       'several' AS message
  FROM x JOIN items i ON i.id = x.item;
