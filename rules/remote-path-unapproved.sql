-- code: remote-path-unapproved
-- severity: warning
-- key: remote
-- ref: Part2 I-3
-- fix: decide whether to permit this path and on what conditions, then record the date as approved
-- fix.ja: この経路を認めるか、どの条件で認めるかを決め、承認日を記録する
-- message never: remote path {remote} of {vendor} into {target} was never permitted by the organization (no approved date)
-- message.ja never: {vendor} のリモート経路 {remote}（接続先 {target}）は医療機関が許可していない（承認日の記録がない）
-- passage: 「外部アクセスによる医療情報の参照や利用について、これを認めるかどうか、どのような場合に認めるか、認める際の条件や制限…について、医療機関と事業者が共同で具体的な規則や手順を設定する」
-- A remote path the organization never permitted: it has no approved date.
SELECT r.id AS remote, coalesce(d.system, s.id) AS system, r.vendor AS parties,
       r.vendor AS vendor, r.target AS target, 'never' AS message
  FROM remote_access r
  LEFT JOIN devices d ON d.id = r.target LEFT JOIN systems s ON s.id = r.target
 WHERE r.approved IS NULL;
