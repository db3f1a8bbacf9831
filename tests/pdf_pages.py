#!/usr/bin/python3
"""The pages of a PDF as tests read them: "N (0, 0, W, H) …" — the count of
pages and each distinct page size in points, rounded (A4 landscape is
(0, 0, 842, 595), A3 landscape (0, 0, 1191, 842)).

Usage: pdf_pages.py FILE.pdf"""
import re
import sys

data = open(sys.argv[1], "rb").read()
pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
boxes = {tuple(round(float(v)) for v in m.split()) for m in re.findall(rb"/MediaBox\s*\[\s*([0-9. ]+?)\s*\]", data)}
print(pages, *sorted(boxes))
