#!/usr/bin/python3
"""Fill bunkai's template workbook the way a person does in Excel, through
openpyxl: the ledgers of a CSV folder (what `bunkai export` writes for a
JSON fixture) typed into the template's sheets under their headers, below
the commented example, with

- dates as real date cells (and one typed as 令和 text, one as 2024年…);
- ○/△ and はい/いいえ as picked from the lists;
- サーバー where the fixed value is サーバ, ＭＦＡ in full-width letters;
- a line break (Alt+Enter) inside a name — bunkai reads it as a space.

Usage: fill_template.py TEMPLATE.xlsx FOLDER OUT.xlsx"""
import csv
import datetime
import os
import re
import sys

import openpyxl

SHEETS = {"organization": "医療機関", "vendors": "事業者", "systems": "システム", "networks": "ネットワーク",
          "devices": "機器台帳", "contracts": "契約", "subcontracts": "再委託", "assignments": "項目ごとの担当",
          "remote_access": "リモート接続", "interfaces": "事業者間の取決め", "device_checks": "機器の確認",
          "accepted": "リスク受容"}


def typed(value, n):
    """What a person types for a CSV value: the n-th date of the workbook
    in another of the ways dates are typed in Japan."""
    if value.startswith("'"):
        value = value[1:]
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        d = datetime.datetime.strptime(value, "%Y-%m-%d")
        if n % 5 == 1 and d >= datetime.datetime(2019, 5, 1):
            return "令和%d年%d月%d日" % (d.year - 2018, d.month, d.day)
        if n % 5 == 2:
            return "%d年%d月%d日" % (d.year, d.month, d.day)
        return d
    return {"サーバ": "サーバー", "mfa": "ＭＦＡ"}.get(value, value)


def main():
    template, folder, out = sys.argv[1:4]
    wb = openpyxl.load_workbook(template)
    dates = 0
    broke_a_name = False
    for stem, sheet in SHEETS.items():
        path = os.path.join(folder, stem + ".csv")
        if not os.path.exists(path):
            continue
        ws = wb[sheet]
        header = [c.value for c in ws[1]]
        with open(path, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
        col = {h: header.index(h) + 1 for h in rows[0]}
        for r, row in enumerate(rows[1:]):
            for h, v in zip(rows[0], row):
                if v == "":
                    continue
                value = typed(v, dates)
                if isinstance(value, datetime.datetime) or value != v:
                    dates += 1
                if h.endswith("名") and not broke_a_name and len(v) > 2:
                    value = v[:2] + "\n" + v[2:]  # Alt+Enter inside a name
                    broke_a_name = True
                ws.cell(row=3 + r, column=col[h], value=value)
    wb.save(out)


main()
