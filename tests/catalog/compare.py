#!/usr/bin/env python3
"""rules/catalog.json against tests/catalog/transcription.tsv, field by field.

Every item of the catalog has its seven text fields as transcribed from
seed 004, the two hold the same items, and a field read from the plain
Part2 table (source Part2:LINE) is one the catalog's "follows" names.
Prints each difference; exit 1 if there is one.
"""
import collections
import json
import sys

FIELDS = ['section', 'category', 'title', 'content', 'risk', 'recommendation', 'references']
tsv, catalog = sys.argv[1], sys.argv[2]
rows = [l.rstrip('\n').split('\t') for l in open(tsv, encoding='utf-8') if not l.startswith('#')]
head, rows = rows[0], rows[1:]
assert head == ['id', 'field', 'source', 'value', 'note'], head
want = collections.OrderedDict()
for r in rows:
    want.setdefault(r[0], {})[r[1]] = (r[2], r[3])
items = {it['id']: it for it in json.load(open(catalog, encoding='utf-8'))['items']}
bad = 0
def fail(msg):
    global bad
    bad += 1
    print(msg)
for i in want.keys() - items.keys():
    fail(f'{i}: transcribed but not in the catalog')
for i in items.keys() - want.keys():
    fail(f'{i}: in the catalog but not transcribed')
for i, fields in want.items():
    it = items.get(i)
    if not it:
        continue
    for f in FIELDS:
        if f not in fields:
            fail(f'{i}: {f} not transcribed')
            continue
        src, value = fields[f]
        if it.get(f) != value:
            fail(f'{i}: {f} differs from the transcription ({src}):\n  catalog:       {it.get(f)}\n  transcription: {value}')
        follows = (it.get('follows') or {}).get(f, '')
        if src.startswith('Part2:') and not follows.startswith('the Part2 table'):
            fail(f'{i}: {f} is read from the plain Part2 table, but "follows" does not say so')
        if not src.startswith('Part2:') and follows.startswith('the Part2 table'):
            fail(f'{i}: "follows" names the Part2 table for {f}, but the transcription reads the 推奨 table')
print(f'{len(want)} items, {len(rows)} fields compared; {bad} differences')
sys.exit(1 if bad else 0)
