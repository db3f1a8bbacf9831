# How the model is made. Sourced by tests/run.sh.
#
# A hospital's model starts from the empty model's image compiled into the
# binary (model/db/model_image.h); BUNKAI_NO_IMAGE builds it statement by
# statement, as a larger inventory's is. Both must give the same reports and
# the same model (--db: schema and every table's rows), on every fixture,
# the CSV folders and each rule case.
#
# The scripts after the schema (model_scripts) run their CREATE statements
# once per model: a copy of the image has their objects already.
#
# The lists no built-in statement reads (F_UNREAD in model/entities.h) are
# stored only for --db and users' rules: no built-in SQL may name their
# tables, and those two readers see them filled.
#
# An output that shows no finding (the CSV matrix) runs no rule, unless
# users' rules are given: then all run, and the output is the same.

model_tests() {
	image_tests "$@"
	unread_tables "$@"
	rules_when_shown "$@"
}

rules_when_shown() {
	local B=$1 d="$tmp/shown" f n=0 bad="" seen
	mkdir -p "$d/rules"
	printf '%s\n' '-- code: any-device' '-- severity: info' '-- key: device' '-- message d: {device} is a device' \
		"SELECT id AS device, 'd' AS message FROM devices;" >"$d/rules/any-device.sql"
	for f in fixtures/*.json fixtures/csv/*/; do
		"$B" matrix -o "$d/none.csv" "$f" >/dev/null 2>"$d/none.err"
		echo "exit $?" >>"$d/none.err"
		"$B" matrix --rules "$d/rules" -o "$d/all.csv" "$f" >/dev/null 2>"$d/all.err"
		echo "exit $?" >>"$d/all.err"
		cmp -s "$d/none.csv" "$d/all.csv" && cmp -s "$d/none.err" "$d/all.err" && [ -s "$d/none.csv" ] || bad="$bad $f"
		n=$((n + 1))
	done
	[ -z "$bad" ] && [ "$n" -gt 10 ] &&
		ok "rules: the CSV matrix is the same without the rules as with every rule run, on $n inventories" ||
		not_ok "rules: the CSV matrix differs when the rules run" "$bad"
	# ran FORMAT [OPTION...]: how many rules ran (BUNKAI_PROFILE names each).
	ran() {
		BUNKAI_PROFILE=1 "$B" matrix -f "$@" -o - fixtures/demo-hospital.json 2>&1 >/dev/null |
			grep -cE '^bunkai: profile:   (unowned-item|door-unchecked|any-device) '
	}
	seen="$(ran csv) $(ran md) $(ran paths-csv) $(ran csv --rules "$d/rules")"
	[ "$seen" = "0 2 2 3" ] &&
		ok "rules: matrix -f csv runs none, the formats with the paths' open findings run them, --rules runs all" ||
		not_ok "rules: which matrix runs the rules (csv, md, paths-csv, csv --rules: unowned-item, door-unchecked, any-device)" "$seen"
}

