-- code: device-maintainer-unbound
-- severity: error
-- key: device
-- ref: Part2 I-6
-- fix: contract the maintainer for the device's system, or correct the ledger
-- passage: 「保守契約に基づき事業者による保守（セキュリティパッチの適用等）がなされるよう取り決める」
-- A device's maintainer is not bound to the device's system: it maintains
-- the device without a contract that covers it.
SELECT d.id AS device, d.system AS system, d.maintainer AS parties,
       'Part2 I-6' AS ref,
       'device ' || d.id || ' is maintained by ' || d.maintainer || ', which ' ||
       CASE WHEN d.system IS NULL THEN 'no contract can cover: the device belongs to no system'
            ELSE 'has no active contract or subcontract for its system ' || d.system END AS message
  FROM devices d
 WHERE d.maintainer IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM bound b WHERE b.vendor = d.maintainer AND b.system = d.system);
