-- Indexes, created after the bulk load (faster than maintaining them row by row).
CREATE INDEX contract_systems_by_contract ON contract_systems (contract, system);
CREATE INDEX contract_systems_by_system ON contract_systems (system);
CREATE INDEX contract_items_by_contract ON contract_items (contract);
CREATE INDEX subcontract_systems_by_sub ON subcontract_systems (subcontract, system);
CREATE INDEX subcontracts_by_prime ON subcontracts (prime);
CREATE INDEX devices_by_system ON devices (system);
CREATE INDEX assignments_by_item ON assignments (item, system, party);
CREATE INDEX remote_via_by_remote ON remote_via (remote, pos);
CREATE INDEX interface_parties_by_vendor ON interface_parties (vendor, interface);
CREATE INDEX device_networks_by_device ON device_networks (device, network);
CREATE INDEX device_networks_by_network ON device_networks (network, device);
CREATE INDEX device_checks_by_device ON device_checks (device, check_kind, check_date);
