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

# LibreOffice opens each workbook and prints it on A4 landscape pages: the
# matrix of the demo one page per sheet, the gap report at least one page
# per sheet (plain build only).
xlsx_print() {
	local lo d="$tmp/xlo" book want got
	lo=$(command -v soffice || command -v libreoffice || true)
	if [ -z "$lo" ]; then not_ok "LibreOffice: not installed (make test installs libreoffice-calc-nogui)"; return; fi
	rm -rf "$d" && mkdir -p "$d"
	build/bunkai matrix -f xlsx -o "$d/matrix.xlsx" fixtures/demo-hospital.json
	build/bunkai analyze --fail-on none -f xlsx -o "$d/report.xlsx" fixtures/demo-hospital.json
	for book in matrix report; do
		timeout 300 "$lo" -env:UserInstallation="file://$d/profile" --headless --convert-to pdf --outdir "$d" \
			"$d/$book.xlsx" >"$d/log" 2>&1
		got=$(/usr/bin/python3 -c '
import re, sys
d = open(sys.argv[1], "rb").read()
pages = len(re.findall(rb"/Type\s*/Page[^s]", d))
boxes = {tuple(round(float(v)) for v in m.split()) for m in re.findall(rb"/MediaBox\s*\[\s*([0-9. ]+?)\s*\]", d)}
print(pages, *sorted(boxes))' "$d/$book.pdf" 2>&1)
		# The matrix: 6 sheets of one page; the report: 3 sheets, the findings over several pages.
		want=$([ $book = matrix ] && echo "6 (0, 0, 842, 595)" || echo "A4")
		if [ "$got" = "$want" ] || { [ "$want" = A4 ] && [ "${got#* }" = "(0, 0, 842, 595)" ] && [ "${got%% *}" -ge 3 ]; }; then
			ok "LibreOffice prints the $book workbook: $got"
		else
			not_ok "LibreOffice print of the $book workbook: $got" "$(cat "$d/log")"
		fi
	done
}
