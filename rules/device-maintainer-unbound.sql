-- code: device-maintainer-unbound
-- severity: error
-- key: device
-- ref: Part2 I-6
-- fix: contract the maintainer for the device's system, or correct the ledger
-- fix.ja: 保守事業者とその機器のシステムについて契約するか、台帳を正す
-- message no-system: device {device} is maintained by {maintainer}, which no contract can cover: the device belongs to no system
-- message.ja no-system: 機器 {device} の保守事業者は {maintainer} だが、機器がどのシステムにも属さないため、どの契約もこれを対象にできない
-- message unbound: device {device} is maintained by {maintainer}, which has no active contract or subcontract for its system {system}
-- message.ja unbound: 機器 {device} の保守事業者は {maintainer} だが、その事業者はこの機器のシステム {system} について有効な契約も再委託契約もない
-- passage: 「保守契約に基づき事業者による保守（セキュリティパッチの適用等）がなされるよう取り決める」
-- A device's maintainer is not bound to the device's system: it maintains
-- the device without a contract that covers it.
-- Judged once per (system, maintainer) pair (devices_by_system lists them
-- in order; a device of no system is the pair's NULL), then each device.
WITH pairs AS MATERIALIZED (
  SELECT DISTINCT system, maintainer FROM devices WHERE maintainer IS NOT NULL
)
SELECT d.id AS device, d.system AS system, d.maintainer AS parties,
       'Part2 I-6' AS ref,
       d.maintainer AS maintainer,
       CASE WHEN d.system IS NULL THEN 'no-system' ELSE 'unbound' END AS message
  FROM pairs p JOIN devices d ON d.system IS p.system AND d.maintainer = p.maintainer
 WHERE NOT EXISTS (SELECT 1 FROM bound b WHERE b.vendor = p.maintainer AND b.system = p.system);
