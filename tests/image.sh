# A hospital's model starts from the empty model's image compiled into the
# binary (model/db/model_image.h); BUNKAI_NO_IMAGE builds it statement by
# statement, as a larger inventory's is. Both must give the same reports and
# the same model (--db: schema and every table's rows), on every fixture,
# the CSV folders and each rule case. Sourced by tests/run.sh.

image_tests() {
	local B=$1 d="$tmp/image" f n=0 bad="" way no
	mkdir -p "$d"
	python3 - "$d" <<'PY'
import json, sys, jsonpatch
cases = json.load(open("tests/rules/cases.json"))
base = json.load(open(cases["base"]))
for i, c in enumerate(cases["cases"]):
    json.dump(jsonpatch.apply_patch(base, c["patch"]), open(f"{sys.argv[1]}/case-{i:03d}.json", "w"), ensure_ascii=False)
PY
	for f in fixtures/*.json fixtures/csv/*/ "$d"/case-*.json; do
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
		n=$((n + 1))
	done
	[ -z "$bad" ] && [ "$n" -gt 90 ] &&
		ok "image: the model copied from its image and the one built statement by statement give the same report and model on $n inventories" ||
		not_ok "image: the copied and the built model differ ($n inventories)" "$bad"
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
}
