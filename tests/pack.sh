# bunkai pack (SPEC 9.4, docs/pack.md): a printable page and a workbook per
# party. Sourced by tests/run.sh.

pack_tests() {
	local B=$1 tag=$2 d="$tmp/packs" f
	rm -rf "$d"
	expect "$tag pack of the demo hospital" 0 "$B" pack fixtures/demo-hospital.json "$d"
	for f in tests/golden/packs/*.html; do
		same "$tag pack $(basename "$f") (golden)" "$f" "$d/$(basename "$f")"
	done
	if [ "$(ls "$d" | tr '\n' ' ')" = "sakura.html sakura.xlsx v-food.html v-food.xlsx v-net.html v-net.xlsx v-pacs.html v-pacs.xlsx v-si.html v-si.xlsx " ]; then
		ok "$tag a page and a workbook for the organization and each vendor at work"
	else
		not_ok "$tag pack files" "$(ls "$d")"
	fi
	expect "$tag pack keeps the packs already there" 2 "$B" pack fixtures/demo-hospital.json "$d"
	expect "$tag pack --force replaces them" 0 "$B" pack --force fixtures/demo-hospital.json "$d"
	expect "$tag pack of an invalid inventory" 2 "$B" pack tests/hostile/cycle.json "$tmp/never-packs"
	if [ ! -e "$tmp/never-packs" ]; then ok "$tag no pack folder left behind"; else not_ok "$tag a pack folder was left behind"; fi
	# The workbook holds the page's items, findings and paths, with lists to fill in.
	if /usr/bin/python3 - "$d/v-pacs.xlsx" "$d/v-pacs.html" >"$tmp/x" 2>&1 <<'PY'
import openpyxl, re, sys
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ["担当項目", "Findings", "リモート経路", "機器"], wb.sheetnames
html = open(sys.argv[2], encoding="utf-8").read()
items = wb["担当項目"]
rows = [[c.value for c in r] for r in items.iter_rows(min_row=2)]
assert len(rows) == html.count("はい・いいえ") and rows, (len(rows), html.count("はい・いいえ"))
assert all(r[3] in ("○", "△") and r[4] and r[5] is None and r[6] is None and r[7] is None for r in rows), rows[0]
dv = {str(v.sqref): v.formula1 for v in items.data_validations.dataValidation}
assert dv.get("F2:F%d" % (len(rows) + 1)) == '"はい,いいえ"', dv
assert items.page_setup.orientation == "landscape" and str(items.page_setup.paperSize) == "9"
findings = wb["Findings"].max_row - 1
assert findings == len(re.findall(r'<tr class="(error|warning|info)">', html)), findings
print("%d items to fill in, %d findings, %d paths, %d devices" % (len(rows), findings, wb["リモート経路"].max_row - 1,
      wb["機器"].max_row - 1))
PY
	then ok "$tag pack workbook of v-pacs: $(cat "$tmp/x")"; else not_ok "$tag pack workbook" "$(cat "$tmp/x")"; fi
}

# A pack printed by headless Chromium: every page A4 landscape (plain build).
pack_print() {
	local chrome
	chrome=$(chromium_path)
	[ -n "$chrome" ] || { not_ok "pack print: no Chromium"; return; }
	local pages
	pages=$(print_pages "$chrome" "file://$PWD/tests/golden/packs/v-si.html" "$tmp/pack.pdf")
	if [ "${pages#* }" = "(0, 0, 842, 595)" ] && [ "${pages%% *}" -ge 2 ]; then
		ok "pack: v-si's page prints on A4 landscape pages ($pages)"
	else
		not_ok "pack: print of v-si's page: $pages"
	fi
}
