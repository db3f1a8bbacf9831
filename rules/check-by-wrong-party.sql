-- code: check-by-wrong-party
-- severity: warning
-- key: device parties
-- ref: seed 003 Q-21
-- fix: have the device's responsible maintainer (or the organization) confirm it; the contracted vendor answers after asking its subcontractor
-- passage: Q-21「事業者 B から、開発・サーバ運用を行っている事業者 A に確認するように依頼してください。」
-- A device check confirmed by a party that does not answer for the device:
-- neither the organization, nor its responsible maintainer, nor a vendor
-- above that maintainer in an active, approved subcontract chain for the
-- device's system. Checks dated after the as-of date are ignored.
SELECT DISTINCT c.device AS device, d.system AS system, c.checked_by AS parties,
       'device ' || c.device || ' was checked by ' || c.checked_by ||
       ', who does not answer for it' ||
       coalesce(' (its responsible maintainer: ' ||
                (SELECT group_concat(party, ', ') FROM responsible x WHERE x.device = c.device) || ')', '') AS message
  FROM device_checks c
  LEFT JOIN devices d ON d.id = c.device
 WHERE c.check_date <= (SELECT value FROM meta WHERE key = 'as_of')
   AND c.checked_by <> (SELECT value FROM meta WHERE key = 'organization')
   AND NOT EXISTS (SELECT 1 FROM responsible x WHERE x.device = c.device AND x.party = c.checked_by)
   AND NOT EXISTS (SELECT 1 FROM responsible x JOIN approved_chains ch ON ch.lower = x.party
                    WHERE x.device = c.device AND ch.upper = c.checked_by AND ch.system = d.system);
