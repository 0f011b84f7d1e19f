#!/usr/bin/env python3
"""Writes counts.csv: CED047 (children looked after at 31 March with three or more placements in the year) for
2015/16 with a numerator and denominator for every authority, so that the measure's page can draw its funnel plot.
The figures are those already held (synthetic.csv; Halton's 4.4% and England's 11% from published.csv); the counts
are SYNTHETIC: each authority's children looked after at 31 March drawn at random (fixed seed), the numerator the
figure's share of them. Halton's 7 of 159 and England's 7,700 of 70,000 are chosen to give the printed 4.4% and 11%.
Run from this folder, after generate_synthetic.py: python3 generate_counts.py"""
import csv, math, random

random.seed(20160331)
REF, PERIOD = "CED047", "2015/16"
rows = [("CED047", "E06000006", "Halton", PERIOD, "4.4", "7", "159")]
for r in csv.reader(open("synthetic.csv", newline="", encoding="utf-8")):
    if r[0] != REF or r[3] != PERIOD or r[4] == "c":
        continue
    looked_after = max(40, round(math.exp(random.gauss(math.log(420), 0.6))))
    placed = round(float(r[4]) / 100 * looked_after)
    rows.append((REF, r[1], r[2], PERIOD, r[4], str(placed), str(looked_after)))
rows.append(("CED047", "E92000001", "England", PERIOD, "11", "7700", "70000"))

with open("counts.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["indicator", "area_code", "area_name", "period", "value", "numerator", "denominator"])
    w.writerows(rows)
