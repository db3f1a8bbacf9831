# Excel workbooks (SPEC 9.4, issue 17; docs/matrix.md): read back with an
# independent reader (python3-openpyxl, Debian's, so /usr/bin/python3) and
# converted by LibreOffice. Sourced by tests/run.sh.

# The 責任分界表 workbook equals the matrix CSV and the paths CSV, sheet by
# sheet, with its lists, frozen header, filter and print setup.
xlsx_tests() {
	local B=$1 tag=$2 f
	for f in fixtures/demo-hospital.json fixtures/incident-vitals-vpn.json tests/hostile/hostile-names.json \
		tests/spreadsheet/spreadsheet-hostile.json; do
		"$B" matrix -f xlsx -o "$tmp/m.xlsx" "$f" 2>"$tmp/err" &&
			"$B" matrix -o "$tmp/m.csv" "$f" && "$B" matrix -f paths-csv -o "$tmp/p.csv" "$f"
		if [ -s "$tmp/err" ]; then not_ok "$tag matrix -f xlsx of $(basename "$f"): stderr" "$(cat "$tmp/err")"; continue; fi
		if /usr/bin/python3 tests/xlsx/check_matrix.py "$tmp/m.xlsx" "$tmp/m.csv" "$tmp/p.csv" >"$tmp/x" 2>&1; then
			ok "$tag matrix -f xlsx of $(basename "$f"): $(head -1 "$tmp/x")"
		else
			not_ok "$tag matrix -f xlsx of $(basename "$f")" "$(cat "$tmp/x")"
		fi
	done
	# The gap report's workbook equals the JSON (plan) and CSV (findings,
	# paths) reports of the same run; without a plan it has no plan sheet.
	for f in fixtures/demo-hospital.json fixtures/midsize-prime-cloud.json tests/hostile/hostile-names.json; do
		for plan in "" --no-plan; do
			"$B" analyze --fail-on none $plan -f xlsx -o "$tmp/r.xlsx" "$f" 2>"$tmp/err" &&
				"$B" analyze --fail-on none $plan -f json -o "$tmp/r.json" "$f" &&
				"$B" analyze --fail-on none $plan -f csv -o "$tmp/r.csv" "$f" &&
				"$B" matrix -f paths-csv -o "$tmp/p.csv" "$f"
			if /usr/bin/python3 tests/xlsx/check_report.py "$tmp/r.xlsx" "$tmp/r.json" "$tmp/r.csv" "$tmp/p.csv" >"$tmp/x" 2>&1 && [ ! -s "$tmp/err" ]; then
				ok "$tag analyze -f xlsx ${plan:+$plan }of $(basename "$f"): $(head -1 "$tmp/x")"
			else
				not_ok "$tag analyze -f xlsx ${plan:+$plan }of $(basename "$f")" "$(cat "$tmp/err" "$tmp/x")"
			fi
		done
	done
	# --fail-on still decides the exit status.
	expect "$tag analyze -f xlsx exits 1 on errors" 1 "$B" analyze -f xlsx -o "$tmp/r.xlsx" fixtures/demo-hospital.json

	# A vendor's view: only its systems, and the same bytes to standard output.
	"$B" matrix -f xlsx --vendor v-pacs -o "$tmp/v.xlsx" fixtures/demo-hospital.json
	"$B" matrix -f xlsx --vendor v-pacs fixtures/demo-hospital.json >"$tmp/v-stdout.xlsx"
	if cmp -s "$tmp/v.xlsx" "$tmp/v-stdout.xlsx"; then ok "$tag matrix -f xlsx: the same workbook on standard output"; else not_ok "$tag matrix -f xlsx: standard output differs"; fi
	local names
	names=$(/usr/bin/python3 -c 'import openpyxl,sys; print(" ".join(openpyxl.load_workbook(sys.argv[1]).sheetnames))' "$tmp/v.xlsx")
	if [ "$names" = "PACS リモート経路" ]; then ok "$tag matrix -f xlsx --vendor v-pacs: its system's sheet and the paths"; else not_ok "$tag matrix -f xlsx --vendor v-pacs: sheets $names"; fi
	# Sheet names Excel accepts: at most 31 characters, none of []:*?/\,
	# no apostrophe at either end, unique.
	jq '.systems[0].name = "電子カルテ[本院]/外来:*?\\ とても長いシステムの名前がここに続いてExcelの上限を超える"
	    | .systems[1].name = .systems[0].name | .systems[2].name = "'"'"'quoted'"'"'"' \
		fixtures/demo-hospital.json >"$tmp/names.json"
	"$B" matrix -f xlsx -o "$tmp/n.xlsx" "$tmp/names.json"
	names=$(/usr/bin/python3 -c 'import openpyxl,sys; print("|".join(openpyxl.load_workbook(sys.argv[1]).sheetnames))' "$tmp/n.xlsx")
	if [ "$names" = "組織全体|電子カルテ_本院__外来____ とても長いシステムの名前がこ|電子カルテ_本院__外来____ とても長いシステムの名(2)|_quoted_|レセコン|リモート経路" ]; then
		ok "$tag matrix -f xlsx: sheet names cleaned, cut to 31 characters and made unique"
	else
		not_ok "$tag matrix -f xlsx: sheet names" "$names"
	fi
	# The same inventory gives the same bytes (the document is dated by the as-of date).
	"$B" matrix -f xlsx -o "$tmp/again.xlsx" tests/spreadsheet/spreadsheet-hostile.json
	if cmp -s "$tmp/m.xlsx" "$tmp/again.xlsx"; then ok "$tag matrix -f xlsx is reproducible"; else not_ok "$tag matrix -f xlsx differs between runs"; fi
	# No temporary file left behind, also when the output cannot be written.
	mkdir -p "$tmp/xtmp"
	TMPDIR="$tmp/xtmp" "$B" matrix -f xlsx -o "$tmp/nodir/m.xlsx" fixtures/demo-hospital.json 2>"$tmp/err"
	TMPDIR="$tmp/xtmp" "$B" matrix -f xlsx -o "$tmp/ok.xlsx" fixtures/demo-hospital.json
	if [ -z "$(ls -A "$tmp/xtmp")" ]; then ok "$tag matrix -f xlsx leaves no temporary file"; else not_ok "$tag matrix -f xlsx left $(ls "$tmp/xtmp")"; fi
	expect "$tag matrix -f xlsx with an unwritable TMPDIR" 3 env TMPDIR=/nonexistent "$B" matrix -f xlsx -o "$tmp/t.xlsx" fixtures/demo-hospital.json
	has "$tag matrix -f xlsx says why" "cannot create a temporary file in /nonexistent" "$tmp/err"
}

