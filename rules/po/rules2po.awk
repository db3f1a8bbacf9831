# The catalog entries of the rules (docs/i18n.md): each rule file's header
# gives its English text and, beside it, the Japanese —
#   -- fix: …            -- fix.ja: …
#   -- message KEY: …    -- message.ja KEY: …
# — and this prints them as PO entries, so the rule stays the one place that
# defines a finding. A missing or extra Japanese line is an error.
function esc(s) { gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); return s }
function flush(   k) {
	for (k in en) {
		if (!(k in ja)) { printf "%s: no Japanese for \"%s\"\n", file, k > "/dev/stderr"; bad = 1; continue }
		if (!(en[k] in seen)) {
			seen[en[k]] = 1
			printf "#: %s\nmsgid \"%s\"\nmsgstr \"%s\"\n\n", file, esc(en[k]), esc(ja[k])
		}
	}
	for (k in ja) if (!(k in en)) { printf "%s: Japanese for \"%s\" without English\n", file, k > "/dev/stderr"; bad = 1 }
	delete en; delete ja
}
FNR == 1 { if (file != "") flush(); file = FILENAME; header = 1 }
header && !/^--/ { header = 0 }
header && match($0, /^-- (fix|message)(\.ja)?( [a-z0-9-]+)?:/) {
	tag = substr($0, 4, RLENGTH - 4)
	text = substr($0, RLENGTH + 1); sub(/^[ \t]+/, "", text); sub(/[ \t\r]+$/, "", text)
	split(tag, part, " "); kind = part[1]; key = (2 in part) ? part[2] : ""
	delete part
	if (kind ~ /\.ja$/) { sub(/\.ja$/, "", kind); ja[kind " " key] = text } else en[kind " " key] = text
}
BEGIN { print "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n" }
END {
	if (file != "") flush()
	if (bad) exit 1
}
