# Sourced by tests/run.sh: never damage what is already there (docs/output.md).
# Uses run.sh's helpers (ok, not_ok, expect, same, has) and $tmp.

# What -o does to each kind of thing at the path. Device nodes are made with
# mknod in a temporary folder: the real /dev is never named.
output_targets() {
	local B=$1 tag=$2 d="$tmp/targets-$2"
	rm -rf "$d" && mkdir -p "$d"
	local demo=fixtures/demo-hospital.json

	if [ "$(id -u)" = 0 ]; then
		mknod "$d/null" c 1 3 && mknod "$d/full" c 1 7 && mknod "$d/loop" b 7 0
		expect "$tag -o a character device (a null device) writes into it" 0 "$B" analyze --fail-on none -o "$d/null" "$demo"
		if [ -c "$d/null" ]; then ok "$tag the null device is still a device"; else not_ok "$tag the null device was replaced"; fi
		expect "$tag -o a full device: exit 3" 3 "$B" analyze --fail-on none -o "$d/full" "$demo"
		has "$tag full device message" "full: write failed: No space left on device" "$tmp/err"
		if [ -c "$d/full" ]; then ok "$tag the full device is still a device"; else not_ok "$tag the full device was replaced"; fi
		expect "$tag -o a block device is refused" 2 "$B" analyze --fail-on none -o "$d/loop" "$demo"
		has "$tag block device message" "loop: is a block device; -o takes a file name" "$tmp/err"
		if [ -b "$d/loop" ]; then ok "$tag the block device is untouched"; else not_ok "$tag the block device was replaced"; fi
		expect "$tag --db a device is refused" 2 "$B" analyze --fail-on none --db "$d/null" -o - "$demo"
		has "$tag --db device message" "null: is a character device; --db takes a file name" "$tmp/err"
		if [ -c "$d/null" ]; then ok "$tag --db left the device alone"; else not_ok "$tag --db replaced the device"; fi
	else
		echo "skip - $tag device nodes: not root (CI runs as root)"
	fi

	mkfifo "$d/fifo"
	timeout 30 cat "$d/fifo" >"$d/from-fifo" &
	local reader=$!
	expect "$tag -o a FIFO writes into it" 0 "$B" analyze --fail-on none -f json -o "$d/fifo" "$demo"
	wait "$reader"
	same "$tag the FIFO's reader got the whole report" tests/golden/demo-hospital.json "$d/from-fifo"
	if [ -p "$d/fifo" ]; then ok "$tag the FIFO is still a FIFO"; else not_ok "$tag the FIFO was replaced"; fi

	/usr/bin/python3 -c 'import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$d/sock"
	expect "$tag -o a socket is refused" 2 "$B" analyze --fail-on none -o "$d/sock" "$demo"
	has "$tag socket message" "sock: is a socket; -o takes a file name" "$tmp/err"
	if [ -S "$d/sock" ]; then ok "$tag the socket is untouched"; else not_ok "$tag the socket was replaced"; fi

	echo "secret" >"$d/target"
	ln -s target "$d/link"
	expect "$tag -o a symlink" 0 "$B" analyze --fail-on none -o "$d/link" "$demo"
	if [ ! -L "$d/link" ] && [ -f "$d/link" ] && [ "$(cat "$d/target")" = secret ]; then
		ok "$tag a symlink is replaced by the file, its target untouched"
	else
		not_ok "$tag a symlink is replaced by the file, its target untouched"
	fi

	# A link to the process's own standard output or error (what /dev/stdout
	# and /dev/fd/2 are; the real ones are never named): written to that
	# stream, the link left as it is; appended to under `>>`; --db refuses it.
	ln -s /proc/self/fd/1 "$d/stdout"
	expect "$tag -o a link to standard output" 0 "$B" analyze --fail-on none -f json -o "$d/stdout" "$demo" &&
		same "$tag the report went to standard output" tests/golden/demo-hospital.json "$tmp/out"
	if [ -L "$d/stdout" ] && [ "$(readlink "$d/stdout")" = /proc/self/fd/1 ]; then
		ok "$tag the link to standard output is still that link"
	else
		not_ok "$tag the link to standard output was replaced" "$(ls -l "$d/stdout")"
	fi
	echo first >"$d/appended.json"
	"$B" analyze --fail-on none -f json -o "$d/stdout" "$demo" >>"$d/appended.json"
	if [ "$(head -1 "$d/appended.json")" = first ] && tail -n +2 "$d/appended.json" | cmp -s - tests/golden/demo-hospital.json; then
		ok "$tag a link to standard output under >> appends"
	else
		not_ok "$tag a link to standard output under >> appends" "$(head -c 200 "$d/appended.json")"
	fi
	ln -s /proc/self/fd/2 "$d/stderr"
	"$B" analyze --fail-on none -f json -o "$d/stderr" "$demo" 2>"$d/from-stderr.json"
	same "$tag -o a link to standard error writes there" tests/golden/demo-hospital.json "$d/from-stderr.json"
	expect "$tag --db a link to standard output is refused" 2 "$B" analyze --fail-on none --db "$d/stdout" -o - "$demo"
	has "$tag --db standard output message" "stdout: is the standard output; --db takes a file name" "$tmp/err"
	if [ -L "$d/stdout" ]; then ok "$tag --db left the link alone"; else not_ok "$tag --db replaced the link"; fi

	echo old >"$d/private.txt"
	chmod 600 "$d/private.txt"
	[ "$(id -u)" = 0 ] && chown 4321:4322 "$d/private.txt"
	expect "$tag -o over a mode-600 file" 0 "$B" analyze --fail-on none -o "$d/private.txt" "$demo"
	if [ "$(stat -c %a "$d/private.txt")" = 600 ] && grep -q 'さくら総合病院' "$d/private.txt"; then
		ok "$tag a replaced file keeps its mode 600"
	else
		not_ok "$tag a replaced file keeps its mode 600 (now $(stat -c %a "$d/private.txt"))"
	fi
	if [ "$(id -u)" = 0 ]; then
		if [ "$(stat -c %u:%g "$d/private.txt")" = 4321:4322 ]; then ok "$tag run as root, a replaced file keeps its owner"; else not_ok "$tag a replaced file keeps its owner (now $(stat -c %u:%g "$d/private.txt"))"; fi
	fi
	touch "$d/model.db" && chmod 640 "$d/model.db"
	expect "$tag --db over a mode-640 file" 0 "$B" analyze --fail-on none --db "$d/model.db" -o - "$demo"
	if [ "$(stat -c %a "$d/model.db")" = 640 ] && [ "$(sqlite3 "$d/model.db" 'SELECT count(*) > 0 FROM findings')" = 1 ]; then
		ok "$tag --db replaces a database and keeps its mode"
	else
		not_ok "$tag --db replaces a database and keeps its mode"
	fi
	expect "$tag -o a folder: exit 2" 2 "$B" analyze --fail-on none -o "$d" "$demo"
	has "$tag folder message" "is a folder; -o takes a file name" "$tmp/err"
	expect "$tag -o '': exit 2" 2 "$B" analyze --fail-on none -o '' "$demo"
	has "$tag empty -o message" "bunkai: -o: empty path (use -o - for standard output)" "$tmp/err"
	expect "$tag -o in a folder that does not exist: exit 2" 2 "$B" analyze --fail-on none -o "$d/no/such/r.txt" "$demo"
	if ls "$d" | grep -q '\.tmp\.'; then not_ok "$tag no temporary file is left" "$(ls "$d")"; else ok "$tag no temporary file is left"; fi
}

