-- code: weak-remote-access
-- severity: error
-- key: remote
-- ref: seed 003 2-(8)
-- fix: require multi-factor or certificate authentication, or restrict the path to agreed source addresses (接続元制限)
-- passage: 「２-(８) 接続元制限を実施している。」 and Part2 I-3 「認める際の条件や制限、技術的な対応による安全管理対策等」
-- A path guarded by a password or nothing, open to any source address: the
-- way in of a guessable maintenance VPN.
SELECT r.id AS remote, coalesce(d.system, s.id) AS system, r.vendor AS parties,
       'remote path ' || r.id || ' of ' || r.vendor || ' is protected by ' ||
       CASE r.auth WHEN 'none' THEN 'no authentication' ELSE 'a password only' END ||
       CASE WHEN r.source_restricted = 0 THEN ' and accepts any source address'
            ELSE ' and nobody recorded a source restriction' END AS message
  FROM remote_access r
  LEFT JOIN devices d ON d.id = r.target LEFT JOIN systems s ON s.id = r.target
 WHERE r.auth IN ('password', 'none') AND r.source_restricted IS NOT 1;