# LibreOffice opens each workbook bunkai writes (matrix, gap report,
# template, a pack) and prints it on A4 landscape pages: the matrix of the
# demo one page per sheet, the others at least a page per sheet (plain build
# only).
xlsx_print() {
	local lo d="$tmp/xlo" book want got
	lo=$(command -v soffice || command -v libreoffice || true)
	if [ -z "$lo" ]; then not_ok "LibreOffice: not installed (make test installs libreoffice-calc-nogui)"; return; fi
	rm -rf "$d" && mkdir -p "$d"
	build/bunkai matrix -f xlsx -o "$d/matrix.xlsx" fixtures/demo-hospital.json
	build/bunkai analyze --fail-on none -f xlsx -o "$d/report.xlsx" fixtures/demo-hospital.json
	build/bunkai template "$d/template.xlsx"
	build/bunkai pack fixtures/demo-hospital.json "$d/packs" && cp "$d/packs/v-pacs.xlsx" "$d/pack.xlsx"
	for book in matrix report template pack; do
		timeout 300 "$lo" -env:UserInstallation="file://$d/profile" --headless --convert-to pdf --outdir "$d" \
			"$d/$book.xlsx" >"$d/log" 2>&1
		got=$(/usr/bin/python3 tests/pdf_pages.py "$d/$book.pdf" 2>&1)
		# The matrix: 6 sheets of one page; the others at least a page per sheet.
		want=$([ $book = matrix ] && echo "6 (0, 0, 842, 595)" || echo "A4")
		if [ "$got" = "$want" ] || { [ "$want" = A4 ] && [ "${got#* }" = "(0, 0, 842, 595)" ] && [ "${got%% *}" -ge 3 ]; }; then
			ok "LibreOffice prints the $book workbook: $got"
		else
			not_ok "LibreOffice print of the $book workbook: $got" "$(cat "$d/log")"
		fi
	done
}

