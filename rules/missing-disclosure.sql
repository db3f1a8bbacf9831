-- code: missing-disclosure
-- severity: warning
-- key: parties
-- ref: Part1 A-1
-- fix: obtain the vendor's MDS/SDS (MDS2 for medical devices)
-- fix.ja: 事業者から MDS/SDS（医療機器なら MDS2）を入手する
-- message none: {vendor} works on a medical information system but no MDS/SDS/MDS2 disclosure is recorded
-- message.ja none: {vendor} は医療情報システムに携わっているが、MDS/SDS/MDS2 の提供が記録されていない
-- passage: 「事業者からサービス仕様適合開示書等（MDS/SDS、MDS2等）の開示を受けたことを確認する」; seed 003 Q-9
-- A vendor bound to an in-scope system has no MDS, SDS or MDS2 disclosure.
SELECT p.id AS parties,
       p.id AS vendor, 'none' AS message
  FROM parties p
 WHERE p.kind = 'vendor'
   AND EXISTS (SELECT 1 FROM bound b JOIN systems s ON s.id = b.system AND s.medical_info = 1
                WHERE b.vendor = p.id)
   AND NOT EXISTS (SELECT 1 FROM vendor_disclosures d
                    WHERE d.vendor = p.id AND upper(d.disclosure) IN ('MDS', 'SDS', 'MDS2', 'MDS/SDS'));
