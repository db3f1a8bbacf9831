-- code: unowned-item
-- severity: error
-- key: system item
-- ref: Part2 A-2 (a)
-- fix: agree who leads the item (a contract's lead list or an assignment) and record it
-- fix.ja: 誰が主担当かを合意し（契約の主担当一覧または割当で）、記録する
-- message nobody: nobody leads {item} {title}[[ (organization item){org}]]
-- message.ja nobody: {item} {title} の主担当がいない[[（医療機関の項目）{org}]]
-- message invalid: no valid lead for {item} {title}[[ (organization item){org}]][[; only {expired_leads}, whose contract {expired_sources} has expired]][[; only {future_leads}, whose contract {future_sources} has not started]][[; only {unbound_leads}, not bound to the system]]
-- message.ja invalid: {item} {title} の有効な主担当がいない[[（医療機関の項目）{org}]][[。{expired_leads} の契約 {expired_sources} は終了している]][[。{future_leads} の契約 {future_sources} はまだ始まっていない]][[。{unbound_leads} はこのシステムの契約がない]]
-- passage: 「いずれの事業者が責任をもって導入、保守、運用等を担当するのか不明な部分がないよう確認する」
-- An applicable item on a system (or the organization item A-2) has no valid
-- lead. Lapsed, not-yet-started and unbound claims are named in the message.
SELECT a.item AS item, a.system AS system,
       x.parties AS parties,
       'Part2 ' || a.item AS ref,
       i.title AS title, x.expired_leads, x.expired_sources, x.future_leads, x.future_sources, x.unbound_leads,
       CASE WHEN a.system IS NULL THEN '' END AS org,
       CASE WHEN x.parties IS NULL THEN 'nobody' ELSE 'invalid' END AS message
  FROM applicable a
  JOIN items i ON i.id = a.item
  LEFT JOIN (
    SELECT item, system, group_concat(DISTINCT party) AS parties,
           group_concat(DISTINCT CASE WHEN state = 'expired' THEN party END) AS expired_leads,
           group_concat(DISTINCT CASE WHEN state = 'expired' THEN source END) AS expired_sources,
           group_concat(DISTINCT CASE WHEN state = 'future' THEN party END) AS future_leads,
           group_concat(DISTINCT CASE WHEN state = 'future' THEN source END) AS future_sources,
           group_concat(DISTINCT CASE WHEN state NOT IN ('expired', 'future') THEN party END) AS unbound_leads
      FROM (SELECT DISTINCT c.item, c.system, c.party, c.state, c.source AS source
              FROM applicable n JOIN claims c ON c.item = n.item AND c.system IS n.system
             WHERE n.leads = 0 AND c.role = 'lead' AND c.valid = 0 -- only the pairs this rule reports
             ORDER BY c.party, c.source)
     GROUP BY item, system
  ) x ON x.item = a.item AND x.system IS a.system
 WHERE a.leads = 0;
