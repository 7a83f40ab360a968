#!/usr/bin/env python3
"""Summarises bench/dashboard samples (samples.tsv) by step over every role and language: the
slowest cold time, the highest warm median of any role and language, and the slowest warm time.
With two files, the same for each side by side (before, after). Usage: summary.py A.tsv [B.tsv]"""
import csv
import statistics
import sys


def load(path):
    steps = {}
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            runs = steps.setdefault(row["step"], {}).setdefault((row["role"], row["lang"]), [])
            runs.append((int(row["round"]), float(row["ms"])))
    summary = {}
    for step, runs in steps.items():
        cold, medians, warm_max = [], [], []
        for samples in runs.values():
            samples.sort()
            cold.append(samples[0][1])
            warm = [ms for r, ms in samples if r > 0]
            if warm:
                medians.append(statistics.median(warm))
                warm_max.append(max(warm))
        summary[step] = (max(cold), max(medians) if medians else None, max(warm_max) if warm_max else None)
    return summary


def cell(value):
    return "–" if value is None else f"{value:,.0f}"


tables = [load(path) for path in sys.argv[1:]]
columns = ["cold (slowest)", "warm median (highest)", "warm max"]
header = ["step"] + [f"{c}{' ' + str(i + 1) if len(tables) > 1 else ''}" for i in range(len(tables)) for c in columns]
print("| " + " | ".join(header) + " |")
print("| --- " + "| ---: " * (len(header) - 1) + "|")
for step in tables[-1]:
    cells = [step]
    for table in tables:
        cells += [cell(v) for v in table.get(step, (None, None, None))]
    print("| " + " | ".join(cells) + " |")
