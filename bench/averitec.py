#!/usr/bin/env python3
"""AVeriTeC sample (bench/averitec): how many numerical claims fact files can express, and how often factlint's
verdict agrees with the fact-checkers' label.

Runs ./factlint check on each encoded case (bench/averitec/cases/ID.json) with the default rules plus
bench/averitec/figures.yaml and the declared measures of bench/averitec/measures.yaml, one process per case, and compares the case's verdict with the gold label of
bench/averitec/sample.tsv:

    supported                               <-> claim.supported
    refuted                                 <-> claim.contradicted
    not enough information, conflicting     <-> undetermined

A case with several claims (a claim of several parts) is contradicted when any claim is, supported when all
are, else undetermined (conventional reading). A case factlint refuses (exit 2, an input error) counts as
encoded but not expressible, and as a miss. Prints expressible %, agreement %, and a table of misses; with -v, every case's verdict and reasons.
"""
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SAMPLE = os.path.join(HERE, "averitec", "sample.tsv")
CASES = os.path.join(HERE, "averitec", "cases")
FIGURES = os.path.join(HERE, "averitec", "figures.yaml")
MEASURES = os.path.join(HERE, "averitec", "measures.yaml")
GOLD = {"supported": "supported", "refuted": "contradicted",
        "not enough information": "undetermined", "conflicting evidence/cherrypicking": "undetermined",
        "conflicting": "undetermined"}


def rows():
    with open(SAMPLE, encoding="utf-8") as f:
        lines = [l for l in f if not l.startswith("#") and l.strip()]
    for r in csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        yield {"row": r[0], "id": r[1], "gold": r[2], "form": r[3], "encoded": r[4] == "yes", "note": r[5]}


def combine(verdicts):
    if "contradicted" in verdicts:
        return "contradicted"
    return "supported" if verdicts and all(v == "supported" for v in verdicts) else "undetermined"


def run(case_id, rules, out):
    path = os.path.join(CASES, case_id + ".json")
    dest = os.path.join(out, case_id) + os.sep
    p = subprocess.run([os.path.join(ROOT, "factlint"), "check", path, "--rules", rules, "--format", "json",
                        "-o", dest], cwd=ROOT, capture_output=True, text=True)
    if p.returncode == 2:
        lines = [l for l in (p.stdout + p.stderr).splitlines() if l.strip() and not l.startswith("factlint:")]
        return "input error", lines[0] if lines else "exit 2"
    if p.returncode not in (0, 1):
        sys.exit(f"{path}: factlint exited {p.returncode}\n{p.stderr}")
    with open(os.path.join(dest, "factlint.json"), encoding="utf-8") as f:
        claims = json.load(f)["claims"]
    return combine([c["verdict"] for c in claims]), "; ".join(c["ref"].split("#")[1] + ": " + c["reason"] for c in claims)


def main():
    tmp = tempfile.mkdtemp(prefix="factlint-averitec-")
    try:
        rules = os.path.join(tmp, "rules")
        shutil.copytree(os.path.join(ROOT, "rules"), rules)
        shutil.copy(FIGURES, os.path.join(rules, "vocabulary", "averitec-figures.yaml"))
        shutil.copy(MEASURES, os.path.join(rules, "vocabulary", "averitec-measures.yaml"))
        all_rows = list(rows())
        encoded = [r for r in all_rows if r["encoded"]]
        results = []
        for r in encoded:
            verdict, reason = run(r["id"], rules, os.path.join(tmp, "out"))
            results.append((r, verdict, reason))
        n = len(all_rows)
        accepted = [x for x in results if x[1] != "input error"]
        agree = [x for x in results if x[1] == GOLD[x[0]["gold"]]]
        print(f"numerical claims in the sample: {n}")
        print(f"encoded as fact files + YAML figures: {len(encoded)} ({100 * len(encoded) / n:.1f} %)")
        print(f"expressible (encoded and accepted by factlint): {len(accepted)} ({100 * len(accepted) / n:.1f} %)")
        print(f"verdict agrees with the label: {len(agree)} of {len(encoded)} encoded ({100 * len(agree) / len(encoded):.1f} %), "
              f"{len([x for x in agree if x[1] != 'input error'])} of {len(accepted)} accepted "
              f"({100 * len(agree) / max(1, len(accepted)):.1f} %)")
        print()
        print("misses:")
        print("row\tid\tgold\tfactlint\tform\treason")
        for r, verdict, reason in results:
            if verdict != GOLD[r["gold"]]:
                print(f"{r['row']}\t{r['id']}\t{r['gold']}\t{verdict}\t{r['form']}\t{reason}")
        if "-v" in sys.argv[1:]:
            print()
            print("every encoded case:")
            for r, verdict, reason in results:
                print(f"{r['row']}\t{r['id']}\t{r['gold']}\t{verdict}\t{reason}")
        print()
        print("out of reach (not encoded):")
        for r in all_rows:
            if not r["encoded"]:
                print(f"{r['row']}\t{r['id']}\t{r['gold']}\t{r['form']}\t{r['note']}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
