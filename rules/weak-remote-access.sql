-- code: weak-remote-access
-- severity: error
-- key: remote
-- ref: seed 003 2-(8)
-- fix: require multi-factor or certificate authentication, or restrict the path to agreed source addresses (接続元制限)
-- fix.ja: 多要素認証か証明書認証を求めるか、経路を合意した接続元アドレスに限る（接続元制限）
-- message none-any: remote path {remote} of {vendor} is protected by no authentication and accepts any source address
-- message.ja none-any: {vendor} のリモート経路 {remote} には認証がなく、接続元も制限されていない
-- message none-unknown: remote path {remote} of {vendor} is protected by no authentication and nobody recorded a source restriction
-- message.ja none-unknown: {vendor} のリモート経路 {remote} には認証がなく、接続元制限も記録されていない
-- message password-any: remote path {remote} of {vendor} is protected by a password only and accepts any source address
-- message.ja password-any: {vendor} のリモート経路 {remote} はパスワードだけで守られ、接続元も制限されていない
-- message password-unknown: remote path {remote} of {vendor} is protected by a password only and nobody recorded a source restriction
-- message.ja password-unknown: {vendor} のリモート経路 {remote} はパスワードだけで守られ、接続元制限も記録されていない
-- passage: 「２-(８) 接続元制限を実施している。」 and Part2 I-3 「認める際の条件や制限、技術的な対応による安全管理対策等」
-- A path guarded by a password or nothing, open to any source address: the
-- way in of a guessable maintenance VPN.
SELECT r.id AS remote, coalesce(d.system, s.id) AS system, r.vendor AS parties,
       r.vendor AS vendor,
       r.auth || CASE WHEN r.source_restricted = 0 THEN '-any' ELSE '-unknown' END AS message
  FROM remote_access r
  LEFT JOIN devices d ON d.id = r.target LEFT JOIN systems s ON s.id = r.target
 WHERE r.auth IN ('password', 'none') AND r.source_restricted IS NOT 1;
