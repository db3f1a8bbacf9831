# The printable diagram (issue 16, docs/diagram.md): devices collapsed by
# type except the ones that matter, a narrowed view in full detail, a page
# size, a title block that explains only the styles used, and no Graphviz
# warning on the terminal. Sourced by tests/run.sh.

diagram_tests() {
	local B=$1 tag=$2
	# The collapse rule on a hand-made system: a path's door and target and
	# a device with an error stay nodes named by id; 5 terminals of the I-6
	# lead are one node; 3 printers of another maintainer are another.
	expect "$tag diagram: collapse fixture" 0 "$B" diagram -T dot tests/diagram/collapse.json
	local nodes
	nodes=$(gvpr 'N { print(name) }' "$tmp/out" | sort | tr '\n' ' ')
	if [ "$nodes" = "lab-gw lab-pc-x lab-srv minato v-lab v-print ~group:lab:printer:v-print ~group:lab:terminal " ]; then
		ok "$tag diagram: doors, targets and devices with errors stay nodes; the rest collapse by type and maintainer"
	else
		not_ok "$tag diagram: collapse rule" "$nodes"
	fi
	has "$tag diagram: a group says how many" 'terminal ×5' "$tmp/out"
	has "$tag diagram: another maintainer's group names it" 'printer ×3\n(maintained by プリンタ保守合同会社)' "$tmp/out"
	expect "$tag diagram: --system draws every device" 0 "$B" diagram -T dot --system lab tests/diagram/collapse.json
	if [ "$(gvpr 'N [match(name, "lab-p") >= 0] { print(name) }' "$tmp/out" | wc -l)" = 9 ] && ! grep -q '~group' "$tmp/out"; then
		ok "$tag diagram: --system lab draws each of its devices"
	else
		not_ok "$tag diagram: --system full detail" "$(gvpr 'N { print(name) }' "$tmp/out")"
	fi
	expect "$tag diagram: --vendor draws every device" 0 "$B" diagram -T dot --vendor v-print tests/diagram/collapse.json
	if ! grep -q '~group' "$tmp/out" && grep -q '"lab-pr-1"' "$tmp/out"; then ok "$tag diagram: --vendor v-print draws each device"; else not_ok "$tag diagram: --vendor full detail"; fi

	# A generated hospital of 300 devices, 10 systems, 10 vendors: about
	# 120 nodes at most, every door and target by id, no warning.
	build/bench/gen_inventory 300 0 10 10 >"$tmp/h300.json"
	expect "$tag diagram: a 300-device hospital" 0 "$B" diagram -T dot "$tmp/h300.json"
	local n
	n=$(gvpr 'BEG_G { int n = 0 } N { n = n + 1 } END_G { print(n) }' "$tmp/out")
	if [ "$n" -le 120 ]; then ok "$tag diagram: the 300-device hospital has $n nodes (at most 120)"; else not_ok "$tag diagram: $n nodes for 300 devices"; fi
	"$B" analyze -f json --fail-on none "$tmp/h300.json" | jq -r '.paths[] | .door, .target' | sort -u >"$tmp/ends"
	gvpr 'N { print(name) }' "$tmp/out" >"$tmp/names"
	local missing=""
	while read -r id; do
		grep -qxF -- "$id" "$tmp/names" || missing="$missing $id"
	done <"$tmp/ends"
	if [ -z "$missing" ] && [ -s "$tmp/ends" ]; then ok "$tag diagram: every door and target is a node named by its id ($(wc -l <"$tmp/ends"))"; else not_ok "$tag diagram: doors and targets missing:$missing"; fi
	if [ ! -s "$tmp/err" ]; then ok "$tag diagram: no Graphviz warning reaches the user"; else not_ok "$tag diagram: stderr" "$(cat "$tmp/err")"; fi

	# The title block: the styles used, not the others.
	expect "$tag diagram of the collapse fixture" 0 "$B" diagram -T dot tests/diagram/collapse.json
	if grep -q 'covered by contract' "$tmp/out" && ! grep -q 'no contract for the target' "$tmp/out" &&
		grep -q 'devices of one type, collapsed' "$tmp/out"; then
		ok "$tag diagram: the title block explains the styles used, and only those"
	else
		not_ok "$tag diagram: title block" "$(grep -o 'label=<.*' "$tmp/out" | head -c 600)"
	fi
}

