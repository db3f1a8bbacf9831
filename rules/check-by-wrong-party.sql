-- code: check-by-wrong-party
-- severity: warning
-- key: device parties
-- ref: seed 003 Q-21
-- fix: have the device's responsible maintainer (or the organization) confirm it; the contracted vendor answers after asking its subcontractor
-- fix.ja: 機器の保守に責任を負う事業者（または医療機関）に確認してもらう。契約先の事業者は再委託先に確かめてから回答する
-- message wrong: device {device} was checked by {by}, who does not answer for it[[ (its responsible maintainer: {responsible})]]
-- message.ja wrong: 機器 {device} の確認は {by} が行っているが、この機器について回答する立場にない[[（責任を負う保守者: {responsible}）]]
-- passage: Q-21「事業者 B から、開発・サーバ運用を行っている事業者 A に確認するように依頼してください。」
-- A device check confirmed by a party that does not answer for the device:
-- neither the organization, nor its responsible maintainer, nor a vendor
-- above that maintainer in an active, approved subcontract chain for the
-- device's system. Checks dated after the as-of date are ignored.
SELECT DISTINCT c.device AS device, d.system AS system, c.checked_by AS parties,
       c.checked_by AS by,
       (SELECT group_concat(party, ',') FROM responsible x WHERE x.device = c.device) AS responsible,
       'wrong' AS message
  FROM device_checks c
  LEFT JOIN devices d ON d.id = c.device
 WHERE c.check_date <= (SELECT value FROM meta WHERE key = 'as_of')
   AND c.checked_by <> (SELECT value FROM meta WHERE key = 'organization')
   AND NOT EXISTS (SELECT 1 FROM responsible x WHERE x.device = c.device AND x.party = c.checked_by)
   AND NOT EXISTS (SELECT 1 FROM responsible x JOIN approved_chains ch ON ch.lower = x.party
                    WHERE x.device = c.device AND ch.upper = c.checked_by AND ch.system = d.system);