# export and template: all or nothing, refuse to mix with old ledgers.
ledger_folders() {
	local B=$1 tag=$2 d="$tmp/ledgers-$2"
	rm -rf "$d" && mkdir -p "$d"

	mkdir "$d/t" && echo "mine" >"$d/t/devices.csv"
	expect "$tag template into a folder with a devices.csv: exit 2" 2 "$B" template "$d/t"
	has "$tag template refusal names the file" "already holds ledger files (devices.csv); nothing was written" "$tmp/err"
	if [ "$(ls "$d/t")" = devices.csv ] && [ "$(cat "$d/t/devices.csv")" = mine ]; then
		ok "$tag template wrote nothing"
	else
		not_ok "$tag template wrote nothing" "$(ls "$d/t")"
	fi

	"$B" template "$d/e" >/dev/null
	echo "notes" >"$d/e/notes.txt"
	expect "$tag export into a folder holding an old matrix.csv: exit 2" 2 "$B" export fixtures/demo-hospital.json "$d/e"
	if [ "$(ls "$d/e" | wc -l)" = 14 ] && grep -q '^#ehr' "$d/e/matrix.csv"; then ok "$tag refused export left the folder as it was"; else not_ok "$tag refused export left the folder as it was" "$(ls "$d/e")"; fi
	expect "$tag export --force" 0 "$B" export --force fixtures/demo-hospital.json "$d/e"
	if [ ! -e "$d/e/matrix.csv" ] && [ "$(cat "$d/e/notes.txt")" = notes ] && [ "$(ls "$d/e" | wc -l)" = 13 ]; then
		ok "$tag export --force removes the stale matrix.csv and keeps other files"
	else
		not_ok "$tag export --force removes the stale matrix.csv and keeps other files" "$(ls "$d/e")"
	fi
	# The same findings; the plan may differ (a folder's document has its
	# item lists expanded: docs/plan.md), so it is left out here.
	expect "$tag the forced folder analyzes like the inventory" 0 "$B" analyze --no-plan --fail-on none -f json "$d/e" &&
		same "$tag export --force then analyze gives the same report" tests/golden/demo-hospital.no-plan.json "$tmp/out"

	# A write that fails half-way (a file size limit of 8 KiB: the small
	# ledgers are written, devices.csv of 300 devices is not) leaves the old
	# set exactly as it was.
	cp -r "$d/e" "$d/before"
	build/bench/gen_inventory 300 >"$d/300.json"
	expect "$tag an export that fails half-way: exit 3" 3 bash -c 'trap "" XFSZ; ulimit -f 8; exec "$@"' _ \
		"$B" export --force "$d/300.json" "$d/e"
	has "$tag the failure names the file" "devices.csv: write failed: File too large" "$tmp/err"
	if diff -r "$d/before" "$d/e" >/dev/null && ! ls "$d" | grep -q '\.tmp\.'; then
		ok "$tag a failed export leaves the folder as it was and no stage behind"
	else
		not_ok "$tag a failed export leaves the folder as it was and no stage behind" "$(ls "$d"; diff -r "$d/before" "$d/e" | head)"
	fi
	expect "$tag export into a new folder" 0 "$B" export fixtures/demo-hospital.json "$d/new/"
	if [ "$(ls "$d/new" | wc -l)" = 12 ]; then ok "$tag a new folder gets the twelve ledgers"; else not_ok "$tag a new folder gets the twelve ledgers"; fi
	mkdir -p "$d/odd/devices.csv"
	expect "$tag export --force over a folder named devices.csv: exit 2" 2 "$B" export --force fixtures/demo-hospital.json "$d/odd"
	has "$tag not-a-file message" "odd/devices.csv: is not a file; bunkai will not replace it" "$tmp/err"
}

