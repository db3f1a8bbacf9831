-- code: device-named
-- severity: info
-- key: device
-- ref: Part2 I-6
-- fix: nothing to do: a user's rule with templates (tests/i18n.sh)
-- fix.ja: 対応は不要: テンプレートを持つ利用者のルール
-- message named: device {device} of {system} is maintained by {maintainer}[[, a vendor of {prime_leads}]]
-- message.ja named: {system} の機器 {device} の保守事業者は {maintainer}[[（{prime_leads} の事業者）]]
SELECT d.id AS device, d.system AS system, d.maintainer AS maintainer, NULL AS prime_leads, 'named' AS message
  FROM devices d WHERE d.id = 'ehr-srv';
