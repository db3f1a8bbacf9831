#!/usr/bin/python3
"""The 責任分界表 workbook (`bunkai matrix -f xlsx`) read back with an
independent reader (openpyxl) and compared with the matrix CSV and the
paths CSV of the same inventory:

- one sheet per system (the organization's item on 組織全体), then
  リモート経路; every CSV row is on its system's sheet with the same values
  (the parties' ○/△ in the columns the sheet shows, the dates as real
  dates, the count of reached devices as a number);
- ○/△ and はい/いいえ drop-down lists on the right cells;
- the header row frozen (with the first six columns), filtered, repeated on
  every printed page; A4 landscape, one page wide;
- rows with a gap filled in colour, the others not.

Usage: check_matrix.py BOOK.xlsx MATRIX.csv PATHS.csv. Prints one line;
exit 1 with the differences."""
import csv
import datetime
import re
import sys

import openpyxl

HEAD, TAIL = 6, 5
problems = []


def text(v):
    if v is None:
        return ""
    if isinstance(v, datetime.datetime):
        return v.strftime("%Y-%m-%d")
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def unguard(v):
    """A CSV cell without bunkai's spreadsheet guard (docs/csv-import.md):
    the workbook's cells are typed, so they carry none."""
    rest = v[1:]
    if v.startswith("'") and (rest[:1] in ("=", "+", "-", "@", "\t", "\r") or re.fullmatch(r"[0-9][0-9.,:eE+-]*", rest)
                              or rest.upper() in ("TRUE", "FALSE")):
        return rest
    return v


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return [[unguard(v) for v in r] for r in csv.reader(f)]


def expect(cond, msg):
    if not cond:
        problems.append(msg)


def lists(ws):
    """cell -> the values of its drop-down list."""
    out = {}
    for dv in ws.data_validations.dataValidation:
        values = tuple(dv.formula1.strip('"').split(","))
        for rng in dv.sqref.ranges:
            for row in range(rng.min_row, rng.max_row + 1):
                for col in range(rng.min_col, rng.max_col + 1):
                    out[(row, col)] = values
    return out


def check_print(ws, last_col):
    ps = ws.page_setup
    expect(ps.orientation == "landscape", "%s: not landscape" % ws.title)
    expect(str(ps.paperSize) == "9", "%s: paper %s, not A4 (9)" % (ws.title, ps.paperSize))
    expect(ws.sheet_properties.pageSetUpPr.fitToPage and ps.fitToWidth in (None, 1) and ps.fitToHeight == 0,
           "%s: not one page wide" % ws.title)
    expect(ws.print_title_rows == "$1:$1", "%s: header row not repeated (%s)" % (ws.title, ws.print_title_rows))
    expect(ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:" + last_col),
           "%s: autofilter %s" % (ws.title, ws.auto_filter.ref))


def main():
    book, matrix_csv, paths_csv = sys.argv[1:4]
    wb = openpyxl.load_workbook(book)
    rows = read_csv(matrix_csv)
    head, body = rows[0], rows[1:]
    parties = head[HEAD:len(head) - TAIL]
    # The sheet of each system, in the CSV's order.
    order = []
    for r in body:
        if r[0] not in order:
            order.append(r[0])
    expect(wb.sheetnames[-1] == "リモート経路", "last sheet %s" % wb.sheetnames[-1])
    expect(len(wb.sheetnames) == len(order) + 1, "sheets %s for systems %s" % (wb.sheetnames, order))
    checked = 0
    for sheet, system in zip(wb.sheetnames, order):
        ws = wb[sheet]
        want = [r for r in body if r[0] == system]
        got_head = [text(c.value) for c in ws[1]]
        shown = [p for p in parties if p in got_head]
        expect(got_head == head[:HEAD] + shown + head[len(head) - TAIL:],
               "%s: header %s" % (sheet, got_head))
        expect(ws.freeze_panes == "G2", "%s: frozen at %s" % (sheet, ws.freeze_panes))
        check_print(ws, openpyxl.utils.get_column_letter(len(got_head)))
        dl = lists(ws)
        expect(ws.max_row == len(want) + 1, "%s: %d rows for %d" % (sheet, ws.max_row - 1, len(want)))
        for i, r in enumerate(want):
            row = i + 2
            cells = [ws.cell(row=row, column=c + 1) for c in range(len(got_head))]
            got = [text(c.value) for c in cells]
            exp = r[:HEAD] + [r[HEAD + parties.index(p)] for p in shown] + r[len(r) - TAIL:]
            expect(got == exp, "%s row %d: %s != %s" % (sheet, row, got, exp))
            for k in (len(got_head) - TAIL + 1, len(got_head) - TAIL + 2):  # 初回確認日, 完了日
                v = cells[k].value
                expect(v is None or isinstance(v, datetime.datetime), "%s row %d: a date as text: %r" % (sheet, row, v))
            for k in range(HEAD, HEAD + len(shown)):
                expect(dl.get((row, k + 1)) == ("○", "△"), "%s row %d col %d: no ○/△ list" % (sheet, row, k + 1))
            expect(dl.get((row, len(got_head) - TAIL + 1)) == ("はい", "いいえ"), "%s row %d: no はい/いいえ list" % (sheet, row))
            fill = cells[0].fill.fgColor.rgb if cells[0].fill and cells[0].fill.fill_type else None
            gap = r[-1] != ""
            expect(bool(fill) == gap, "%s row %d: gap %r but fill %r" % (sheet, row, r[-1], fill))
            checked += 1
    expect(checked == len(body), "%d of %d rows checked" % (checked, len(body)))
    ws = wb["リモート経路"]
    prow = read_csv(paths_csv)
    got = [[text(c.value) for c in r] for r in ws.iter_rows(min_row=1, max_row=ws.max_row)]
    expect(got == prow, "paths: %s != %s" % (got[:3], prow[:3]))
    for r in range(2, ws.max_row + 1):
        expect(isinstance(ws.cell(row=r, column=6).value, (int, float)), "paths row %d: count as text" % r)
    check_print(ws, openpyxl.utils.get_column_letter(len(prow[0])))
    print("%d sheets, %d matrix rows and %d paths equal to the CSV; lists, frozen header, filter and print set"
          % (len(wb.sheetnames), checked, len(prow) - 1))
    for p in problems[:20]:
        print("  " + p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
