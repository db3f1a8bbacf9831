# The large derived tables (claims, leads, path_reach, path_systems,
# responsible), filled in C by model/db/derive.c, against the SQL joins that
# define them (tests/derive/oracle.sql), row for row, on a saved model
# (--db): every fixture, the CSV folders, each rule case of
# tests/rules/cases.json applied to its base, and generated hospitals.
# Sourced by tests/run.sh.

derive_tests() {
	local B=$1 tag=$2 d="$tmp/derive-$2" f n=0 bad="" cases
	mkdir -p "$d"
	cases=$(rule_cases)
	# A subcontract naming a system its prime is not bound to, handed to a
	# vendor bound there by its own contract: its claim is not valid (the
	# subcontract itself must bind the sub there).
	jq '.subcontracts += [{"id": "s-ac", "prime": "v-a", "sub": "v-c", "systems": ["pacs"], "approved": "2024-03-20",
		"lead": ["I-2"]}]' fixtures/well-kept-hospital.json >"$d/case-sub-scope.json"
	build/bench/gen_inventory 300 0 10 10 >"$d/gen-300-10.json"
	build/bench/gen_inventory 3000 >"$d/gen-3000.json"
	for f in fixtures/*.json fixtures/csv/*/ "$cases"/case-*.json "$d"/case-*.json "$d"/gen-*.json; do
		rm -f "$d/model.db"
		# Findings exit 1; the model is saved all the same.
		"$B" analyze --no-plan --fail-on none --db "$d/model.db" -f json -o - "$f" >/dev/null 2>"$d/err" ||
			{ bad="$bad $f: $(head -c 300 "$d/err")"; continue; }
		sqlite3 "$d/model.db" <tests/derive/oracle.sql >"$d/diff" 2>&1
		[ -s "$d/diff" ] && bad="$bad $f: $(head -c 300 "$d/diff")"
		n=$((n + 1))
	done
	[ -z "$bad" ] && [ "$n" -gt 90 ] && ok "$tag derived tables equal their SQL definition on $n inventories" ||
		not_ok "$tag derived tables differ from their SQL definition ($n inventories)" "$bad"
	# The comparison catches a changed row.
	sqlite3 "$d/model.db" "UPDATE claims SET valid = 1 - valid WHERE rowid = (SELECT max(rowid) FROM claims);" &&
		sqlite3 "$d/model.db" <tests/derive/oracle.sql | grep -q "^claims|" &&
		ok "$tag the comparison of derived tables catches a changed claim" ||
		not_ok "$tag a changed claim went unnoticed"
	sqlite3 "$d/model.db" "UPDATE path_systems SET devices = devices + 1 WHERE rowid = (SELECT max(rowid) FROM path_systems);" &&
		sqlite3 "$d/model.db" <tests/derive/oracle.sql | grep -q "^path_systems|" &&
		ok "$tag the comparison of derived tables catches a changed count of a path's devices" ||
		not_ok "$tag a changed path_systems row went unnoticed"
}
