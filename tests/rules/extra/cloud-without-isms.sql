-- code: cloud-without-isms
-- severity: info
-- key: parties
-- ref: Part2 A-9.1 (b)
-- fix: ask the vendor for its ISMS or ISMAP certificate
-- An example of a user's own rule: a vendor bound to a system without ISMS.
SELECT p.id AS parties, p.id || ' has no ISMS or ISMAP certification on record' AS message
  FROM parties p
 WHERE p.kind = 'vendor'
   AND EXISTS (SELECT 1 FROM bound b WHERE b.vendor = p.id)
   AND NOT EXISTS (SELECT 1 FROM vendor_certifications c
                    WHERE c.vendor = p.id AND upper(c.certification) IN ('ISMS', 'ISMAP'));
