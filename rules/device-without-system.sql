-- code: device-without-system
-- severity: warning
-- key: device
-- ref: Part1 立入検査用 3 (a)
-- fix: assign the device to a system in the ledger
-- passage: 「機器台帳を作成して、情報機器等の所在や利用者、ソフトウェアやサービスのバージョン等の管理を行い」
-- A device belongs to no system, so no contract or item can cover it.
SELECT d.id AS device, d.maintainer AS parties,
       'device ' || d.id || ' (' || d.name || ') belongs to no system; no contract or checklist item covers it' AS message
  FROM devices d
 WHERE d.system IS NULL;
