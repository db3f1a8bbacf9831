-- code: unowned-item
-- severity: error
-- key: system item
-- ref: Part2 A-2 (a)
-- fix: agree who leads the item (a contract's lead list or an assignment) and record it
-- passage: 「いずれの事業者が責任をもって導入、保守、運用等を担当するのか不明な部分がないよう確認する」
-- An applicable item on a system (or the organization item A-2) has no valid
-- lead. Lapsed, not-yet-started and unbound claims are named in the message.
SELECT a.item AS item, a.system AS system,
       x.parties AS parties,
       'Part2 ' || a.item AS ref,
       CASE WHEN x.detail IS NULL
            THEN 'nobody leads ' || a.item || ' ' || i.title
            ELSE 'no valid lead for ' || a.item || ' ' || i.title || '; only ' || x.detail
       END || CASE WHEN a.system IS NULL THEN ' (organization item)' ELSE '' END AS message
  FROM applicable a
  JOIN items i ON i.id = a.item
  LEFT JOIN (
    SELECT item, system, group_concat(party, ',') AS parties, group_concat(why, '; ') AS detail
      FROM (SELECT DISTINCT c.item, c.system, c.party,
                   c.party || ' (' || CASE c.state
                     WHEN 'expired' THEN c.kind || ' ' || c.source || ' has expired'
                     WHEN 'future' THEN c.kind || ' ' || c.source || ' has not started'
                     ELSE 'not bound to ' || coalesce(c.system, 'any system') END || ')' AS why
              FROM claims c
             WHERE c.role = 'lead' AND c.valid = 0
             ORDER BY c.party, why)
     GROUP BY item, system
  ) x ON x.item = a.item AND x.system IS a.system
 WHERE a.leads = 0;
