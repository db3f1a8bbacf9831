-- code: device-without-system
-- severity: warning
-- key: device
-- ref: Part1 立入検査用 3 (a)
-- fix: assign the device to a system in the ledger
-- fix.ja: 台帳で機器をいずれかのシステムに割り当てる
-- message orphan: device {device} belongs to no system; no contract or checklist item covers it
-- message.ja orphan: 機器 {device} はどのシステムにも属しておらず、どの契約・チェックリスト項目の対象にもならない
-- passage: 「機器台帳を作成して、情報機器等の所在や利用者、ソフトウェアやサービスのバージョン等の管理を行い」
-- A device belongs to no system, so no contract or item can cover it.
SELECT d.id AS device, d.maintainer AS parties,
       'orphan' AS message
  FROM devices d
 WHERE d.system IS NULL;
