# The plan (SPEC 9.2, docs/plan.md), sourced by tests/run.sh: every action's
# edit applied by an independent JSON Patch implementation gives exactly the
# effect the plan reports; doors come first on the demo hospital; --without
# ends a vendor's agreements and paths; --no-plan leaves the plan out.

plan_tests() {
	local B=$1 tag=$2 f

	# Measured, not guessed: for every fixture, each action's edit applied
	# with python3-jsonpatch and analyzed again.
	for f in fixtures/*.json tests/hostile/hostile-names.json; do
		if python3 tests/plan/check_edits.py "$B" "$f" >"$tmp/edits" 2>&1; then
			ok "$tag plan of $(basename "$f"): every edit has exactly the effect reported ($(tail -1 "$tmp/edits"))"
		else
			not_ok "$tag plan of $(basename "$f"): an edit's effect differs" "$(cat "$tmp/edits")"
		fi
	done
	for args in "--as-of 2028-06-01" "--vendor v-si" "--system pacs"; do
		if python3 tests/plan/check_edits.py "$B" fixtures/demo-hospital.json $args >"$tmp/edits" 2>&1; then
			ok "$tag plan of the demo with $args: every edit has exactly the effect reported"
		else
			not_ok "$tag plan of the demo with $args: an edit's effect differs" "$(cat "$tmp/edits")"
		fi
	done

	# The actions are measured by one process per core (measure_edits): the
	# report is the same, byte for byte, when the run may use one core only.
	if command -v taskset >/dev/null; then
		local cores
		cores=$(nproc)
		for f in fixtures/demo-hospital.json fixtures/many-small-vendors.json; do
			"$B" analyze --fail-on none -f json -o "$tmp/plan-all.json" "$f" &&
				taskset -c 0 "$B" analyze --fail-on none -f json -o "$tmp/plan-one.json" "$f"
			if cmp -s "$tmp/plan-all.json" "$tmp/plan-one.json" && [ -s "$tmp/plan-one.json" ]; then
				ok "$tag plan of $(basename "$f") on $cores cores = on one core"
			else
				not_ok "$tag plan of $(basename "$f") on $cores cores differs from one core" \
					"$(diff <(jq .plan "$tmp/plan-one.json") <(jq .plan "$tmp/plan-all.json") | head -20)"
			fi
		done
	fi

	# When no worker process can be started (fork refused: a user's process
	# limit), every action is measured in the one process, to the same plan.
	if [ "$tag" = plain ] && [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
		local nb # beside $tmp, which only root may enter
		nb=$(mktemp -d) && chmod 777 "$nb" && cp "$B" fixtures/demo-hospital.json "$nb/"
		chmod 755 "$nb/bunkai" && chmod 644 "$nb/demo-hospital.json"
		"$B" analyze --fail-on none -f json -o "$tmp/plan-all.json" fixtures/demo-hospital.json
		if setpriv --reuid=65534 --regid=65534 --clear-groups \
			bash -c 'ulimit -u 1 && exec "$1"/bunkai analyze --fail-on none -f json -o "$1"/plan.json "$1"/demo-hospital.json' _ "$nb" \
			2>"$tmp/err" && cmp -s "$nb/plan.json" "$tmp/plan-all.json"; then
			ok "$tag plan measured in one process when fork is refused: the same plan"
		else
			not_ok "$tag plan when fork is refused" "$(cat "$tmp/err")"
		fi
		rm -rf "$nb"
	fi

	# Edits hit the record their target names: an assignment found through
	# its claim (confirm-assignment), a record checked いいえ (complete-item).
	jq 'del(.assignments[1].confirmed)' fixtures/demo-hospital.json >"$tmp/unconfirmed.json"
	if python3 tests/plan/check_edits.py "$B" "$tmp/unconfirmed.json" >"$tmp/edits" 2>&1 &&
		"$B" plan -f json "$tmp/unconfirmed.json" | jq -e '.plan[] | select(.id == "confirm-assignment@*@I-2@sakura")
			| .edit == [{"op": "add", "path": "/assignments/1/confirmed", "value": "2026-04-01"}]' >/dev/null; then
		ok "$tag confirm-assignment edits the assignment it names"
	else
		not_ok "$tag confirm-assignment edits the assignment it names" "$(cat "$tmp/edits")"
	fi
	expect "$tag plan of a lead checked いいえ" 0 "$B" plan -f json fixtures/many-small-vendors.json
	if jq -e '.plan[] | select(.id == "complete-item@lab@I-6@v-lab")
		| .edit == [{"op": "add", "path": "/assignments/2/completed", "value": "2026-04-01"}]
		  and .resolves == ["open-item@lab@I-6@v-lab"]' "$tmp/out" >/dev/null; then
		ok "$tag complete-item records the 完了日 of the record checked いいえ"
	else
		not_ok "$tag complete-item records the 完了日 of the record checked いいえ" "$(jq -c '[.plan[] | {id, edit}]' "$tmp/out")"
	fi

	# A CSV folder is planned as the JSON `import` writes from it: same edits.
	"$B" import fixtures/csv/clinic-utf8 -o "$tmp/clinic-imported.json" 2>/dev/null
	expect "$tag plan of a CSV folder" 0 "$B" plan -f json fixtures/csv/clinic-utf8 &&
		mv "$tmp/out" "$tmp/plan-csv.json"
	expect "$tag plan of its imported JSON" 0 "$B" plan -f json "$tmp/clinic-imported.json" &&
		same "$tag a CSV folder's plan equals its imported JSON's" "$tmp/plan-csv.json" "$tmp/out"

	# Doors before paperwork: on the demo hospital the three actions that
	# close the paths in come first (the food-service vendor's path, the
	# workstation nobody put in the ledger, the PACS vendor's reach into the
	# network), then the expired contract.
	expect "$tag plan of the demo" 0 "$B" plan -f json fixtures/demo-hospital.json
	local order
	order=$(jq -r '[.plan[].id][0:4] | join(" ")' "$tmp/out")
	if [ "$order" = "cut-path@rm-food add-to-ledger@ws-01 agree-interface@v-pacs@v-si renew-contract@c-rece" ]; then
		ok "$tag demo plan: paths into the hospital first, then the expired contract"
	else
		not_ok "$tag demo plan: paths into the hospital first, then the expired contract" "$order"
	fi
	if jq -e '[.plan[0].resolves[]] | index("remote-without-contract@rm-food") and index("weak-remote-access@rm-food")' \
		"$tmp/out" >/dev/null; then
		ok "$tag demo plan: cutting the food-service path resolves its findings"
	else
		not_ok "$tag demo plan: cutting the food-service path resolves its findings" "$(jq '.plan[0]' "$tmp/out")"
	fi
	expect "$tag demo text report" 1 "$B" analyze fixtures/demo-hospital.json
	head -40 "$tmp/out" >"$tmp/top"
	if grep -q "^What to fix first (8 actions)" "$tmp/top" && grep -q "^Paths into the hospital (4)" "$tmp/top" &&
		[ "$(grep -cE '^  rm-(ehr|pacs|food|ws): ' "$tmp/top")" = 4 ]; then
		ok "$tag demo text report: the plan and all four paths within its first 40 lines"
	else
		not_ok "$tag demo text report: the plan and all four paths within its first 40 lines" "$(cat "$tmp/top")"
	fi
	# Every finding names its cause (or null), and a cause is a plan step.
	expect "$tag demo json report" 0 "$B" analyze --fail-on none -f json fixtures/demo-hospital.json
	if jq -e '([.plan[].id]) as $ids | all(.findings[]; has("cause") and (.cause == null or (.cause as $c | $ids | index($c))))' \
		"$tmp/out" >/dev/null &&
		[ "$(jq '[.findings[] | select(.cause == "renew-contract@c-rece")] | length' "$tmp/out")" = 29 ]; then
		ok "$tag demo json: every finding names its cause; the expired contract causes 29"
	else
		not_ok "$tag demo json: every finding names its cause" "$(jq -c '[.findings[] | .cause] | group_by(.) | map({(.[0] // "null"): length}) | add' "$tmp/out")"
	fi

	# --no-plan: no plan key, every cause null.
	expect "$tag --no-plan" 0 "$B" analyze --no-plan --fail-on none -f json fixtures/demo-hospital.json
	if jq -e 'has("plan") | not' "$tmp/out" >/dev/null && jq -e 'all(.findings[]; .cause == null)' "$tmp/out" >/dev/null; then
		ok "$tag --no-plan: no plan, every cause null"
	else
		not_ok "$tag --no-plan: no plan, every cause null"
	fi

	# --without a prime: its contracts and its subcontractor's subcontract end
	# the day before the as-of date; its paths and assignments are gone.
	expect "$tag --without v-si" 0 "$B" analyze --no-plan --fail-on none -f json --without v-si fixtures/demo-hospital.json
	if jq -e '[.findings[].id] | index("expired-contract@c-ehr") and index("expired-contract@s-net")' "$tmp/out" >/dev/null &&
		jq -e 'all(.paths[]; .vendor != "v-si")' "$tmp/out" >/dev/null &&
		jq -e '[.findings[] | select(.id == "expired-contract@s-net")][0].message | test("2026-03-31")' "$tmp/out" >/dev/null; then
		ok "$tag --without a prime: its contract and its subcontract end on 2026-03-31, its path is gone"
	else
		not_ok "$tag --without a prime ends its contract and subcontract" "$(jq -r '.findings[] | select(.code == "expired-contract") | .message' "$tmp/out")"
	fi
	# --without the only vendor with paths into PACS: the paths and their
	# findings go, remote access (I-3) no longer applies to pacs, and what
	# the vendor led on pacs lapses to nobody.
	if jq -e '.without == ["v-si"]' "$tmp/out" >/dev/null; then
		ok "$tag --without: the JSON report says which vendors it assumes gone"
	else
		not_ok "$tag --without: the JSON report says which vendors it assumes gone"
	fi
	expect "$tag --without in the text report" 0 "$B" analyze --no-plan --fail-on none --without v-si fixtures/demo-hospital.json &&
		has "$tag --without: the text report says it is a what-if" "What-if: as if v-si left on 2026-04-01" "$tmp/out"
	expect "$tag --without v-pacs" 0 "$B" analyze --no-plan --fail-on none -f json --without v-pacs fixtures/demo-hospital.json
	if jq -e '[.paths[].id] | (index("rm-pacs") or index("rm-ws")) | not' "$tmp/out" >/dev/null &&
		jq -e 'all(.findings[]; (.remote // "") | test("^rm-(pacs|ws)$") | not)' "$tmp/out" >/dev/null &&
		jq -e '[.findings[].id] | index("expired-contract@c-pacs") and index("unowned-item@pacs@I-6") and (index("unowned-item@pacs@I-3") | not)' \
			"$tmp/out" >/dev/null; then
		ok "$tag --without the only vendor into pacs: its paths go, I-3 no longer applies, I-6 lapses"
	else
		not_ok "$tag --without the only vendor into pacs" "$(jq -r '.findings[].id' "$tmp/out" | head -20)"
	fi
	expect "$tag --without in the matrix" 0 "$B" matrix -f csv --without v-pacs --system pacs fixtures/demo-hospital.json
	if ! grep -q 'v-pacs' "$tmp/out" && grep -q '^pacs,PACS,[^,]*,I-1,.*,unowned (未割当)' "$tmp/out" &&
		! grep -q '^pacs,PACS,[^,]*,I-3,' "$tmp/out"; then
		ok "$tag --without v-pacs: the matrix has no v-pacs column, I-1 unowned, no I-3 row"
	else
		not_ok "$tag --without v-pacs in the matrix" "$(head -5 "$tmp/out")"
	fi
	expect "$tag --without an unknown vendor: exit 2" 2 "$B" analyze --without v-nobody fixtures/demo-hospital.json
	has "$tag --without message" 'bunkai: --without: unknown vendor "v-nobody"' "$tmp/err"
	expect "$tag a future --as-of plans the renewals" 0 "$B" plan -f json --as-of 2029-04-02 fixtures/demo-hospital.json &&
		if jq -e '[.plan[].id] | index("renew-contract@c-ehr")' "$tmp/out" >/dev/null &&
			jq -e '.plan[] | select(.id == "renew-contract@c-ehr") | .edit[0].value == "2030-04-02"' "$tmp/out" >/dev/null; then
			ok "$tag --as-of 2029-04-02: renew c-ehr until 2030-04-02"
		else
			not_ok "$tag --as-of 2029-04-02: renew c-ehr until 2030-04-02" "$(jq -c '.plan[] | {id, edit}' "$tmp/out")"
		fi
	expect "$tag plan -f text" 0 "$B" plan fixtures/demo-hospital.json &&
		has "$tag plan text names the edit" 'edit: [{"op":"remove","path":"/remote_access/2"}]' "$tmp/out"
	expect "$tag plan of a hospital with nothing to fix" 0 "$B" plan fixtures/well-kept-hospital.json &&
		has "$tag plan says so" "0 actions resolve 0 of 0 open findings" "$tmp/out"
}
