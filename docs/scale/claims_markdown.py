#!/usr/bin/env python3
"""Prints a run's claims as Markdown, one table per paper, from the run's metrics.json.

Usage: python3 docs/scale/claims_markdown.py RUN_FOLDER/metrics.json > claims.md
Works for single-seed and for --seeds runs (aggregated claims say "held in k of n seeds" in their detail).
"""
import json
import sys
from collections import defaultdict


def cell(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def main(path):
    with open(path, encoding="utf-8") as f:
        metrics = json.load(f)
    run = metrics["run"]
    by_paper = defaultdict(list)
    for name, exp in metrics["experiments"].items():
        for claim in exp.get("claims") or []:
            by_paper[claim["paper"]].append((name, claim))
    counts = defaultdict(int)
    for claims in by_paper.values():
        for _, c in claims:
            counts[c["verdict"]] += 1
    total = sum(counts.values())
    print(f"Run `{run.get('command', '')}`, profile {run.get('profile')}, "
          f"{len(metrics['experiments'])} experiments, {total} claims: "
          f"{counts['HELD']} held, {counts['FAILED']} failed, {counts['NOT_COMPARABLE']} not comparable.")
    for paper in sorted(by_paper):
        claims = by_paper[paper]
        held = sum(1 for _, c in claims if c["verdict"] == "HELD")
        print(f"\n### {paper} ({held} of {len(claims)} held)\n")
        print("| experiment | claim | paper | ours | verdict | rule |")
        print("|---|---|---|---|---|---|")
        for name, c in claims:
            print(f"| {cell(name)} | {cell(c['statement'])} | {cell(c.get('paper_figure') or '')} | "
                  f"{cell(c.get('ours') or '')} | **{c['verdict'].lower().replace('_', ' ')}** | {cell(c.get('detail') or '')} |")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: claims_markdown.py RUN_FOLDER/metrics.json")
    main(sys.argv[1])