# A filled workbook as INVENTORY (SPEC 9.4, docs/csv-import.md "Excel
# workbooks"): whatever its name, from standard input too, sheets named as
# the ledgers in English or Japanese, dates in either date system.
xlsx_input() {
	local B=$1 tag=$2 d="$tmp/xin" f
	rm -rf "$d" && mkdir -p "$d"
	"$B" export fixtures/demo-hospital.json "$d/csv" >/dev/null
	"$B" analyze --fail-on none -f json "$d/csv" | jq -S 'del(.inventory)' >"$d/want.json"
	"$B" import "$d/csv" >"$d/want-import.json"
	for variant in "" --japanese --date1904; do
		/usr/bin/python3 tests/xlsx/csv_to_xlsx.py "$d/csv" "$d/book.xlsx" $variant
		"$B" analyze --fail-on none -f json "$d/book.xlsx" 2>"$tmp/err" | jq -S 'del(.inventory)' >"$d/got.json"
		if cmp -s "$d/want.json" "$d/got.json" && [ ! -s "$tmp/err" ]; then
			ok "$tag a workbook${variant:+ ($variant)} analyzes as its CSV folder does"
		else
			not_ok "$tag workbook${variant:+ ($variant)} vs its CSV folder" "$(cat "$tmp/err"; diff "$d/want.json" "$d/got.json" | head -20)"
		fi
	done
	"$B" import "$d/book.xlsx" >"$d/got-import.json" && same "$tag import of a workbook equals import of the folder" "$d/want-import.json" "$d/got-import.json"
	cp "$d/book.xlsx" "$d/台帳"
	"$B" import - <"$d/台帳" >"$d/got-stdin.json" && same "$tag a workbook on standard input, named anything" "$d/want-import.json" "$d/got-stdin.json"
	expect "$tag check reads a workbook without .xlsx in its name" 0 "$B" check "$d/台帳"

	# The template, filled by a script as a person fills it in Excel (real
	# dates, 令和 and 年月日 typed as text, ○/△, サーバー, ＭＦＡ, a line break in
	# a name), gives the findings of the JSON fixture it was filled from.
	for f in fixtures/demo-hospital.json fixtures/midsize-prime-cloud.json; do
		rm -rf "$d/ledgers" "$d/t.xlsx"
		"$B" export "$f" "$d/ledgers" >/dev/null && "$B" template "$d/t.xlsx" &&
			/usr/bin/python3 tests/xlsx/fill_template.py "$d/t.xlsx" "$d/ledgers" "$d/filled.xlsx"
		"$B" analyze --fail-on none -f json "$d/filled.xlsx" 2>"$tmp/err" | jq -c '[.findings[] | [.id, .severity]] | sort' >"$d/got"
		"$B" analyze --fail-on none -f json "$f" | jq -c '[.findings[] | [.id, .severity]] | sort' >"$d/want"
		if cmp -s "$d/want" "$d/got" && [ -s "$d/want" ] && [ ! -s "$tmp/err" ]; then
			ok "$tag the template filled like a person gives the findings of $(basename "$f") ($(jq length "$d/want"))"
		else
			not_ok "$tag filled template vs $(basename "$f")" "$(cat "$tmp/err"; diff "$d/want" "$d/got" | head)"
		fi
	done
	"$B" import "$d/filled.xlsx" | jq -r '.organization.name' >"$d/name"
	if grep -q ' ' "$d/name" && [ "$(wc -l <"$d/name")" = 1 ]; then ok "$tag a line break in a name is read as a space ($(cat "$d/name"))"; else not_ok "$tag line break in a name" "$(cat "$d/name")"; fi
	# The template's sheets, example rows and lists, read by openpyxl.
	rm -f "$d/t.xlsx" && "$B" template "$d/t.xlsx"
	if /usr/bin/python3 - "$d/t.xlsx" >"$tmp/x" 2>&1 <<'PY'
import openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1])
want = ["医療機関", "事業者", "システム", "ネットワーク", "機器台帳", "契約", "再委託", "項目ごとの担当", "リモート接続",
        "事業者間の取決め", "機器の確認", "リスク受容", "責任分界表"]