# Pixels (plain build only: rendering is Graphviz's).
diagram_pages() {
	local B=build/bunkai f size
	png_size() { python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); print(*struct.unpack(">II", d[16:24]))' "$1"; }
	for f in fixtures/demo-hospital.json "$tmp/h300.json"; do
		"$B" diagram -T png --page a3 -o "$tmp/a3.png" "$f" 2>"$tmp/err"
		"$B" diagram -T png --page a4 -o "$tmp/a4.png" "$f" 2>>"$tmp/err"
		read -r w3 h3 <<<"$(png_size "$tmp/a3.png")"
		read -r w4 h4 <<<"$(png_size "$tmp/a4.png")"
		# A3 at 240 dpi: at most 15.74 x 10.89 in of drawing, 3778 x 2614 px;
		# A4 at 340 dpi: 3703 x 2540 px (a few pixels of Graphviz's margin
		# aside). Never over 4000 on the long side.
		if [ "$w3" -le 3782 ] && [ "$h3" -le 2618 ] && [ "$w4" -le 3707 ] && [ "$h4" -le 2544 ] &&
			[ $((w3 > h3 ? w3 : h3)) -ge 2000 ] && [ ! -s "$tmp/err" ]; then
			ok "diagram: $(basename "$f") PNG fits the page: A3 ${w3}x${h3}, A4 ${w4}x${h4} pixels"
		else
			not_ok "diagram: $(basename "$f") PNG page size: A3 ${w3}x${h3}, A4 ${w4}x${h4}" "$(cat "$tmp/err")"
		fi
	done
	# The 300-device hospital fills the A3 page both ways (it was a strip
	# of 349 x 2613 pixels before the boxes were packed).
	read -r w3 h3 <<<"$(png_size "$tmp/a3.png")"
	if [ "$w3" -ge 3000 ] && [ "$h3" -ge 2000 ]; then ok "diagram: the 300-device hospital fills an A3 page (${w3}x${h3})"; else not_ok "diagram: the 300-device hospital is a strip: ${w3}x${h3}"; fi

	# A PDF is one page no larger than the paper (A3 1191 x 842 pt, A4 842 x 595).
	local mb
	for page in a3:1191:842 a4:842:595; do
		"$B" diagram -T pdf --page "${page%%:*}" -o "$tmp/p.pdf" "$tmp/h300.json" 2>"$tmp/err"
		mb=$(/usr/bin/python3 tests/pdf_pages.py "$tmp/p.pdf" | tr -d '(),')
		read -r pages _ _ pw ph <<<"$mb"
		IFS=: read -r _ maxw maxh <<<"$page"
		if [ "$pages" = 1 ] && [ "${pw%.*}" -le $((maxw + 1)) ] && [ "${ph%.*}" -le $((maxh + 1)) ] && [ "${ph%.*}" -ge $((maxh - 60)) ]; then
			ok "diagram: the 300-device hospital's PDF is one ${page%%:*} page (${pw} x ${ph} pt)"
		else
			not_ok "diagram: PDF page on ${page%%:*}: $mb"
		fi
	done

	# The layout's geometry (tests/diagram/layout_check.py): boxes apart,
	# nodes inside their boxes, every link routed, the text large enough to
	# read on the page; Graphviz's own neato -n2 draws the DOT again as it is.
	local page min
	for f in fixtures/demo-hospital.json "$tmp/h300.json" fixtures/incident-vitals-vpn.json tests/hostile/hostile-names.json; do
		for page in a3 a4; do
			"$B" diagram -T dot --page $page -o "$tmp/l.dot" "$f" 2>"$tmp/err"
			if ! neato -n2 -Tjson "$tmp/l.dot" >"$tmp/l.json" 2>/dev/null; then
				not_ok "diagram: neato -n2 draws $(basename "$f")'s DOT again"
				continue
			fi
			# 10-point text prints at 5 points or more on A3, 4 on A4 (the 300-device hospital: 6.0 and 4.2).
			[ $page = a3 ] && set -- 15.74 10.89 5 || set -- 10.89 7.47 4
			if python3 tests/diagram/layout_check.py "$tmp/l.json" "$@" >"$tmp/lc" 2>&1; then
				ok "diagram: $(basename "$f") on $page: $(head -1 "$tmp/lc")"
			else
				not_ok "diagram: $(basename "$f") on $page layout" "$(cat "$tmp/lc")"
			fi
		done
	done
	set --

	expect "diagram: --page takes a3 or a4" 2 "$B" diagram --page letter fixtures/demo-hospital.json
	has "diagram: --page says which" '--page: unknown value "letter" (a3 or a4)' "$tmp/err"
}
