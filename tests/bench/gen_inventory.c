/*
** gen_inventory DEVICES [SEED [SYSTEMS VENDORS]] > inventory.json
**
** A synthetic inventory shaped like a real hospital group, scaled by the
** number of devices: one system per 100 devices, vendors ~ systems / 3
** (at most 300), prime chains 3 deep (prime -> sub -> sub-sub), one
** assignment per 2 devices, one remote link per 50 devices (entering through
** a network device), a few lapsed contracts and gaps so that every rule has
** work. SYSTEMS and VENDORS override the scaling (the printable diagram's
** test hospital: 300 devices, 10 systems, 10 vendors). Deterministic for a
** given seed. For `make bench` and the tests only.
*/
#include <stdio.h>
#include <stdlib.h>

static unsigned long long state = 88172645463325252ULL;

static unsigned long rnd(unsigned long n)
{
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return (unsigned long)(state % n);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: gen_inventory DEVICES [SEED [SYSTEMS VENDORS]]\n");
		return 2;
	}
	long devices = atol(argv[1]);
	if (argc > 2)
		state += (unsigned long long)atoll(argv[2]);
	long systems = devices / 100 < 3 ? 3 : devices / 100;
	long vendors = systems / 3 < 4 ? 4 : systems / 3 > 300 ? 300 : systems / 3;
	if (argc > 4) {
		systems = atol(argv[3]);
		vendors = atol(argv[4]);
		if (systems < 1 || vendors < 4) {
			fprintf(stderr, "gen_inventory: at least 1 system and 4 vendors\n");
			return 2;
		}
	}
	long assignments = devices / 2, remotes = devices / 50 < 3 ? 3 : devices / 50;
	static const char *const types[] = { "server", "terminal", "terminal", "terminal", "network", "medical-device", "printer" };
	static const char *const items[] = { "I-2", "A-3", "A-4", "A-6", "B-1", "B-4", "C-3", "C-4", "C-5" };

	printf("{\"format\":\"bunkai-inventory/1\",\"organization\":{\"id\":\"group\",\"name\":\"医療法人グループ\"},"
	       "\"as_of\":\"2026-04-01\",\n\"vendors\":[");
	for (long v = 0; v < vendors; v++)
		printf("%s\n{\"id\":\"v%ld\",\"name\":\"事業者%ld株式会社\",\"disclosures\":[%s],\"certifications\":[\"ISMS\"]}",
		       v ? "," : "", v, v, v % 7 ? "\"SDS\"" : "");
	printf("],\n\"systems\":[");
	for (long s = 0; s < systems; s++)
		printf("%s\n{\"id\":\"s%ld\",\"name\":\"部門システム%ld\",\"medical_info\":%s,\"external_access\":%s}",
		       s ? "," : "", s, s, s % 25 ? "true" : "false", s % 9 ? "false" : "true");
	/* Every device on one network segment of its system, at most 50 devices
	   each (SPEC 9.1): device d is the (d / systems)-th of system d % systems. */
	long per_system = (devices + systems - 1) / systems, segments = (per_system + 49) / 50;
	printf("],\n\"networks\":[");
	for (long n = 0; n < systems * segments; n++)
		printf("%s\n{\"id\":\"n%ld\",\"name\":\"セグメント%ld\"}", n ? "," : "", n, n);
	printf("],\n\"devices\":[");
	for (long d = 0; d < devices; d++) {
		long s = d % systems;
		printf("%s\n{\"id\":\"d%ld\",\"name\":\"機器%ld\",\"type\":\"%s\",\"system\":\"s%ld\",\"maintainer\":\"v%ld\","
		       "\"networks\":[\"n%ld\"]}",
		       d ? "," : "", d, d, d < systems ? "network" : types[rnd(7)], s, (s * 3) % vendors,
		       s * segments + (d / systems) / 50);
	}
	/* Each system: a prime contract with vendor 3k; 3k+1 is its sub, 3k+2 the sub's sub. */
	printf("],\n\"contracts\":[");
	for (long s = 0; s < systems; s++) {
		long v = (s * 3) % vendors;
		printf("%s\n{\"id\":\"c%ld\",\"vendor\":\"v%ld\",\"kind\":\"maintenance\",\"systems\":[\"s%ld\"],\"prime\":true,"
		       "\"start\":\"2024-04-01\",\"end\":\"%s\",\"confirmed\":\"2024-03-01\",\"lead\":[\"I-*\",\"A-1\",\"A-5\",\"A-7\",\"A-8\",\"A-10\","
		       "\"A-11\",\"A-12\",\"B-2\",\"B-3\",\"B-5\",\"B-6\",\"C-1\",\"C-2\"],\"support\":[\"I-2\"]}",
		       s ? "," : "", s, v, s, s % 40 == 7 ? "2025-03-31" : "2029-03-31");
	}
	printf("],\n\"subcontracts\":[");
	int first = 1;
	for (long v = 0; v + 2 < vendors; v += 3) {
		printf("%s\n{\"id\":\"sc%ld\",\"prime\":\"v%ld\",\"sub\":\"v%ld\",%s\"start\":\"2024-04-01\","
		       "\"support\":[\"I-1\",\"A-1\",\"A-5\",\"A-7\",\"A-8\",\"A-11\",\"A-12\"]},"
		       "\n{\"id\":\"sd%ld\",\"prime\":\"v%ld\",\"sub\":\"v%ld\",\"approved\":\"2024-03-20\",\"start\":\"2024-04-01\","
		       "\"support\":[\"I-1\",\"A-1\",\"A-5\",\"A-7\",\"A-8\",\"A-11\",\"A-12\"]}",
		       first ? "" : ",", v, v, v + 1, v % 2 ? "" : "\"approved\":\"2024-03-20\",", v, v + 1, v + 2);
		first = 0;
	}
	printf("],\n\"assignments\":[");
	for (long a = 0; a < assignments; a++) {
		long s = a % systems;
		char party[32];
		if (rnd(3) == 0)
			snprintf(party, sizeof(party), "group");
		else
			snprintf(party, sizeof(party), "v%ld", ((s * 3) % vendors + (long)rnd(3)) % vendors);
		printf("%s\n{\"item\":\"%s\",\"system\":\"s%ld\",\"party\":\"%s\",\"role\":\"%s\"%s}", a ? "," : "",
		       items[rnd(9)], s, party, rnd(10) ? "lead" : "support", rnd(4) ? ",\"confirmed\":\"2024-03-15\"" : "");
	}
	/* Paths with their conditions (most well kept, every tenth password-only)
	   through a door among the first devices, and a patch check on every door. */
	printf("],\n\"remote_access\":[");
	long *doors = calloc((size_t)remotes, sizeof(*doors));
	for (long r = 0; r < remotes; r++) {
		long s = (long)rnd(systems), v = rnd(5) ? (s * 3) % vendors : (long)rnd(vendors);
		long target = s + systems * (1 + (long)rnd(devices / systems - 1 > 0 ? devices / systems - 1 : 1));
		doors[r] = (long)rnd(systems);
		printf("%s\n{\"id\":\"r%ld\",\"vendor\":\"v%ld\",\"target\":\"d%ld\",\"via\":[\"d%ld\"],\"method\":\"vpn\","
		       "\"approved\":\"2024-03-15\",\"auth\":\"%s\",\"source_restricted\":true,\"on_demand\":%s}",
		       r ? "," : "", r, v, target, doors[r], r % 10 ? "mfa" : "password", r % 3 ? "true" : "false");
	}
	printf("],\n\"device_checks\":[");
	for (long r = 0; r < remotes; r++)
		printf("%s\n{\"device\":\"d%ld\",\"check\":\"patch\",\"answer\":\"yes\",\"date\":\"2026-03-01\",\"by\":\"v%ld\"}",
		       r ? "," : "", doors[r], (doors[r] % systems * 3) % vendors);
	free(doors);
	printf("],\n\"interfaces\":[");
	for (long v = 0; v + 3 < vendors; v += 6)
		printf("%s\n{\"id\":\"if%ld\",\"parties\":[\"v%ld\",\"v%ld\"],\"confirmed\":\"2024-03-20\"}", v ? "," : "", v, v,
		       v + 3);
	printf("]}\n");
	return ferror(stdout) ? 1 : 0;
}
