# Sourced by tests/run.sh: what the command table gives the ecosystem — the
# man page, bash completion, make install/uninstall — and the progress line.
# Uses run.sh's helpers (ok, not_ok, expect, has) and $tmp.

tooling() {
	local B=build/bunkai

	# The man page is well-formed roff that man renders.
	"$B" --man >"$tmp/bunkai.1"
	if MANWIDTH=80 man -l "$tmp/bunkai.1" >"$tmp/man.txt" 2>"$tmp/man.err" && grep -qE 'bunkai +analyze +INVENTORY' "$tmp/man.txt" &&
		! grep -v "can't break line" "$tmp/man.err" | grep -q .; then
		ok "man renders bunkai.1 with every command"
	else
		not_ok "man renders bunkai.1" "$(cat "$tmp/man.err")"
	fi

	# Bash completion, generated from the same table.
	"$B" --completion bash >"$tmp/bunkai.bash"
	complete_words() { bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _bunkai; echo "${COMPREPLY[*]}"' _ "$tmp/bunkai.bash" "$@"; }
	[ "$(complete_words bunkai ana)" = analyze ] && ok "completion: commands" || not_ok "completion: commands" "$(complete_words bunkai ana)"
	[ "$(complete_words bunkai diagram -T "")" = "svg png pdf dot" ] && ok "completion: the diagram's formats" ||
		not_ok "completion: the diagram's formats" "$(complete_words bunkai diagram -T "")"
	[ "$(complete_words bunkai analyze --fail-on w)" = warning ] && ok "completion: --fail-on values" ||
		not_ok "completion: --fail-on values" "$(complete_words bunkai analyze --fail-on w)"
	[ "$(complete_words bunkai export --fo)" = --force ] && ok "completion: a command's own option" ||
		not_ok "completion: a command's own option" "$(complete_words bunkai export --fo)"

	# The Excel libraries (and the libcrypto they bring), Graphviz, the
	# readers' and nettle are loaded by the commands that use them, not at
	# every start (model/util/dlib.h).
	if ldd "$B" >"$tmp/ldd" &&
		! grep -E 'libxlsxwriter|libzip|libcrypto|libgvc|libcgraph|libpathplan|libexpat|libcsv|libnettle' "$tmp/ldd"; then
		ok "the program starts without the Excel, Graphviz, reader and checksum libraries"
	else
		not_ok "the program links a library at start that only some commands use" "$(cat "$tmp/ldd")"
	fi

	# make install puts the program, its man page, the completion and the
	# docs under PREFIX; make uninstall takes them all away again.
	local root="$tmp/root"
	if make --no-print-directory install DESTDIR="$root" PREFIX=/usr >"$tmp/install.log" 2>&1 &&
		[ -x "$root/usr/bin/bunkai" ] && [ -s "$root/usr/share/man/man1/bunkai.1" ] &&
		[ -s "$root/usr/share/bash-completion/completions/bunkai" ] && [ -s "$root/usr/share/doc/bunkai/findings.md" ]; then
		ok "make install: program, man page, completion and docs"
	else
		not_ok "make install" "$(cat "$tmp/install.log"; find "$root" -type f | head)"
	fi
	# The installed program finds its installed catalog (PREFIX/share/locale).
	if [ -s "$root/usr/share/locale/ja/LC_MESSAGES/bunkai.mo" ] &&
		env -u LANGUAGE LANG=C.UTF-8 "$root/usr/bin/bunkai" check --lang ja fixtures/demo-hospital.json 2>&1 | grep -q "として正しい"; then
		ok "make install: the Japanese catalog, found by the installed program"
	else
		not_ok "make install: the Japanese catalog" "$(find "$root" -name '*.mo')"
	fi
	if make --no-print-directory uninstall DESTDIR="$root" PREFIX=/usr >"$tmp/install.log" 2>&1 &&
		[ -z "$(find "$root" -type f)" ]; then
		ok "make uninstall removes every installed file"
	else
		not_ok "make uninstall" "$(find "$root" -type f)"
	fi

	# A CSV folder's report carries the SHA-256 of its files' bytes, in the
	# fixed order of the ledgers, each after its name and a NUL (docs/report.md).
	local d=fixtures/csv/clinic-utf8 f want
	want=$(for f in organization vendors systems networks devices contracts subcontracts assignments remote_access interfaces device_checks accepted matrix; do
		[ -f "$d/$f.csv" ] && { printf '%s.csv\0' "$f"; cat "$d/$f.csv"; }
	done | sha256sum | cut -d' ' -f1)
	expect "report of a CSV folder" 0 "$B" report -o "$tmp/folder.html" "$d" &&
		has "the folder's report carries the hash of its files' bytes" "$want" "$tmp/folder.html"

	# --rules works in every analyzing command.
	expect "report --rules" 0 "$B" report --rules tests/rules/extra -o "$tmp/rules.html" fixtures/well-kept-hospital.json &&
		has "report shows a user rule's finding" "cloud-without-isms@v-b" "$tmp/rules.html"
	expect "matrix --rules" 0 "$B" matrix --rules tests/rules/extra fixtures/well-kept-hospital.json
	expect "diagram --rules with a broken rule: exit 2" 2 "$B" diagram --rules tests/rules/broken fixtures/well-kept-hospital.json

	# make bench's stopwatch: seconds and peak memory of the command, its
	# exit status passed on, the core it was asked to run on.
	if build/bench/timeit -c 0 -o "$tmp/t.txt" sh -c 'sleep 0.2; grep Cpus_allowed_list /proc/self/status' >"$tmp/t.out" &&
		awk '$1 >= 0.2 && $1 < 5 && $2 > 0 { ok = 1 } END { exit !ok }' "$tmp/t.txt" && grep -q "[[:space:]]0$" "$tmp/t.out"; then
		ok "timeit: time, memory, pinned to the core asked for"
	else
		not_ok "timeit: time, memory, pinned to the core asked for" "$(cat "$tmp/t.txt" "$tmp/t.out")"
	fi
	build/bench/timeit -o "$tmp/t.txt" sh -c 'exit 3'
	if [ $? = 3 ] && [ -s "$tmp/t.txt" ]; then
		ok "timeit: passes the command's exit status on"
	else
		not_ok "timeit: passes the command's exit status on"
	fi

	# The heap starts in huge pages (model/util/heap.h) where the kernel backs
	# advised memory with them; BUNKAI_PROFILE's last line says how much.
	BUNKAI_PROFILE=1 "$B" analyze --no-plan fixtures/demo-hospital.json -o - >/dev/null 2>"$tmp/profile"
	local huge thp
	huge=$(sed -n 's/^bunkai: profile: memory: \([0-9]*\) kB in huge pages, [0-9]* page faults in all$/\1/p' "$tmp/profile")
	thp=$(cat /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null)
	if [ -z "$huge" ]; then
		not_ok "BUNKAI_PROFILE ends with the memory line" "$(tail -3 "$tmp/profile")"
	elif [[ "$thp" == *"[always]"* || "$thp" == *"[madvise]"* ]]; then
		[ "$huge" -ge 2048 ] && ok "one hospital's heap is in huge pages from the start ($huge kB)" ||
			not_ok "one hospital's heap is in huge pages from the start" "$huge kB; THP: $thp"
	else
		ok "BUNKAI_PROFILE ends with the memory line (no huge pages here: $thp)"
	fi

	# The progress line: on a terminal, after about a second, then cleared;
	# never when stderr is not a terminal, or with --quiet. The run is made
	# long by its input arriving two seconds late through a pipe (the
	# analysis itself can end within the second on a fast machine).
	build/bench/gen_inventory 10000 >"$tmp/10k.json"
	script -qec "(sleep 2; cat $tmp/10k.json) | $B analyze --no-plan --fail-on none -f json -o $tmp/10k-tty.json -" /dev/null >"$tmp/tty.txt" 2>&1
	if grep -q "bunkai: reading" "$tmp/tty.txt" && grep -q $'\r\e\\[K' "$tmp/tty.txt" && [ -s "$tmp/10k-tty.json" ]; then
		ok "progress: a long run on a terminal shows its phase and clears the line"
	else
		not_ok "progress on a terminal" "$(od -c "$tmp/tty.txt" | head -5)"
	fi
	# A 10,000-device group's plan: over 300 actions, so they are grouped by kind.
	"$B" analyze --quiet --fail-on none -f json -o "$tmp/10k-report.json" "$tmp/10k.json"
	if jq -e '(.plan | length) > 0 and all(.plan[]; .target == "*" or .members == null) and any(.plan[]; .members > 1)' \
		"$tmp/10k-report.json" >/dev/null; then
		ok "a 10,000-device plan measures actions grouped by kind"
	else
		not_ok "a 10,000-device plan measures actions grouped by kind" "$(jq -c '[.plan[] | {id, members}]' "$tmp/10k-report.json")"
	fi
	if python3 tests/plan/check_edits.py "$B" "$tmp/10k.json" >"$tmp/edits" 2>&1; then
		ok "a 10,000-device plan: each group's edit has exactly the effect reported"
	else
		not_ok "a 10,000-device plan: a group's edit differs" "$(cat "$tmp/edits")"
	fi
	# The HTML report of a group stays light for a browser: groups start
	# closed, each shows at most 200 findings and counts the rest, the matrix
	# shows its first 30 tables; the JSON report has every finding.
	expect "report of a 10,000-device group" 0 "$B" report -o "$tmp/10k.html" "$tmp/10k.json"
	local total rows
	total=$(jq '.findings | length' "$tmp/10k-report.json")
	rows=$(grep -c '<tr class="\(error\|warning\|info\)"' "$tmp/10k.html")
	if ! grep -q 'open="open"' "$tmp/10k.html" && [ "$(grep -c '<table class="matrix"' "$tmp/10k.html")" = 30 ] &&
		grep -q '… and [0-9]* more systems' "$tmp/10k.html" &&
		[ "$rows" -lt "$total" ] &&
		[ $((rows + $(grep -o '… and [0-9]* more findings' "$tmp/10k.html" | awk '{s += $3} END {print s + 0}'))) = "$total" ]; then
		ok "a group's HTML report: closed groups, $rows of $total findings shown, the rest counted, 30 matrix tables"
	else
		not_ok "a group's HTML report is summarized" "rows $rows of $total; $(grep -o '… and [0-9]* more [a-z]*' "$tmp/10k.html" | head)"
	fi
	xmllint --noout "$tmp/10k.html" 2>"$tmp/err" && ok "a group's HTML report is well-formed" || not_ok "a group's HTML report is well-formed" "$(head "$tmp/err")"
	script -qec "(sleep 2; cat $tmp/10k.json) | $B analyze --quiet --no-plan --fail-on none -f json -o $tmp/10k-tty.json -" /dev/null >"$tmp/tty.txt" 2>&1
	if [ ! -s "$tmp/tty.txt" ]; then ok "progress: --quiet prints nothing"; else not_ok "progress: --quiet prints nothing" "$(od -c "$tmp/tty.txt" | head -3)"; fi
	(sleep 2; cat "$tmp/10k.json") | "$B" analyze --no-plan --fail-on none -f json -o "$tmp/10k-tty.json" - 2>"$tmp/err"
	if [ ! -s "$tmp/err" ]; then ok "progress: nothing when stderr is not a terminal"; else not_ok "progress: nothing when stderr is not a terminal"; fi
	rm -f "$tmp/10k.json" "$tmp/10k-report.json" "$tmp/10k-tty.json" "$tmp/10k.html"
}
