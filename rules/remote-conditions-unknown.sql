-- code: remote-conditions-unknown
-- severity: info
-- key: remote
-- ref: Part2 I-3
-- fix: record how the path authenticates, whether its source addresses are restricted and whether it is opened only on demand
-- fix.ja: 経路の認証方式、接続元制限の有無、必要時のみ接続するかどうかを記録する
-- message unknown: remote path {remote} of {vendor}: unknown {unknown}
-- message.ja unknown: {vendor} のリモート経路 {remote}: 次が不明である — {unknown}
-- passage: 「認める際の条件や制限、技術的な対応による安全管理対策等について、医療機関と事業者が共同で具体的な規則や手順を設定する」
-- A path whose conditions nobody wrote down: auth, source_restricted or
-- on_demand unknown.
SELECT r.id AS remote, coalesce(d.system, s.id) AS system, r.vendor AS parties,
       r.vendor AS vendor,
       trim(CASE WHEN r.auth IS NULL THEN 'authentication,' ELSE '' END ||
            CASE WHEN r.source_restricted IS NULL THEN 'source restriction,' ELSE '' END ||
            CASE WHEN r.on_demand IS NULL THEN 'whether it is opened only on demand,' ELSE '' END, ',') AS unknown,
       'unknown' AS message
  FROM remote_access r
  LEFT JOIN devices d ON d.id = r.target LEFT JOIN systems s ON s.id = r.target
 WHERE r.auth IS NULL OR r.source_restricted IS NULL OR r.on_demand IS NULL;
