#!/usr/bin/python3
"""A folder of CSV ledgers as one workbook, written by openpyxl the way a
person keeps them in Excel: one sheet per ledger (named by its file, or with
--japanese by its Japanese name), dates as real date cells (yyyy/m/d), the
spreadsheet guard ' removed (Excel keeps text as text by the cell's type).

Usage: csv_to_xlsx.py FOLDER OUT.xlsx [--japanese] [--date1904]"""
import csv
import datetime
import os
import re
import sys

import openpyxl

JAPANESE = {"organization": "医療機関", "vendors": "事業者", "systems": "システム", "networks": "ネットワーク",
            "devices": "機器台帳", "contracts": "契約", "subcontracts": "再委託", "assignments": "項目ごとの担当",
            "remote_access": "リモート接続", "interfaces": "事業者間の取決め", "device_checks": "機器の確認",
            "accepted": "リスク受容", "matrix": "責任分界表"}
ORDER = ["organization", "vendors", "systems", "networks", "devices", "contracts", "subcontracts", "assignments",
         "remote_access", "interfaces", "device_checks", "accepted", "matrix"]


def main():
    folder, out = sys.argv[1], sys.argv[2]
    japanese = "--japanese" in sys.argv
    wb = openpyxl.Workbook()
    if "--date1904" in sys.argv:
        wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    wb.remove(wb.active)
    for stem in ORDER:
        path = os.path.join(folder, stem + ".csv")
        if not os.path.exists(path):
            continue
        ws = wb.create_sheet(JAPANESE[stem] if japanese else stem)
        with open(path, encoding="utf-8-sig", newline="") as f:
            for row in csv.reader(f):
                cells = []
                for v in row:
                    if v.startswith("'"):
                        v = v[1:]
                    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
                        cells.append(datetime.datetime.strptime(v, "%Y-%m-%d"))
                    else:
                        cells.append(v)
                ws.append(cells)
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, datetime.datetime):
                    c.number_format = "yyyy/m/d"
    wb.save(out)


main()