# CSV that a spreadsheet cannot turn into formulas or numbers, and import
# gives back exactly.
spreadsheet_cells() {
	local B=$1 tag=$2 d="$tmp/cells-$2"
	rm -rf "$d"
	local inv=tests/spreadsheet/spreadsheet-hostile.json
	expect "$tag export of spreadsheet-hostile names" 0 "$B" export "$inv" "$d"
	has "$tag a formula gets a leading '" "'=HYPERLINK(" "$d/organization.csv"
	has "$tag an id starting with - gets a leading '" "'-A1,'+81 3 1234 5678 電話保守" "$d/vendors.csv"
	has "$tag a name starting with ' then = gets another" ",''=1+2 引用符つき" "$d/vendors.csv"
	has "$tag a number-like id gets a leading '" "'007," "$d/devices.csv"
	has "$tag an ISO date stays a date" ",2024-04-01,2029-03-31,2024-03-15," "$d/contracts.csv"
	expect "$tag import of the guarded folder" 0 "$B" import "$d" -o "$tmp/cells.json"
	if [ "$(jq -r '.organization.name, .vendors[0].id, .vendors[2].name, .devices[0].id' "$tmp/cells.json" | tr '\n' '|')" = \
		"=HYPERLINK(\"http://example.invalid/?\"&A2,\"click me\")|-A1|'=1+2 引用符つき|007|" ]; then
		ok "$tag import removes exactly the guard"
	else
		not_ok "$tag import removes exactly the guard" "$(jq -c '[.organization.name, .vendors[0].id, .vendors[2].name, .devices[0].id]' "$tmp/cells.json")"
	fi
	expect "$tag analyze the guarded folder" 0 "$B" analyze --fail-on none -f json "$d"
	cp "$tmp/out" "$tmp/cells-report.json"
	expect "$tag analyze the original" 0 "$B" analyze --fail-on none -f json "$inv" &&
		same "$tag export then import of hostile cells is lossless" "$tmp/out" "$tmp/cells-report.json"
	for f in analyze matrix; do
		if [ $f = analyze ]; then "$B" analyze --fail-on none -f csv "$inv" >"$tmp/c.csv"; else "$B" matrix "$inv" >"$tmp/c.csv"; fi
		if grep -Eq '(^|,)"?[=+@-]' "$tmp/c.csv"; then
			not_ok "$tag $f csv: no cell starts with a formula character" "$(grep -E '(^|,)"?[=+@-]' "$tmp/c.csv" | head -3)"
		else
			ok "$tag $f csv: no cell starts with a formula character"
		fi
	done
}

