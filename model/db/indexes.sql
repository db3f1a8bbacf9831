-- Indexes, created after the bulk load (faster than maintaining them row by row).
-- Only what the built-in SQL looks up: assignments, contract_items and
-- device_networks are read by model/db/derive.c from the inventory itself,
-- so they have none (a user's rule that joins them still works, by scan).
CREATE INDEX IF NOT EXISTS contract_systems_by_contract ON contract_systems (contract, system);
CREATE INDEX IF NOT EXISTS contract_systems_by_system ON contract_systems (system);
CREATE INDEX IF NOT EXISTS subcontract_systems_by_sub ON subcontract_systems (subcontract, system);
CREATE INDEX IF NOT EXISTS subcontracts_by_prime ON subcontracts (prime);
-- With the maintainer: the device rules judge each (system, maintainer) pair
-- once, read from this index in order, not each of 100,000 devices.
CREATE INDEX IF NOT EXISTS devices_by_system ON devices (system, maintainer);
CREATE INDEX IF NOT EXISTS remote_via_by_remote ON remote_via (remote, pos);
CREATE INDEX IF NOT EXISTS interface_parties_by_vendor ON interface_parties (vendor, interface);
CREATE INDEX IF NOT EXISTS device_checks_by_device ON device_checks (device, check_kind, check_date);