unread_tables() {
	local B=$1 d="$tmp/unread" t named="" tables
	mkdir -p "$d"
	# The .column of every field entry (X(...) up to the next) marked F_UNREAD.
	tables=$(python3 -c '
import re, sys
text = open("model/entities.h").read().replace("\\\n", " ")
for entry in re.split(r"\bX\(", text):
    m = re.search(r"\.column = \"(\w+)\"", entry)
    if "F_UNREAD" in entry.split(".ja")[0] and m:
        print(m.group(1))' | sort -u)
	for t in $tables; do
		# SQL without its comments; the C sources' string literals outside
		# comments (the tables' names come from entities.h).
		if sed 's/--.*//' rules/*.sql model/db/*.sql analyzer/plan/*.sql | grep -qw "$t" ||
			grep -rnE --include='*.c' "\"[^\"]*\<$t\>[^\"]*\"" analyzer model |
			grep -vqE '^[^:]+:[0-9]+:[[:space:]]*(\*|/\*|//)'; then
			named="$named $t"
		fi
	done
	[ "$(echo $tables | wc -w)" -ge 4 ] && [ -z "$named" ] &&
		ok "model: no built-in statement reads a table stored only for --db and users' rules ($(echo $tables))" ||
		not_ok "model: built-in code names a table marked F_UNREAD (it would read it empty)" "tables: $(echo $tables); named:$named"
	# --db: filled, every list element a row.
	rm -f "$d/m.db"
	"$B" analyze --no-plan --fail-on none --db "$d/m.db" -o - fixtures/demo-hospital.json >/dev/null 2>&1
	local want got
	want=$(jq '[.devices[].networks // [] | length] | add' fixtures/demo-hospital.json)
	got=$(sqlite3 "$d/m.db" "SELECT count(*) FROM device_networks" 2>&1)
	[ "$want" -gt 0 ] && [ "$got" = "$want" ] && ok "model: --db stores every device's networks ($got rows)" ||
		not_ok "model: --db device_networks" "want $want, got $got"
	# A user's rule reads them (one finding per device on a network).
	mkdir -p "$d/rules"
	printf '%s\n' '-- code: on-network' '-- severity: info' '-- key: device' '-- message on: {device} is on a network' \
		"SELECT DISTINCT device AS device, 'on' AS message FROM device_networks;" >"$d/rules/on-network.sql"
	want=$(jq '[.devices[] | select((.networks // []) | length > 0)] | length' fixtures/demo-hospital.json)
	got=$("$B" analyze --no-plan --fail-on none --rules "$d/rules" -f json -o - fixtures/demo-hospital.json 2>&1 |
		jq '[.findings[] | select(.code == "on-network")] | length' 2>&1)
	[ "$got" = "$want" ] && ok "model: a user's rule reads the devices' networks ($got findings)" ||
		not_ok "model: a user's rule on device_networks" "want $want, got $got"
	# ... and every reached device of path_reach, those of a system too.
	printf '%s\n' '-- code: reached' '-- severity: info' '-- key: remote device' '-- message r: {device} reached' \
		"SELECT remote AS remote, device AS device, 'r' AS message FROM path_reach WHERE system IS NOT NULL;" \
		>"$d/rules/reached.sql"
	want=$(sqlite3 "$d/m.db" "SELECT count(*) FROM path_reach WHERE system IS NOT NULL")
	got=$("$B" analyze --no-plan --fail-on none --rules "$d/rules" -f json -o - fixtures/demo-hospital.json 2>&1 |
		jq '[.findings[] | select(.code == "reached")] | length' 2>&1)
	[ "$want" -gt 0 ] && [ "$got" = "$want" ] && ok "model: a user's rule reads every reached device ($got findings)" ||
		not_ok "model: a user's rule on path_reach" "want $want, got $got"
}

image_tests() {
	local B=$1 d="$tmp/image" f n=0 bad="" partial="" way no cases
	mkdir -p "$d"
	cases=$(rule_cases)
	for f in fixtures/*.json fixtures/csv/*/ "$cases"/case-*.json; do
		for way in image built; do
			rm -f "$d/$way.db"
			no=; [ "$way" = built ] && no=1
			env ${no:+BUNKAI_NO_IMAGE=1} "$B" analyze --no-plan --fail-on none --db "$d/$way.db" -f json -o "$d/$way.json" "$f" \
				>/dev/null 2>"$d/$way.err"
			echo "exit $?" >>"$d/$way.err"
			{ sqlite3 "$d/$way.db" "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name;" &&
				sqlite3 "$d/$way.db" .dump | grep '^INSERT' | sort; } >"$d/$way.model" 2>&1
		done
		cmp -s "$d/image.json" "$d/built.json" && cmp -s "$d/image.err" "$d/built.err" &&
			cmp -s "$d/image.model" "$d/built.model" || bad="$bad $f"
		# Without --db the model lacks what no built-in statement reads
		# (F_UNREAD lists, path_reach's devices of a system): the same report.
		"$B" analyze --no-plan --fail-on none -f json -o "$d/partial.json" "$f" >/dev/null 2>"$d/partial.err"
		echo "exit $?" >>"$d/partial.err"
		cmp -s "$d/image.json" "$d/partial.json" && cmp -s "$d/image.err" "$d/partial.err" || partial="$partial $f"
		n=$((n + 1))
	done
	[ -z "$bad" ] && [ "$n" -gt 90 ] &&
		ok "image: the model copied from its image and the one built statement by statement give the same report and model on $n inventories" ||
		not_ok "image: the copied and the built model differ ($n inventories)" "$bad"
	[ -z "$partial" ] && [ "$n" -gt 90 ] &&
		ok "model: the model without the tables only --db and users' rules read gives the same report on $n inventories" ||
		not_ok "model: the report differs without --db" "$partial"
	# The comparison sees the rows: a model with one row more differs.
	sqlite3 "$d/image.db" "INSERT INTO meta VALUES ('planted', '1');" &&
		{ sqlite3 "$d/image.db" "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name;" &&
			sqlite3 "$d/image.db" .dump | grep '^INSERT' | sort; } | cmp -s - "$d/built.model" &&
		not_ok "image: a planted row went unnoticed" || ok "image: the comparison of the models catches a planted row"
	# Which way each model was made: SQLite compiles the CREATE statements
	# only when it builds one (BUNKAI_PROFILE=sql prints every statement).
	build/bench/gen_inventory 3000 >"$d/gen-3000.json"
	# creates ENV FILE: how often SQLite compiled the catalog's CREATE TABLE.
	creates() {
		env $1 BUNKAI_PROFILE=sql "$B" analyze --no-plan --fail-on none -o - "$2" 2>&1 >/dev/null |
			grep -c 'CREATE TABLE items'
	}
	local seen="$(creates X=1 fixtures/well-kept-hospital.json) $(creates BUNKAI_NO_IMAGE=1 fixtures/well-kept-hospital.json) $(creates X=1 "$d/gen-3000.json")"
	[ "$seen" = "0 1 1" ] &&
		ok "image: a hospital's model is copied from the image, 3,000 devices' built (and BUNKAI_NO_IMAGE builds it)" ||
		not_ok "image: the way models are made (CREATE TABLE items compiled: hospital, BUNKAI_NO_IMAGE, 3,000 devices)" "$seen"
	# The scripts after the schema run their CREATEs once per model: never
	# on a copy of the image, once on a built one, not again in the plan's
	# re-analyses of it (db_run_script).
	script_creates() {
		env $1 BUNKAI_PROFILE=sql "$B" analyze $2 --fail-on none -o - "$3" 2>&1 >/dev/null |
			grep -c 'CREATE INDEX IF NOT EXISTS leads_by_pair'
	}
	# The plan's re-analyses (dozens here) reuse one model per worker process,
	# one per core, besides the first analysis's.
	local built_plan
	built_plan=$(script_creates BUNKAI_NO_IMAGE=1 '' fixtures/demo-hospital.json)
	seen="$(script_creates X=1 --no-plan fixtures/demo-hospital.json) $(script_creates BUNKAI_NO_IMAGE=1 --no-plan fixtures/demo-hospital.json)"
	seen="$seen $(script_creates X=1 '' fixtures/demo-hospital.json)"
	[ "$seen" = "0 1 0" ] && [ "$built_plan" -ge 1 ] && [ "$built_plan" -le $(($(nproc) + 1)) ] &&
		ok "image: a script's CREATE statements run once per model (copied: none; built: once; the plan's: once per process)" ||
		not_ok "image: a script's CREATEs run (copied, built, copied with plan; built with plan: at most $(($(nproc) + 1)))" "$seen; $built_plan"
}
