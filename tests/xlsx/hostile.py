#!/usr/bin/python3
"""Hostile workbooks, made from a valid one: each is written to OUTDIR with
the message bunkai must give (a line of OUTDIR/expect.tsv: file, then a
part of the message). Nothing of them is ever extracted to disk.

Usage: hostile.py VALID.xlsx OUTDIR"""
import os
import sys
import zipfile

valid, outdir = sys.argv[1], sys.argv[2]
os.makedirs(outdir, exist_ok=True)
src = zipfile.ZipFile(valid)
parts = {n: src.read(n) for n in src.namelist()}
sheet1 = "xl/worksheets/sheet1.xml"
expect = []


def write(name, changes, message, extra=None):
    with zipfile.ZipFile(os.path.join(outdir, name), "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            if n in changes:
                data = changes[n]
                if data is None:
                    continue
            z.writestr(n, data)
        for n, data in (extra or {}).items():
            z.writestr(n, data)
    expect.append((name, message))


wb = parts["xl/workbook.xml"].decode()
rels = parts["xl/_rels/workbook.xml.rels"].decode()
first_target = rels.split('Target="', 1)[1].split('"', 1)[0]

# Billion laughs: entities need a DOCTYPE, which is refused.
laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
          '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol2;</t></si></sst>')
write("entities.xlsx", {"xl/sharedStrings.xml": laughs}, "xl/sharedStrings.xml: line 1: a DOCTYPE declaration")
# A relationship that leaves the package, relative and absolute.
write("dotdot.xlsx", {"xl/_rels/workbook.xml.rels": rels.replace(first_target, "../../../etc/passwd", 1)},
      'its part "../../../etc/passwd" is not inside the workbook')
write("backslash.xlsx", {"xl/_rels/workbook.xml.rels": rels.replace(first_target, "..\\\\..\\\\x.xml", 1)},
      "is not inside the workbook")
# No workbook part: not a workbook (read as JSON, which it is not either).
write("no-workbook.xlsx", {"xl/workbook.xml": None}, "")
# A shared string index beyond the table, a cell reference beyond Excel.
sheet = parts[sheet1].decode()
write("bad-string.xlsx", {sheet1: sheet.replace("<v>0</v>", "<v>99999</v>", 1)}, "a shared string that does not exist")
write("bad-ref.xlsx", {sheet1: sheet.replace('r="A1"', 'r="ZZZZ1"', 1)}, 'cell reference "ZZZZ1" out of order or out of range')
# A value right of the column limit.
far = sheet.replace("</row>", '<c r="AMK1" t="inlineStr"><is><t>x</t></is></c></row>', 1)
write("far-column.xlsx", {sheet1: far}, "a value right of column 1024")
# A zip bomb: a sheet that unpacks to more than 256 MB.
bomb = os.path.join(outdir, "bomb.xlsx")
with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
    for n, data in parts.items():
        if n != sheet1:
            z.writestr(n, data)
    with z.open(sheet1, "w", force_zip64=True) as f:
        f.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
        chunk = b" " * (1 << 20)
        for _ in range(260):
            f.write(chunk)
        f.write(b"</sheetData></worksheet>")
expect.append(("bomb.xlsx", "more than 256 MB uncompressed"))
# Broken XML in a sheet.
write("broken-xml.xlsx", {sheet1: sheet[: len(sheet) // 2]}, "(sheet 医療機関): line 2: unclosed token")
# A truncated package.
data = open(valid, "rb").read()
open(os.path.join(outdir, "truncated.xlsx"), "wb").write(data[: len(data) // 2])
expect.append(("truncated.xlsx", ""))

with open(os.path.join(outdir, "expect.tsv"), "w") as f:
    for name, message in expect:
        f.write("%s\t%s\n" % (name, message))
