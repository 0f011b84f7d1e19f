#!/usr/bin/env python3
"""Writes synthetic.csv: SYNTHETIC benchmark values for every authority except Halton (and no England or region
figures, which are published ones in published.csv). Deterministic (fixed seed). The ten statistical neighbours'
values are shifted so that their mean is exactly the statistical-neighbour average printed in the Q2 2015/16 report
(CED033 85%, CED036 14%, CED047 10%; docs/sources.md, the Q2 2015/16 report's chart tables), so the computed average agrees with the published one.
Run from this folder: python3 generate_synthetic.py"""
import csv, random

random.seed(20151231)
INDICATORS = {  # ref: (periods, centre, spread, decimals, published neighbours' average)
    "CED033": (["2013/14", "2014/15", "2015/16"], 82, 6, 0, 85),
    "CED036": (["2012/13", "2013/14", "2014/15", "2015/16"], 15, 4.5, 1, 14),
    "CED047": (["2011/12", "2012/13", "2013/14", "2014/15", "2015/16"], 11, 2.5, 1, 10),
    # Report-card measures: no published comparator, so no constraint; Halton's own figure comes from its plan.
    "CED006": (["2014/15"], 85, 4, 0, None),
    "CED007": (["2014/15"], 55, 6, 0, None),
    "CED049": (["2014/15"], 80, 8, 0, None),
    "CED050": (["2014/15"], 50, 9, 0, None),
}
HOME = "E06000006"
areas = [r for r in csv.DictReader(open("areas.csv", newline="", encoding="utf-8")) if r["region_code"]]
neighbours = next(csv.DictReader(open("neighbours.csv", newline="", encoding="utf-8")))["members"].split(",")

rows = []
for ref, (periods, centre, spread, dp, sn_average) in INDICATORS.items():
    for period in periods:
        values = {}
        for a in areas:
            if a["code"] == HOME:
                continue
            v = max(0.0, min(100.0, random.gauss(centre, spread)))
            values[a["code"]] = round(v, dp)
        if sn_average is None:
            nv = [values[c] for c in neighbours]
        else:
          # Shift the neighbours so that their mean is the published figure, then fix the rounding residue on the last.
          scale = 10 ** dp
          nv = [values[c] for c in neighbours]
          shift = sn_average - sum(nv) / len(nv)
          nv = [round(v + shift, dp) for v in nv]
          # A percentage cannot pass 100: clamp and give the excess to the lowest value.
          nv = [min(v, 100.0) for v in nv]
          residue = round(sn_average * len(nv) - sum(nv), dp)
          low = nv.index(min(nv))
          nv[low] = round(nv[low] + residue, dp)
          assert round(sum(nv) * scale) == round(sn_average * len(nv) * scale), (ref, period, nv)
        for c, v in zip(neighbours, nv):
            values[c] = v
        for a in areas:
            if a["code"] == HOME:
                continue
            v = values[a["code"]]
            text = ("%." + str(dp) + "f") % v
            # Small authorities' cells are suppressed in the published tables: shown here as c (confidential).
            if a["code"] in ("E06000053", "E09000001"):
                text = "c"
            rows.append((ref, a["code"], a["name"], period, text))

with open("synthetic.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["indicator", "area_code", "area_name", "period", "value"])
    w.writerows(rows)
print(len(rows), "synthetic rows")
