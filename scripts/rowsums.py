#!/usr/bin/env python3
"""The comparison of `npm run bench`: what a finance bureau might write in an afternoon instead of
budget-check. Reads the text form of the disclosures (*.md / *.txt, tab-separated table rows) and checks
with Decimal, standard library only:
  - row totals of 表3, 表7, 表8: 支出总计 = 基本支出 + 项目支出, per unit and code row;
  - 类/款/项 sums of 表3 and 表7 (3-digit = sum of its 5-digit codes, 5-digit = sum of its 7-digit codes)
    and 类/款 of 表8 (301 = sum of 301xx), within each unit;
a difference counts when it is beyond what rounding explains (half a unit of the last printed decimal
per figure). No text, no other table, no interval reasoning across identities.
Usage: python3 scripts/rowsums.py <folder or file>...   Prints one JSON line of counts.
"""
import json
import os
import re
import sys
from decimal import Decimal

TABLE = re.compile(r"^表\s*(\d+)\s*$")
NUMBER = re.compile(r"^-?\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^-?\d+(?:\.\d+)?$")
CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")


def amount(text):
    t = text.strip().replace(" ", "")
    if not NUMBER.match(t):
        return None
    plain = t.replace(",", "")
    return Decimal(plain), len(plain.split(".")[1]) if "." in plain else 0


def half(decimals):
    return Decimal(5) / Decimal(10) ** (decimals + 1)


def beyond_rounding(total, parts):
    diff = total[0] - sum((p[0] for p in parts), Decimal(0))
    tolerance = half(total[1]) + sum((half(p[1]) for p in parts), Decimal(0))
    return abs(diff) > tolerance


def check_file(path, counts):
    with open(path, encoding="utf-8-sig") as f:
        lines = f.read().split("\n")
    table = None
    unit = None
    rows = {}  # (table, unit) -> {code: (total, basic, project)}
    for line in lines:
        m = TABLE.match(line)
        if m:
            table = int(m.group(1))
            continue
        if table not in (3, 7, 8) or "\t" not in line:
            continue
        cells = line.split("\t")
        if len(cells) < 6:
            continue
        figures = [amount(c) for c in cells[3:6]]
        if any(f is None for f in figures):
            continue
        counts["rows"] += 1
        if cells[0].strip():
            unit = cells[0].strip()
            code = None
        else:
            code = cells[1].strip()
            if not CODE.match(code):
                continue
            rows.setdefault((table, unit), {})[code] = figures
        counts["identities"] += 1
        if beyond_rounding(figures[0], figures[1:]):
            counts["discrepancies"] += 1
    for (table, _unit), codes in rows.items():
        for parent in codes:
            children = [c for c in codes if len(c) == len(parent) + 2 and c.startswith(parent)]
            if not children:
                continue
            for col in range(3):
                counts["identities"] += 1
                if beyond_rounding(codes[parent][col], [codes[c][col] for c in children]):
                    counts["discrepancies"] += 1
    counts["documents"] += 1


def main(argv):
    counts = {"documents": 0, "rows": 0, "identities": 0, "discrepancies": 0}
    for arg in argv:
        if os.path.isdir(arg):
            for folder, _dirs, files in sorted(os.walk(arg)):
                for name in sorted(files):
                    if name.endswith((".md", ".txt")):
                        check_file(os.path.join(folder, name), counts)
        else:
            check_file(arg, counts)
    print(json.dumps(counts))


if __name__ == "__main__":
    main(sys.argv[1:])