assert wb.sheetnames == want, wb.sheetnames
ws = wb["機器台帳"]
assert [c.value for c in ws[1]] == ["機器ID", "機器名", "機器種別", "システムID", "保守事業者ID", "ネットワーク"]
assert ws["A2"].value.startswith("#"), ws["A2"].value
dv = {str(d.sqref): d.formula1 for d in ws.data_validations.dataValidation}
assert dv["C3:C2002"].startswith('"サーバ,'), dv
assert dv["D3:D2002"] == "'システム'!$A$3:$A$2002", dv
m = wb["責任分界表"]
dv = {str(d.sqref): d.formula1 for d in m.data_validations.dataValidation}
assert dv["F3:AO2002"] == '"○,△"' and dv["C3:C2002"] == '"はい,いいえ"', dv
assert wb["契約"].column_dimensions["D"].width > 0
print("13 sheets with the ledgers' headers, a # example row, lists of types, ids, ○/△ and はい/いいえ")
PY
	then ok "$tag template FILE.xlsx: $(cat "$tmp/x")"; else not_ok "$tag template FILE.xlsx" "$(cat "$tmp/x")"; fi
	expect "$tag template FILE.xlsx keeps an existing workbook" 2 "$B" template "$d/t.xlsx"
	has "$tag template says why" "already exists (a filled workbook is not replaced without --force)" "$tmp/err"
	expect "$tag template --force replaces it" 0 "$B" template --force "$d/t.xlsx"

	# Mistakes name the sheet, the cell and its header.
	/usr/bin/python3 tests/xlsx/csv_to_xlsx.py "$d/csv" "$d/book-ja.xlsx" --japanese
	/usr/bin/python3 - "$d/book-ja.xlsx" "$d/bad.xlsx" <<'PY'
import openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["機器台帳"]
ws["C3"] = "多分"
ws["A5"] = None
ws["H1"] = "謎の列"
ws["G4"] = "迷子の値"
wb.save(sys.argv[2])
PY
	expect "$tag a workbook with mistakes" 2 "$B" check "$d/bad.xlsx"
	cat >"$d/want-err" <<EOT
bunkai: $d/bad.xlsx: 機器台帳!H1: unknown column "謎の列" (allowed: 機器ID (id), 機器名 (name), 機器種別 (type), システムID (system), 保守事業者ID (maintainer), ネットワーク (networks))
bunkai: $d/bad.xlsx: 機器台帳!C3: column 機器種別: unknown value "多分" (allowed: サーバ, 端末, 端末PC, ネットワーク機器, 医療機器, プリンタ, ストレージ, その他, server, terminal, network, medical-device, printer, storage, other)
bunkai: $d/bad.xlsx: 機器台帳!G4: "迷子の値" is in a column without a header
bunkai: $d/bad.xlsx: 機器台帳!A5: missing required key "id"
EOT
	same "$tag workbook messages name the sheet, the cell and the column" "$d/want-err" "$tmp/err"

	# An id Excel stored as a number (typed 001, kept 1) is warned about.
	/usr/bin/python3 - "$d/book-ja.xlsx" "$d/number-id.xlsx" <<'PY'
import openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1])
wb["機器台帳"]["A3"] = 1
wb.save(sys.argv[2])
PY
	"$B" check "$d/number-id.xlsx" >/dev/null 2>"$tmp/err"
	has "$tag an id stored as a number is warned about" "bunkai: warning: $d/number-id.xlsx: 機器台帳!A3: column 機器ID: the id \"1\" is a number in the workbook: if it was typed with leading zeros (001), Excel dropped them" "$tmp/err"

	# Merged cells as people use them: a title merged above the header, a
	# system id merged down its devices.
	/usr/bin/python3 - "$d/book.xlsx" "$d/merged.xlsx" <<'PY'
import openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["機器台帳"] if "機器台帳" in wb.sheetnames else wb["devices"]
ws.insert_rows(1)
ws["A1"] = "機器台帳（2026年4月）"
ws.merge_cells("A1:F1")
col = [c.value for c in ws[2]].index("システムID") + 1
start = 3
for r in range(4, ws.max_row + 2):
    if r > ws.max_row or ws.cell(row=r, column=col).value != ws.cell(row=start, column=col).value:
        if r - 1 > start and ws.cell(row=start, column=col).value:
            for k in range(start + 1, r):
                ws.cell(row=k, column=col).value = None
            ws.merge_cells(start_row=start, start_column=col, end_row=r - 1, end_column=col)
        start = r
