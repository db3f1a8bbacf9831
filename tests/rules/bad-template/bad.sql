-- code: bad-template
-- severity: info
-- message oops: device {device} in {nowhere}
SELECT d.id AS device, 'oops' AS message FROM devices d;
