#!/usr/bin/python3
"""The gap report as a workbook (`bunkai analyze -f xlsx`) read back with
openpyxl and compared with the other formats of the same run:

- the plan's sheet (when the JSON report has a plan): one row per step in
  order, its title, id, and as numbers the counts of the findings it is the
  cause of (what it resolves first) by severity and of what it introduces;
- the findings' sheet: the CSV report's columns and rows, cell by cell
  (accepted_until a real date), errors filled light red and warnings light
  yellow, accepted findings not filled;
- the paths' sheet: the paths CSV;
- every sheet frozen under its header, filtered, A4 landscape one page wide.

Usage: check_report.py BOOK.xlsx REPORT.json REPORT.csv PATHS.csv."""
import datetime
import json
import sys

import openpyxl

sys.path.insert(0, sys.path[0])
from check_matrix import check_print, expect, problems, read_csv, text  # noqa: E402


def fill(cell):
    return cell.fill.fgColor.rgb if cell.fill and cell.fill.fill_type else None


def main():
    book, report_json, report_csv, paths_csv = sys.argv[1:5]
    wb = openpyxl.load_workbook(book)
    rep = json.load(open(report_json))
    plan = rep.get("plan") or []
    names = wb.sheetnames
    expect(len(names) == (3 if plan else 2), "sheets %s" % names)
    if plan:
        ws = wb[names[0]]
        expect(ws.max_row == len(plan) + 1, "plan: %d rows for %d steps" % (ws.max_row - 1, len(plan)))
        for k, step in enumerate(plan):
            row = [c.value for c in ws[k + 2]]
            # What the step resolves first: the findings it is the cause of.
            counts = [sum(1 for f in rep["findings"] if f.get("cause") == step["id"] and f["severity"] == s)
                      for s in ("error", "warning", "info")]
            expect(row[0] == k + 1 and row[1] == step["title"] and row[7] == step["id"],
                   "plan step %d: %s" % (k + 1, row))
            expect(row[3:6] == counts and row[6] == len(step["introduces"]),
                   "plan step %d counts %s, want %s and %d" % (k + 1, row[3:7], counts, len(step["introduces"])))
        expect(ws.freeze_panes == "C2", "plan frozen at %s" % ws.freeze_panes)
        check_print(ws, "H")
    ws = wb[names[-2]]
    want = read_csv(report_csv)
    got = [[text(c.value) for c in r] for r in ws.iter_rows(min_row=1, max_row=ws.max_row)]
    first = next(((g, w) for g, w in zip(got, want) if g != w), (len(got), len(want)))
    expect(got == want, "findings differ from the CSV: first %r" % (first,))
    for r in range(2, ws.max_row + 1):
        sev, acc = ws.cell(row=r, column=3).value, ws.cell(row=r, column=13).value
        expect(acc is None or isinstance(acc, datetime.datetime), "row %d: accepted_until as text" % r)
        colour = fill(ws.cell(row=r, column=1))
        expect(bool(colour) == (acc is None and sev in ("error", "warning")),
               "row %d: %s %s filled %r" % (r, sev, "accepted" if acc else "open", colour))
    expect(ws.freeze_panes == "B2", "findings frozen at %s" % ws.freeze_panes)
    check_print(ws, "P")
    ws = wb[names[-1]]
    expect(ws.title == "リモート経路", "last sheet %s" % ws.title)
    got = [[text(c.value) for c in r] for r in ws.iter_rows(min_row=1, max_row=ws.max_row)]
    expect(got == read_csv(paths_csv), "paths differ from the CSV")
    print("%d sheets: %d plan steps, %d findings and %d paths equal to the JSON and CSV reports"
          % (len(names), len(plan), len(want) - 1, len(got) - 1))
    for p in problems[:20]:
        print("  " + p)
    sys.exit(1 if problems else 0)


main()