wb.save(sys.argv[2])
PY
	"$B" import "$d/merged.xlsx" >"$d/got-merged.json" 2>"$tmp/err" && same "$tag merged title and merged system ids read as the plain ledger" "$d/want-import.json" "$d/got-merged.json"

	# Hostile workbooks: exit 2, the part or the cell named, nothing extracted.
	rm -rf "$d/hostile" "$d/t.xlsx"
	"$B" template "$d/t.xlsx" && /usr/bin/python3 tests/xlsx/hostile.py "$d/t.xlsx" "$d/hostile"
	local name message
	while IFS=$'\t' read -r name message; do
		"$B" check "$d/hostile/$name" >/dev/null 2>"$tmp/err"
		local rc=$?
		if [ "$rc" = 2 ] && grep -qF -- "$message" "$tmp/err" && [ "$(wc -l <"$tmp/err")" -le 3 ]; then
			ok "$tag hostile workbook $name: exit 2, $(head -1 "$tmp/err" | cut -c1-120)"
		else
			not_ok "$tag hostile workbook $name: exit $rc" "$(head -5 "$tmp/err")"
		fi
	done <"$d/hostile/expect.tsv"
	if [ -z "$(find "$d/hostile" -newer "$d/hostile/expect.tsv" -type f)" ]; then ok "$tag nothing was extracted from the hostile workbooks"; else not_ok "$tag files appeared beside the hostile workbooks"; fi
}

# Cells as people type them, in CSV as in a workbook (docs/csv-import.md
# "Cells"): era and 年月日 dates with the era's bounds, full-width letters,
# the long-vowel mark, a line break in a name.
lenient_cells() {
	local B=$1 tag=$2 d="$tmp/lenient" date want got
	for date in "令和5年10月1日:2023-10-01" "R5.10.1:2023-10-01" "R5/10/1:2023-10-01" "令和元年5月1日:2019-05-01" \
		"平成31年4月30日:2019-04-30" "H31.4.30:2019-04-30" "2023年10月1日:2023-10-01" "２０２３年１０月１日:2023-10-01" \
		"S64.1.7:1989-01-07" "2023.10.1:2023-10-01"; do
		rm -rf "$d" && cp -r fixtures/csv/clinic-utf8 "$d"
		sed -i "s|2023/10/1|${date%%:*}|" "$d/contracts.csv"
		got=$("$B" import "$d" 2>"$tmp/err" | jq -r '.contracts[0].start')
		if [ "$got" = "${date#*:}" ]; then ok "$tag the date ${date%%:*} is read as $got"; else not_ok "$tag the date ${date%%:*}: got $got" "$(cat "$tmp/err")"; fi
	done
	for date in H31.5.1 平成31年5月1日 令和1年4月30日 R0.1.1 2023年13月1日; do
		rm -rf "$d" && cp -r fixtures/csv/clinic-utf8 "$d"
		sed -i "s|2023/10/1|$date|" "$d/contracts.csv"
		expect "$tag the date $date is refused" 2 "$B" import "$d"
		has "$tag the date $date: its cell and why" "contracts.csv:2: column 開始日: invalid date \"$date\"" "$tmp/err"
	done
	rm -rf "$d" && cp -r fixtures/csv/clinic-utf8 "$d"
	sed -i 's|,医療機器,|,ﾒﾃﾞｨｶﾙ,|; s|,端末,|,サーバー,|' "$d/devices.csv"
	sed -i 's|,医療機器,|,医療機器,|' "$d/devices.csv"
	"$B" import "$d" >/dev/null 2>"$tmp/err"
	if grep -q 'column 機器種別: unknown value "ﾒﾃﾞｨｶﾙ"' "$tmp/err" && ! grep -q 'サーバー' "$tmp/err"; then
		ok "$tag サーバー is サーバ; an unknown kind is still refused"
	else
		not_ok "$tag long-vowel mark" "$(cat "$tmp/err")"
	fi
}

# An id a spreadsheet turned into a date or a number is loaded with a warning.
spreadsheet_ids() {
	local B=$1 tag=$2 d="$tmp/ids"
	rm -rf "$d" && cp -r fixtures/csv/clinic-utf8 "$d"
	sed -i 's|^emr-pc,|2024-01-02,|; s|,emr-pc|,2024-01-02|' "$d/devices.csv"
	expect "$tag an id that reads as a date still loads" 0 "$B" check "$d"
	has "$tag and is warned about" "bunkai: warning: $d/devices.csv:2: column 機器ID: \"2024-01-02\" looks like a number or a date a spreadsheet made of an id" "$tmp/err"
	rm -rf "$d" && cp -r fixtures/csv/clinic-utf8 "$d"
	expect "$tag ordinary ids give no warning" 0 "$B" check "$d"
	if [ ! -s "$tmp/err" ]; then ok "$tag no warning for ordinary ids"; else not_ok "$tag warning for ordinary ids" "$(cat "$tmp/err")"; fi
}