# LibreOffice opens the exported CSV files and saves them again, as UTF-8 and
# as Shift_JIS; import of what it saved gives the same inventory.
spreadsheet_round_trip() {
	local lo
	lo=$(command -v soffice || command -v libreoffice || true)
	if [ -z "$lo" ]; then not_ok "LibreOffice: not installed (make test installs libreoffice-calc-nogui)"; return; fi
	local d="$tmp/lo" inv=tests/spreadsheet/spreadsheet-hostile.json
	rm -rf "$d" && mkdir -p "$d"
	build/bunkai export "$inv" "$d/exported" || { not_ok "LibreOffice: export"; return; }
	build/bunkai import "$d/exported" -o "$d/expected.json"
	local charset name
	for charset in 76 64; do
		name=$([ $charset = 76 ] && echo UTF-8 || echo Shift_JIS)
		mkdir -p "$d/saved-$charset"
		# Open as UTF-8 CSV (the BOM alone does not tell LibreOffice), save as CSV.
		timeout 300 "$lo" -env:UserInstallation="file://$d/profile" --headless --infilter=CSV:44,34,76,1 \
			--convert-to "csv:Text - txt - csv (StarCalc):44,34,$charset,1" --outdir "$d/saved-$charset" \
			"$d"/exported/*.csv >"$d/lo.log" 2>&1
		if [ "$(ls "$d/saved-$charset" | wc -l)" != "$(ls "$d/exported" | wc -l)" ]; then
			not_ok "LibreOffice: saved every exported ledger as $name" "$(cat "$d/lo.log")"
			continue
		fi
		ok "LibreOffice: opened and saved the $(ls "$d/exported" | wc -l) ledgers as $name"
		if grep -q "'=HYPERLINK" "$d/saved-$charset/organization.csv"; then
			ok "LibreOffice kept the formula as text ($name)"
		else
			not_ok "LibreOffice kept the formula as text ($name)" "$(cat "$d/saved-$charset/organization.csv")"
		fi
		if build/bunkai import "$d/saved-$charset" -o "$d/got-$charset.json" 2>"$d/err"; then
			same "LibreOffice round trip as $name keeps every value" "$d/expected.json" "$d/got-$charset.json"
		else
			not_ok "LibreOffice round trip as $name: import failed" "$(cat "$d/err")"
		fi
	done
}

# Input that would damage a terminal or flood it; exit codes of reading.
hostile_messages() {
	local B=$1 tag=$2
	/usr/bin/python3 - "$tmp/long-id.json" <<'EOF'
import json, sys
doc = {"format": "bunkai-inventory/1", "organization": {"id": "h", "name": "x"},
       "vendors": [{"id": "A" * 1000000 + "\u001b[2J", "name": "n"}]}
open(sys.argv[1], "w").write(json.dumps(doc))
EOF
	expect "$tag a 1 MB id is refused" 2 "$B" check "$tmp/long-id.json"
	if [ "$(wc -c <"$tmp/err")" -lt 300 ] && grep -q 'AAAA…": use 1-64' "$tmp/err"; then
		ok "$tag a 1 MB id is echoed as a short prefix with …"
	else
		not_ok "$tag a 1 MB id is echoed as a short prefix ($(wc -c <"$tmp/err") bytes)"
	fi
	expect "$tag check - with standard input closed: exit 3" 3 "$B" check - <&-
	has "$tag read error message" "bunkai: -: cannot read: Bad file descriptor" "$tmp/err"
	expect "$tag an unknown command with an escape sequence" 2 "$B" $'frob\e]0;owned\a'
	has "$tag the command is echoed escaped" 'bunkai: unknown command "frob\x1b]0;owned\x07"' "$tmp/err"

	# The as-of date is the local date: two zones 26 hours apart never share a day.
	local east west
	east=$(TZ=Pacific/Kiritimati "$B" analyze --fail-on none -f json tests/spreadsheet/no-as-of.json | jq -r .as_of)
	west=$(TZ=Etc/GMT+12 "$B" analyze --fail-on none -f json tests/spreadsheet/no-as-of.json | jq -r .as_of)
	if [ "$east" = "$(TZ=Pacific/Kiritimati date +%F)" ] && [ "$west" = "$(TZ=Etc/GMT+12 date +%F)" ] && [ "$east" != "$west" ]; then
		ok "$tag the default as-of date is the local date (TZ honoured: $east / $west)"
	else
		not_ok "$tag the default as-of date is the local date" "east $east west $west"
	fi

	# A remote target that is a vendor's id is drawn as not in the ledger.
	expect "$tag diagram of a path to a vendor id" 0 "$B" diagram -T dot tests/spreadsheet/target-is-vendor.json
	if grep -q '"v-a" -> "~unknown:v-b"' "$tmp/out" && ! grep -q '"v-a" -> "v-b"' "$tmp/out"; then
		ok "$tag a target that is a vendor's id goes to the not-in-the-ledger node"
	else
		not_ok "$tag a target that is a vendor's id goes to the not-in-the-ledger node" "$(grep -- '->' "$tmp/out")"
	fi
}

# A ledger over the row limit is reported at its file and line (plain build:
# a million rows under ASan takes too long for what it shows).
csv_row_limit() {
	local d="$tmp/rows"
	rm -rf "$d" && build/bunkai template "$d" >/dev/null
	printf '\xEF\xBB\xBF医療機関ID,医療機関名\r\nhosp,病院\r\n' >"$d/organization.csv"
	{ printf '\xEF\xBB\xBF機器ID,機器名,機器種別\r\n'; seq -f 'd%.0f,n,サーバ' 1 1000001; } >"$d/devices.csv"
	expect "devices.csv over the row limit: exit 2" 2 build/bunkai check "$d"
	same "the row limit names the file and line" <(echo "bunkai: $d/devices.csv:1000002: more than 1000000 entries (limit, see docs/limits.md)") "$tmp/err"
	rm -rf "$d"
}
