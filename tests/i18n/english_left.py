#!/usr/bin/env python3
"""Print every English sentence left in a Japanese output (exit 1 if any).

An English sentence is a run of three or more English words. What may stay
English is removed first: the ids of the inventory, the finding codes and
ids, file names, options and command lines, markup (HTML tags, CSS, scripts,
SVG), and the allow-list of tests/i18n/allowed.txt (product names, format
names, the checklist's own English). Usage: english_left.py IDS FILE...
where IDS is a file of ids, one per line.
"""
import html
import re
import sys

here = sys.argv[0].rsplit('/', 1)[0]
allowed = [l.rstrip('\n') for l in open(here + '/allowed.txt', encoding='utf-8')
           if l.strip() and not l.startswith('#')]
ids = {l.strip() for l in open(sys.argv[1], encoding='utf-8') if l.strip()}
sentence = re.compile(r"[A-Za-z][A-Za-z'’]*(?:[ \t]+[A-Za-z][A-Za-z'’]*){2,}")
found = 0
for path in sys.argv[2:]:
    text = open(path, encoding='utf-8', errors='replace').read()
    if '<html' in text or '<svg' in text:
        text = re.sub(r'(?s)<(style|script)\b.*?</\1>', ' ', text)
        text = re.sub(r'(?s)<!--.*?-->', ' ', text)
        text = re.sub(r'<[^>]*>', ' ', text)
        text = html.unescape(text)
    for line in text.split('\n'):
        s = line
        for a in allowed:
            s = s.replace(a, ' ')
        # command lines and their placeholders: "bunkai analyze INVENTORY"
        s = re.sub(r'\bbunkai [a-z]+\b', ' ', s)
        s = re.sub(r'\b[A-Z][A-Z_]{1,}\b', ' ', s)
        # ids, codes, paths, options, placeholders: tokens with - _ . / @ $ [ or digits
        s = re.sub(r'\S*[-_./@$\[\]=*:#%`0-9]\S*', ' ', s)
        s = ' '.join(w for w in s.split(' ') if w.strip('(),;"「」') not in ids)
        for m in sentence.finditer(s):
            print(f'{path}: {m.group(0)!r} in: {line.strip()[:160]}')
            found += 1
sys.exit(1 if found else 0)
