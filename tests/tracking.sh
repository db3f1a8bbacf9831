# Tracking over time (SPEC 9.3, docs/tracking.md), sourced by tests/run.sh:
# accepted findings (リスク受容) by exact id and by pattern, an expired and a
# stale acceptance, and --fail-on with each.

tracking_tests() {
	local B=$1 tag=$2 demo=fixtures/demo-hospital.json

	# The demo accepts missing-disclosure@v-net until 2026-06-30.
	expect "$tag demo with an acceptance" 0 "$B" analyze --fail-on none -f json "$demo"
	if jq -e '.summary.accepted == 1 and .findings[-1].id == "missing-disclosure@v-net"
		and .findings[-1].accepted == {"reason": "SDS は 2026年6月の保守契約更新時に提出される",
		                               "by": "情報システム委員会", "until": "2026-06-30", "ticket": "IT-2026-014"}
		and ([.findings[] | select(.accepted == null)] | length) == (.findings | length) - 1
		and ([.plan[].id] | index("record-disclosure@v-net") | not)
		and .summary.warnings == ([.findings[] | select(.severity == "warning" and .accepted == null)] | length)' \
		"$tmp/out" >/dev/null; then
		ok "$tag an exact id: accepted, listed last, counted apart, not a target of the plan"
	else
		not_ok "$tag an exact id is accepted" "$(jq -c '{summary, last: .findings[-1]}' "$tmp/out")"
	fi

	# A pattern: * matches any run of characters, @ included.
	jq '.accepted += [{"finding": "remote-*@rm-food*", "reason": "給食ベンダと協議中", "by": "院長", "until": "2026-12-31"}]' \
		"$demo" >"$tmp/acc-pattern.json"
	expect "$tag a pattern acceptance" 0 "$B" analyze --fail-on none -f json "$tmp/acc-pattern.json"
	local want
	want=$(jq '[.findings[] | select(.id | test("^remote-.*@rm-food"))] | length' tests/golden/demo-hospital.json)
	if [ "$want" -gt 2 ] && jq -e --argjson n "$want" \
		'[.findings[] | select(.accepted.by == "院長")] | length == $n and all(.[]; .id | test("^remote-.*@rm-food"))' \
		"$tmp/out" >/dev/null && ! jq -e '[.findings[].id] | index("stale-acceptance@remote-*@rm-food*")' "$tmp/out" >/dev/null; then
		ok "$tag a pattern accepts the $want remote-* findings of rm-food, and nothing else"
	else
		not_ok "$tag a pattern acceptance" "$(jq -r '.findings[] | select(.accepted) | .id' "$tmp/out")"
	fi

	# Expired: past until, the finding is open again and acceptance-expired says so.
	jq '.accepted[0].until = "2026-03-31"' "$demo" >"$tmp/acc-expired.json"
	expect "$tag an expired acceptance" 0 "$B" analyze --fail-on none -f json "$tmp/acc-expired.json"
	if jq -e '[.findings[] | select(.id == "missing-disclosure@v-net")][0].accepted == null
		and ([.findings[].id] | index("acceptance-expired@missing-disclosure@v-net"))
		and .summary.accepted == 0' "$tmp/out" >/dev/null; then
		ok "$tag an expired acceptance: the finding is open again, acceptance-expired fires"
	else
		not_ok "$tag an expired acceptance" "$(jq -c '.summary' "$tmp/out")"
	fi

	# Stale: a live entry that matches nothing; judged on the whole inventory,
	# so narrowing the view to another system does not make it stale.
	jq '.accepted += [{"finding": "idle-vendor@v-gone", "reason": "r", "by": "委員会", "until": "2026-12-31"}]' \
		"$demo" >"$tmp/acc-stale.json"
	expect "$tag a stale acceptance" 0 "$B" analyze --fail-on none -f json "$tmp/acc-stale.json" &&
		has_finding "$tag stale-acceptance@idle-vendor@v-gone" stale-acceptance@idle-vendor@v-gone "$tmp/out"
	expect "$tag acceptances with --system" 0 "$B" analyze --no-plan --fail-on none -f json --system pacs "$tmp/acc-stale.json"
	if ! jq -e '[.findings[].id] | index("stale-acceptance@missing-disclosure@v-net")' "$tmp/out" >/dev/null; then
		ok "$tag --system pacs: an acceptance of another system's finding is not stale"
	else
		not_ok "$tag --system pacs: an acceptance of another system's finding is not stale"
	fi

	# --fail-on: the clinic's only findings, all accepted, pass at --fail-on info;
	# expired, they fail again; a stale entry is an info.
	jq '.accepted = [{"finding": "*", "reason": "小規模診療所として受容", "by": "院長", "until": "2026-12-31"}]' \
		fixtures/clinic-one-vendor.json >"$tmp/acc-all.json"
	expect "$tag everything accepted: exit 0 at --fail-on info" 0 "$B" analyze --fail-on info "$tmp/acc-all.json"
	has "$tag everything accepted: the text report says so" "No open findings." "$tmp/out"
	jq '.accepted[0].until = "2025-12-31"' "$tmp/acc-all.json" >"$tmp/acc-all-expired.json"
	expect "$tag the same acceptance expired: exit 1" 1 "$B" analyze --fail-on error "$tmp/acc-all-expired.json"
	jq '.accepted += [{"finding": "nothing-*", "reason": "r", "by": "院長", "until": "2026-12-31"}]' \
		"$tmp/acc-all.json" >"$tmp/acc-all-stale.json"
	expect "$tag a stale entry: exit 0 at --fail-on warning" 0 "$B" analyze --fail-on warning "$tmp/acc-all-stale.json"
	expect "$tag a stale entry: exit 1 at --fail-on info" 1 "$B" analyze --fail-on info "$tmp/acc-all-stale.json"

	# 初回確認 and 完了日: a lead checked いいえ is open until its 完了日; the
	# matrix shows them per row; the new matrix CSV layout imports them.
	expect "$tag a lead checked いいえ" 0 "$B" analyze --fail-on none -f json fixtures/many-small-vendors.json
	if jq -e '[.findings[].id] | index("open-item@lab@I-6@v-lab") and (index("open-item@lab@I-3@v-lab") | not)
		and (map(select(test("^unconfirmed-assignment@lab@I-[36]@"))) | length == 0)' "$tmp/out" >/dev/null; then
		ok "$tag open-item for the いいえ without 完了日, none once completed, no unconfirmed-assignment"
	else
		not_ok "$tag open-item" "$(jq -r '.findings[].id' "$tmp/out")"
	fi
	expect "$tag the matrix shows the first check" 0 "$B" matrix -f csv --system lab fixtures/many-small-vendors.json
	if grep -q '^lab,[^,]*,[^,]*,I-6,.*,いいえ,2025-10-01,,' "$tmp/out" && grep -q '^lab,[^,]*,[^,]*,I-3,.*,いいえ,2025-10-01,2026-01-20,' "$tmp/out" &&
		head -1 "$tmp/out" | grep -q ',初回確認,初回確認日,完了日,分担区分,指摘'; then
		ok "$tag the matrix has 初回確認, 初回確認日 and 完了日 per row"
	else
		not_ok "$tag the matrix has 初回確認, 初回確認日 and 完了日 per row" "$(grep -E '^(システムID|lab,[^,]*,[^,]*,I-[36],)' "$tmp/out")"
	fi
	expect "$tag a matrix CSV in the new layout" 0 "$B" analyze --no-plan --fail-on none -f json tests/csv-matrix/first-check
	if jq -e '[.findings[].id] | index("open-item@xray@I-2@midori") and (map(select(test("^(unconfirmed-assignment|open-item)@emr@"))) | length == 0)' \
		"$tmp/out" >/dev/null; then
		ok "$tag the new matrix layout: いいえ without 完了日 is open, はい and completed いいえ are not"
	else
		not_ok "$tag the new matrix layout" "$(jq -r '.findings[].id' "$tmp/out")"
	fi
	"$B" import tests/csv-matrix/first-check -o "$tmp/fc.json" 2>/dev/null
	if jq -e '[.assignments[] | select(.item == "I-2" and .system == "xray")][0].first_check == {"answer": "no", "date": "2025-10-01"}
		and ([.assignments[] | select(.item == "I-5")][0].completed == "2026-02-01")' "$tmp/fc.json" >/dev/null; then
		ok "$tag import writes first_check and completed"
	else
		not_ok "$tag import writes first_check and completed" "$(jq -c '.assignments' "$tmp/fc.json")"
	fi
	expect "$tag a matrix CSV in the old layout (確認日) still imports" 0 "$B" check fixtures/csv/clinic-utf8
	# Bad 初回確認 cells: exit 2 naming the file, line and column.
	rm -rf "$tmp/fc-bad" && cp -r tests/csv-matrix/first-check "$tmp/fc-bad"
	printf 'システムID,項番,初回確認,初回確認日,完了日,みどり内科クリニック (midori)\nemr,I-2,たぶん,2023-09-20,,○\nxray,I-2,いいえ,,,○\n' \
		>"$tmp/fc-bad/matrix.csv"
	expect "$tag a bad 初回確認 in the matrix CSV: exit 2" 2 "$B" check "$tmp/fc-bad"
	has "$tag the bad answer is placed" 'fc-bad/matrix.csv:2: column 初回確認: unknown value "たぶん"' "$tmp/err"
	has "$tag the missing date is placed" 'fc-bad/matrix.csv:3: column 初回確認日: a first check (初回確認) needs its date as well as its answer' "$tmp/err"
	# export and import carry first_check and completed (and accepted.csv).
	rm -rf "$tmp/msv"
	"$B" export fixtures/many-small-vendors.json "$tmp/msv" && "$B" import "$tmp/msv" -o "$tmp/msv.json" 2>/dev/null
	if [ "$(jq -c '[.assignments[] | {first_check, completed}]' "$tmp/msv.json")" = \
		"$(jq -c '[.assignments[] | {first_check, completed}]' fixtures/many-small-vendors.json)" ] &&
		grep -q ',初回確認,初回確認日,完了日' "$tmp/msv/assignments.csv"; then
		ok "$tag export then import keeps every first_check and completed"
	else
		not_ok "$tag export then import keeps every first_check and completed" "$(jq -c '.assignments' "$tmp/msv.json")"
	fi

	# bunkai diff on the demo hospital and four later states (tests/diff/):
	# a contract renewed, a vendor replaced, a new remote path, an accepted
	# finding; goldens in text and JSON, Markdown for one.
	local c
	for c in renewed vendor-replaced new-path accepted; do
		expect "$tag diff: $c" 0 "$B" diff --fail-on none "$demo" "tests/diff/$c.json" &&
			same "$tag diff: $c (text golden)" "tests/golden/diff-$c.text" "$tmp/out"
		expect "$tag diff -f json: $c" 0 "$B" diff --fail-on none -f json "$demo" "tests/diff/$c.json" &&
			same "$tag diff: $c (json golden)" "tests/golden/diff-$c.json" "$tmp/out"
	done
	expect "$tag diff -f md" 0 "$B" diff --fail-on none -f md "$demo" tests/diff/vendor-replaced.json &&
		same "$tag diff: vendor replaced (md golden)" tests/golden/diff-vendor-replaced.md "$tmp/out"
	if jq -e '.resolved | length > 20 and index("expired-contract@c-rece")' tests/golden/diff-renewed.json >/dev/null &&
		jq -e '.lead_changes | any(.system == "pacs" and .item == "I-6" and .old == ["v-pacs"] and .new == ["v-pacs2"])' \
			tests/golden/diff-vendor-replaced.json >/dev/null &&
		jq -e '(.new | index("remote-without-contract@rm-vital")) and (.resolved | length == 0)' tests/golden/diff-new-path.json >/dev/null &&
		jq -e '.newly_accepted == ["weak-remote-access@rm-food"] and (.resolved | length == 0) and (.new | length == 0)' \
			tests/golden/diff-accepted.json >/dev/null; then
		ok "$tag diff goldens: renewed resolves, replaced moves leads, a new path is new, accepted is not resolved"
	else
		not_ok "$tag diff goldens say what each change did"
	fi
	expect "$tag diff: a new error fails at the default --fail-on" 1 "$B" diff "$demo" tests/diff/new-path.json
	expect "$tag diff: an accepted finding is no new gap" 0 "$B" diff "$demo" tests/diff/accepted.json
	# Two reports give the same comparison as their inventories.
	"$B" analyze --fail-on none -f json -o "$tmp/old-report.json" "$demo"
	"$B" analyze --fail-on none -f json -o "$tmp/new-report.json" tests/diff/vendor-replaced.json
	expect "$tag diff of two reports" 0 "$B" diff --fail-on none -f json "$tmp/old-report.json" "$tmp/new-report.json"
	if [ "$(jq -S 'del(.sources)' "$tmp/out")" = "$(jq -S 'del(.sources)' tests/golden/diff-vendor-replaced.json)" ]; then
		ok "$tag diff of two reports equals the diff of their inventories"
	else
		not_ok "$tag diff of two reports equals the diff of their inventories" "$(diff <(jq -S 'del(.sources)' "$tmp/out") <(jq -S 'del(.sources)' tests/golden/diff-vendor-replaced.json) | head)"
	fi
	expect "$tag diff of a report and an inventory: exit 2" 2 "$B" diff "$tmp/old-report.json" tests/diff/renewed.json
	has "$tag diff says what it needs" "is a report and tests/diff/renewed.json an inventory: compare two inventories or two bunkai-report/1 files" "$tmp/err"
	jq 'del(.leads)' "$tmp/old-report.json" >"$tmp/old-report-noleads.json"
	expect "$tag diff of a report without leads: exit 2" 2 "$B" diff "$tmp/old-report-noleads.json" "$tmp/new-report.json"
	has "$tag the report without leads is named" 'the report has no "leads"' "$tmp/err"
	expect "$tag diff reads no standard input" 2 "$B" diff - "$demo"

	# Bad acceptances are input errors, with their place.
	jq '.accepted = [{"finding": "x", "reason": "r", "until": "2026-02-30"}]' "$demo" >"$tmp/acc-bad.json"
	expect "$tag an acceptance without by, with an impossible date: exit 2" 2 "$B" check "$tmp/acc-bad.json"
	has "$tag the missing key is named" '$.accepted[0]' "$tmp/err"
	has "$tag the impossible date is named" '$.accepted[0].until' "$tmp/err"
}
