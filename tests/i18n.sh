# Japanese and English (SPEC 9.4, docs/i18n.md): the catalog is complete,
# the language follows --lang and the locale, Japanese output has no English
# sentence left, and what machines read (codes, ids, keys, refs) does not
# change with the language. Sourced by tests/run.sh.

i18n_catalog() {
	# Every message of the sources has its Japanese, none fuzzy.
	make --no-print-directory build/gen/bunkai.pot >"$tmp/pot.log" 2>&1 || not_ok "i18n: xgettext" "$(cat "$tmp/pot.log")"
	msgmerge -q --no-fuzzy-matching rules/po/ja.po build/gen/bunkai.pot -o "$tmp/merged.po" 2>"$tmp/merge.log"
	local stats
	stats=$(msgfmt --check --statistics -o "$tmp/merged.mo" "$tmp/merged.po" 2>&1)
	if grep -q "translated message" <<<"$stats" && ! grep -q "untranslated\|fuzzy" <<<"$stats"; then
		ok "i18n: msgfmt --statistics: $stats"
	else
		not_ok "i18n: every message of the sources is translated (run make po, then translate)" "$stats"
	fi
	# Every rule's fix and message templates have their Japanese beside them.
	if awk -f rules/po/rules2po.awk rules/*.sql >"$tmp/rules.po" 2>"$tmp/rules.err" &&
	   stats=$(msgfmt --check --statistics -o "$tmp/rules.mo" "$tmp/rules.po" 2>&1) &&
	   ! grep -q "untranslated\|fuzzy" <<<"$stats"; then
		local want
		want=$(cat rules/*.sql | grep -cE '^-- (fix|message [a-z0-9-]+):')
		local got
		got=$(grep -c '^msgid "[^"]' "$tmp/rules.po")
		if [ "$got" -le "$want" ] && [ "$got" -gt 27 ]; then
			ok "i18n: each rule's fix and templates have their Japanese ($got entries)"
		else
			not_ok "i18n: rule catalog entries: $got of $want"
		fi
	else
		not_ok "i18n: rule headers" "$(cat "$tmp/rules.err") $stats"
	fi
	# A rule without its Japanese is refused at build time, by name.
	printf -- '-- code: x\n-- severity: info\n-- fix: do it\n-- message m: said {a}\nSELECT 1 AS a, %s AS message;\n' "'m'" >"$tmp/x.sql"
	if ! awk -f rules/po/rules2po.awk "$tmp/x.sql" >/dev/null 2>"$tmp/x.err" && grep -q 'no Japanese for "fix "' "$tmp/x.err" &&
	   grep -q 'no Japanese for "message m"' "$tmp/x.err"; then
		ok "i18n: a rule without its Japanese fails the build, naming what is missing"
	else
		not_ok "i18n: a rule without its Japanese fails the build" "$(cat "$tmp/x.err")"
	fi
}

i18n_language_choice() {
	local B=$1 f=fixtures/demo-hospital.json
	local ja='指摘' en='Findings: '
	env -u LANGUAGE -u LC_ALL -u LC_MESSAGES LANG=C.UTF-8 "$B" analyze --fail-on none "$f" >"$tmp/l.txt" 2>&1
	if grep -q "$en" "$tmp/l.txt" && ! grep -q "$ja" "$tmp/l.txt"; then ok "i18n: English by default"; else not_ok "i18n: English by default" "$(head -5 "$tmp/l.txt")"; fi
	# ja_JP.UTF-8 is not installed on the test machine: Japanese all the same.
	env -u LANGUAGE -u LC_ALL -u LC_MESSAGES LANG=ja_JP.UTF-8 "$B" analyze --fail-on none "$f" >"$tmp/l.txt" 2>&1
	if grep -q "$ja" "$tmp/l.txt"; then ok "i18n: LANG=ja_JP.UTF-8 gives Japanese (locale installed or not)"; else not_ok "i18n: LANG=ja_JP.UTF-8" "$(head -5 "$tmp/l.txt")"; fi
	env -u LC_ALL -u LC_MESSAGES LANG=C.UTF-8 LANGUAGE=ja "$B" analyze --fail-on none "$f" >"$tmp/l.txt" 2>&1
	if grep -q "$ja" "$tmp/l.txt"; then ok "i18n: LANGUAGE=ja under C.UTF-8 gives Japanese"; else not_ok "i18n: LANGUAGE=ja" "$(head -5 "$tmp/l.txt")"; fi
	env -u LANG -u LC_MESSAGES LC_ALL=C LANGUAGE=ja "$B" analyze --fail-on none "$f" >"$tmp/l.txt" 2>&1
	if grep -q "$ja" "$tmp/l.txt"; then ok "i18n: LANGUAGE=ja under LC_ALL=C gives Japanese"; else not_ok "i18n: LANGUAGE=ja under C" "$(head -5 "$tmp/l.txt")"; fi
	env -u LANGUAGE -u LC_ALL LANG=C.UTF-8 LC_MESSAGES=ja_JP.UTF-8 "$B" check "$f" >"$tmp/l.txt" 2>&1
	if grep -q "正しい" "$tmp/l.txt"; then ok "i18n: LC_MESSAGES=ja_JP.UTF-8 gives Japanese"; else not_ok "i18n: LC_MESSAGES" "$(head -5 "$tmp/l.txt")"; fi
	env LANG=ja_JP.UTF-8 LANGUAGE=ja "$B" analyze --lang en --fail-on none "$f" >"$tmp/l.txt" 2>&1
	if grep -q "$en" "$tmp/l.txt" && ! grep -q "$ja" "$tmp/l.txt"; then ok "i18n: --lang en wins over the locale"; else not_ok "i18n: --lang en wins" "$(head -5 "$tmp/l.txt")"; fi
	env -u LANGUAGE LANG=C.UTF-8 "$B" analyze --fail-on none --lang=ja "$f" >"$tmp/l.txt" 2>&1
	if grep -q "$ja" "$tmp/l.txt"; then ok "i18n: --lang=ja"; else not_ok "i18n: --lang=ja" "$(head -5 "$tmp/l.txt")"; fi
	expect "i18n: --lang xx is refused" 2 "$B" analyze --lang xx "$f"
	has "i18n: --lang xx says which languages" '--lang: unknown language "xx" (ja or en)' "$tmp/err"
	# Usage errors and --help come out in the language chosen.
	expect "i18n: a usage error in Japanese" 2 "$B" analyze --lang ja --fail-on bad "$f"
	has "i18n: the usage error is Japanese" '--fail-on: 値「bad」は不明' "$tmp/err"
	# The system's own words (strerror) come out in Japanese too, not as
	# question marks (glibc converts them to LC_CTYPE, which bunkai leaves C).
	expect "i18n: an output error in Japanese" 2 "$B" analyze --lang ja -o "$tmp/no/such/dir/r.txt" "$f"
	has "i18n: the system's reason is Japanese" 'そのようなファイルやディレクトリはありません' "$tmp/err"
	"$B" --lang ja analyze --help >"$tmp/h.txt" 2>&1 || true
	has "i18n: bunkai analyze --help in Japanese" "台帳を確認表 Part2 の項目と突き合わせ" "$tmp/h.txt"
	# The man page is a built file: English whatever the locale.
	env LANGUAGE=ja LANG=C.UTF-8 "$B" --man >"$tmp/man.1"
	if grep -q "Joins the inventory" "$tmp/man.1"; then ok "i18n: the man page stays English under LANGUAGE=ja"; else not_ok "i18n: man page language"; fi
}

# What machines read is the same in both languages: codes, ids, keys, refs,
# parties, the plan's ids and edits; messages and titles differ.
i18n_json_stable() {
	local B=$1 f
	for f in fixtures/demo-hospital.json fixtures/incident-dc-vpn.json; do
		"$B" analyze -f json --fail-on none --lang en "$f" >"$tmp/en.json"
		"$B" analyze -f json --fail-on none --lang ja "$f" >"$tmp/ja.json"
		local strip='del(.findings[].message, .findings[].fix, .plan[]?.title) | del(.generated_by?)'
		if diff <(jq -S "$strip" "$tmp/en.json") <(jq -S "$strip" "$tmp/ja.json") >"$tmp/d"; then
			ok "i18n: $(basename "$f"): JSON keys, codes, ids, refs and edits do not change with the language"
		else
			not_ok "i18n: $(basename "$f"): JSON differs beyond messages" "$(head -20 "$tmp/d")"
		fi
		if [ "$(jq -r '.findings[0].message' "$tmp/en.json")" != "$(jq -r '.findings[0].message' "$tmp/ja.json")" ]; then
			ok "i18n: $(basename "$f"): -f json messages follow the language"
		else
			not_ok "i18n: $(basename "$f"): -f json messages follow the language"
		fi
	done
}

# Every command on every fixture with --lang ja: no English sentence left
# outside ids, codes, product names and tests/i18n/allowed.txt.
i18n_no_english() {
	local B=$1 f name out=$tmp/ja-out
	rm -rf "$out"
	mkdir -p "$out"
	for f in fixtures/*.json; do
		name=$(basename "$f" .json)
		jq -r '.. | objects | .id? // empty' "$f" >>"$out/ids"
		"$B" analyze --lang ja --fail-on none "$f" >"$out/$name.txt" 2>&1
		"$B" analyze --lang ja --fail-on none -f md "$f" >"$out/$name.md" 2>&1
		"$B" analyze --lang ja --fail-on none -f json "$f" 2>&1 |
			jq -r '.findings[].message, (.plan[]?.title)' >"$out/$name.json-messages"
		"$B" plan --lang ja "$f" >"$out/$name.plan" 2>&1
		"$B" report --lang ja -o "$out/$name.html" "$f" 2>"$out/$name.report-err"
		"$B" matrix --lang ja -f md "$f" >"$out/$name.matrix.md" 2>&1
		"$B" matrix --lang ja -f html "$f" >"$out/$name.matrix.html" 2>&1
		"$B" diagram --lang ja -T dot "$f" 2>&1 | grep -o 'label="[^"]*"\|xlabel="[^"]*"\|tooltip="[^"]*"' >"$out/$name.dot-labels"
		"$B" check --lang ja "$f" >"$out/$name.check" 2>&1
	done
	"$B" diff --lang ja --fail-on none fixtures/demo-hospital.json tests/diff/vendor-replaced.json >"$out/diff.txt" 2>&1
	"$B" diff --lang ja --fail-on none -f md fixtures/demo-hospital.json tests/diff/vendor-replaced.json >"$out/diff.md" 2>&1
	"$B" items --lang ja >"$out/items.txt" 2>&1
	"$B" --lang ja --help >"$out/help.txt" 2>&1
	local c
	for c in $("$B" --list-commands); do
		"$B" "$c" --lang ja --help >"$out/help-$c.txt" 2>&1
	done
	for f in tests/hostile/*.json; do
		jq -r '.. | objects | .id? // empty' "$f" >>"$out/ids" 2>/dev/null
		"$B" check --lang ja "$f" >/dev/null 2>"$out/hostile-$(basename "$f" .json).err"
	done
	"$B" import --lang ja tests/hostile-csv/bad-values >/dev/null 2>"$out/hostile-csv.err"
	tests/i18n/english_left.py "$out/ids" "$out"/* >"$tmp/english" 2>&1
	if [ ! -s "$tmp/english" ]; then
		ok "i18n: every command on every fixture with --lang ja: no English sentence left ($(ls "$out" | wc -l) outputs)"
	else
		not_ok "i18n: English left in Japanese output ($(wc -l <"$tmp/english") sentences)" "$(head -30 "$tmp/english")"
	fi
	# The checker itself finds an English sentence it is given.
	printf 'この経路は the door is open です\n' >"$tmp/probe.txt"
	if ! tests/i18n/english_left.py "$out/ids" "$tmp/probe.txt" >/dev/null; then ok "i18n: the English checker catches a planted sentence"; else not_ok "i18n: the English checker misses a planted sentence"; fi
}

# Names come first where people read: the text and HTML reports and the plan.
i18n_names_first() {
	local B=$1 f=fixtures/demo-hospital.json
	"$B" analyze --fail-on none "$f" >"$tmp/n.txt"
	has "names first: a system in the text report" "[電子カルテ (ehr)]" "$tmp/n.txt"
	has "names first: a vendor in a message" "給食サービス株式会社 (v-food)" "$tmp/n.txt"
	has "names first: a device in a message" "電子カルテサーバ (ehr-srv)" "$tmp/n.txt"
	has "names first: a party in the plan" "画像医療機器株式会社 (v-pacs)" "$tmp/n.txt"
	# The text report: a first sentence whole, a list never cut.
	has "text report: a 推奨される対応例 list is never cut" "(b) 契約後も必要に応じて当該遵守状況を示す資料の提出を求めることができること等を取り決める。" "$tmp/n.txt"
	has "text report: the first sentence, whole" "対応例: 異常発生時に切り替えて利用するためのバックアップ環境を適切に構築する（ホストスタンバイ/コールドスタンバイ、ネットワーク等の二重化、バックアップデータの確保）など、システム障害時やセキュリティパッチの適用等を想定し、冗長性を適切に確保する方法について取り決める。" "$tmp/n.txt"
	if grep -q "バックアップデータについては、激甚災害" "$tmp/n.txt"; then
		not_ok "text report: only the first sentence of a recommendation without a list"
	else
		ok "text report: only the first sentence of a recommendation without a list"
	fi
	"$B" report -o "$tmp/n.html" "$f"
	has "names first: the HTML report's party column" "<td>給食サービス株式会社 (v-food)</td>" "$tmp/n.html"
	has "the HTML report shows the whole 推奨される対応例" "(c) 医療機関は当該方策を検討・承認して事業者とともに実施することを取り決める。" "$tmp/n.html"
	"$B" analyze -f md --fail-on none "$f" >"$tmp/n.md"
	has "the md report shows the whole 推奨される対応例" "(b) 外部ネットワーク利用等に関連する具体的な役割分担等責任分界、責任の所在の範囲について取り決める。" "$tmp/n.md"
	if grep -q 'seed' "$tmp/n.txt" "$tmp/n.md" "$tmp/n.html"; then
		not_ok "refs name documents, never \"seed\"" "$(grep -o '.\{30\}seed.\{20\}' "$tmp/n.txt" "$tmp/n.html" | head -5)"
	else
		ok "refs name documents, never \"seed\""
	fi
	"$B" analyze --lang ja --fail-on none "$f" >"$tmp/n.txt"
	has "refs in Japanese name the 確認表" "根拠: 確認表 Part2 I-6" "$tmp/n.txt"
	has "refs in Japanese name the チェックリスト Q&A" "根拠: 医療機関におけるサイバーセキュリティ対策チェックリスト Q&A Q-8" "$tmp/n.txt"
}

# A user's rule (--rules DIR) may carry its own templates and Japanese:
# names come first, an optional part without a value is left out, and the
# rule's Japanese is used although the catalog does not know it.
i18n_user_rules() {
	local B=$1 f=fixtures/demo-hospital.json
	expect "i18n: a user's templated rule" 0 "$B" analyze --fail-on none --rules tests/rules/templated "$f"
	has "i18n: a user's template, names first" "device 電子カルテサーバ (ehr-srv) of 電子カルテ (ehr) is maintained by 株式会社みなとシステム (v-si)" "$tmp/out"
	if grep -q ", a vendor of" "$tmp/out"; then not_ok "i18n: an optional part without a value is left out"; else ok "i18n: an optional part without a value is left out"; fi
	expect "i18n: a user's templated rule in Japanese" 0 "$B" analyze --lang ja --fail-on none --rules tests/rules/templated "$f"
	has "i18n: a user's rule speaks its own Japanese" "電子カルテ (ehr) の機器 電子カルテサーバ (ehr-srv) の保守事業者は 株式会社みなとシステム (v-si)" "$tmp/out"
	has "i18n: a user's fix.ja" "対応は不要: テンプレートを持つ利用者のルール" "$tmp/out"
	expect "i18n: a template naming a column the SELECT lacks" 2 "$B" analyze --rules tests/rules/bad-template "$f"
	has "i18n: the message names the placeholder" 'template "oops" uses {nowhere}, which the SELECT does not return' "$tmp/err"
}

i18n_tests() {
	i18n_user_rules "$1"
	i18n_catalog
	i18n_language_choice "$1"
	i18n_json_stable "$1"
	i18n_no_english "$1"
	i18n_names_first "$1"
}
