#!/usr/bin/env python3
"""AVeriTeC sample (bench/averitec): how many numerical claims fact files can express, and how often factlint's
verdict agrees with the fact-checkers' label.

Runs ./factlint check on each encoded case (bench/averitec/cases/ID.json) with the default rules plus
bench/averitec/figures.yaml and the declared measures of bench/averitec/measures.yaml, one process per case, and compares the case's verdict with the gold label of
bench/averitec/sample.tsv:

    supported                               <-> claim.supported
    refuted                                 <-> claim.contradicted
    not enough information (the test split: not enough evidence), conflicting <-> undetermined

A case with several claims (a claim of several parts) is contradicted when any claim is, supported when all
are, else undetermined (conventional reading). A case factlint refuses (exit 2, an input error) counts as
encoded but not expressible, and as a miss. Prints expressible %, agreement %, and a table of misses; with -v, every case's verdict and reasons.

    python3 bench/averitec.py                   # the development sample, bench/averitec
    python3 bench/averitec.py --sample holdout  # the held-out sample, bench/averitec/holdout (blind encoding)
    python3 bench/averitec.py --rounded         # also the secondary reading: a bare '=' value read as '~'

A sample folder holds sample.tsv, cases/ and any number of YAML files (figures and declared measures) that join
the default rules; the held-out sample's YAML joins the development sample's. With --rounded, each case is run a
second time with every claim whose op is '=' and whose value is bare (a number, or {"percent": N} with no bound,
not a range) read with op '~' (factlint's "about": half its last non-zero digit either way), and both
agreements are printed: the conventions' own reading (C2: a bare number is exact) is the measurement, unless the
sample declares otherwise before its labels are joined: a line `# primary reading: rounded` in its sample.tsv
(the confirmation sample, bench/averitec/confirmation, pre-registered the rounded reading) makes the rounded reading
the measurement, implies --rounded, and reports the exact reading beside it.

    python3 bench/averitec.py --sample confirmation   # the confirmation sample (AVeriTeC train split, blind)
    python3 bench/averitec.py --sample third          # the third sample (train split, other pages, blind; rounded reading pre-registered)
    python3 bench/averitec.py --sample fourth         # the fourth sample (train split, other pages, blind; C10-C14)

A case with a claim that names a part no rule checks (`unchecked`, convention C14 of the fourth sample) is
"expressible with an unchecked part": when a sample has any, the counts without them (the fourth sample's
pre-registered measurement) and with them are printed beside the totals.
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
DEV = os.path.join(HERE, "averitec")
GOLD = {"supported": "supported", "refuted": "contradicted",
        "not enough information": "undetermined", "not enough evidence": "undetermined",
        "conflicting evidence/cherrypicking": "undetermined",
        "conflicting": "undetermined"}


def primary(sample):
    """The reading the sample pre-registered as its measurement: 'rounded' or 'exact' (the default)."""
    with open(os.path.join(sample, "sample.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("# primary reading:"):
                return line.split(":", 1)[1].strip()
    return "exact"


def rows(sample):
    with open(os.path.join(sample, "sample.tsv"), encoding="utf-8") as f:
        lines = [l for l in f if not l.startswith("#") and l.strip()]
    for r in csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        yield {"row": r[0], "id": r[1], "gold": r[2], "form": r[3], "encoded": r[4] == "yes", "note": r[5]}


def combine(verdicts):
    if "contradicted" in verdicts:
        return "contradicted"
    return "supported" if verdicts and all(v == "supported" for v in verdicts) else "undetermined"


def bare(value):
    """A value written with no hedge: a number, or a percentage or amount with no bound; not a range."""
    if isinstance(value, (int, float)):
        return True
    return isinstance(value, dict) and "bound" not in value and ("percent" in value or "amount" in value)


YES_NO = set()  # the yes/no measures the rule packs declare (yesNo:): a state has no rounding


def yes_no(yaml_paths):
    """The attributes the YAML files list under `yesNo:` (one flow list per file, as the vocabulary writes it)."""
    names = set()
    for y in yaml_paths:
        with open(y, encoding="utf-8") as f:
            for line in f:
                if line.startswith("yesNo:"):
                    names.update(x.strip() for x in line.split(":", 1)[1].strip().strip("[]").split(",") if x.strip())
    return names


def rounded(path, tmp):
    """The case with every '=' claim on a bare value read as '~' (the secondary reading), or None if none is. A claim
    on a yes/no measure (`yesNo:`, a state of 0 or 1) is left as it is: it has no rounding, and factlint takes only
    '=' and '!=' for it."""
    with open(path, encoding="utf-8") as f:
        case = json.load(f)
    changed = False
    for c in case.get("claims", []):
        if c.get("op") == "=" and bare(c.get("value")) and c.get("attribute") not in YES_NO:
            c["op"] = "~"
            changed = True
    return written(case, tmp, "rounded", path) if changed else None


def written(case, tmp, reading, path):
    """The case file of another reading, under tmp/READING/ with the case's own name."""
    out = os.path.join(tmp, reading, os.path.basename(path))
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        json.dump(case, f, indent=2)
    return out


def lenient(path, tmp, share):
    """Exploratory, never a measurement: the rounded case with a relative tolerance of `share` on every '=' or '~'
    claim on a bare non-zero value that has none (a fact-checker's leniency: "38 billion" for 37.3 billion). A claim
    on a yes/no measure is left as it is, as in rounded(): a state has no tolerance (factlint refuses one)."""
    with open(rounded(path, tmp) or path, encoding="utf-8") as f:
        case = json.load(f)
    changed = False
    for c in case.get("claims", []):
        v = c.get("value")
        if c.get("op") in ("=", "~") and bare(v) and "tolerance" not in c and c.get("attribute") not in YES_NO and (v.get("amount", v.get("percent")) if isinstance(v, dict) else v) != 0:
            c["tolerance"] = {"relative": share}
            changed = True
    return written(case, tmp, "lenient", path) if changed else None


def partial(path):
    """True when a claim of the case names a part no rule checks (`unchecked`)."""
    with open(path, encoding="utf-8") as f:
        return any("unchecked" in c for c in json.load(f).get("claims", []))


def run(path, rules, out):
    case_id = os.path.splitext(os.path.basename(path))[0]
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


def yaml_files(folder):
    return sorted(os.path.join(folder, n) for n in os.listdir(folder) if n.endswith(".yaml"))


def rules_for(sample, tmp):
    """The rules a sample is checked with, under tmp/rules: the default rules plus the development sample's YAML and
    the sample's own (named as AveritecSamplesTest names them); YES_NO is set to the yes/no measures they declare."""
    rules = os.path.join(tmp, "rules")
    shutil.copytree(os.path.join(ROOT, "rules"), rules)
    packs = yaml_files(DEV) + (yaml_files(sample) if sample != DEV else [])
    YES_NO.clear()
    YES_NO.update(yes_no(packs + yaml_files(os.path.join(ROOT, "rules", "vocabulary"))))
    for y in packs:
        prefix = "averitec-" if os.path.dirname(y) == DEV else "averitec-" + os.path.basename(sample) + "-"
        shutil.copy(y, os.path.join(rules, "vocabulary", prefix + os.path.basename(y)))
    return rules


def main():
    args = sys.argv[1:]
    sample = DEV
    if "--sample" in args:
        sample = os.path.join(DEV, args[args.index("--sample") + 1])
    reading = primary(sample)
    if reading not in ("exact", "rounded"):
        sys.exit(f"{sample}/sample.tsv: unknown primary reading {reading!r} (exact or rounded)")
    if reading == "rounded" and "--rounded" not in args:
        args.append("--rounded")
    tmp = tempfile.mkdtemp(prefix="factlint-averitec-")
    try:
        rules = rules_for(sample, tmp)
        all_rows = list(rows(sample))
        encoded = [r for r in all_rows if r["encoded"]]
        results = []
        for r in encoded:
            path = os.path.join(sample, "cases", r["id"] + ".json")
            verdict, reason = run(path, rules, os.path.join(tmp, "out"))
            alt = rounded(path, tmp) if "--rounded" in args else None
            alt_verdict = run(alt, rules, os.path.join(tmp, "out-rounded"))[0] if alt else verdict
            if "--lenient" in args:
                share = float(args[args.index("--lenient") + 1])
                soft = lenient(path, tmp, share)
                soft_verdict = run(soft, rules, os.path.join(tmp, "out-lenient"))[0] if soft else alt_verdict
                results.append((r, verdict, reason, alt_verdict, soft_verdict))
            else:
                results.append((r, verdict, reason, alt_verdict))
        n = len(all_rows)
        accepted = [x for x in results if x[1] != "input error"]
        agree = [x for x in results if x[1] == GOLD[x[0]["gold"]]]
        print(f"sample: {os.path.relpath(sample, ROOT)}")
        print(f"numerical claims in the sample: {n}")
        print(f"encoded as fact files + YAML figures: {len(encoded)} ({100 * len(encoded) / n:.1f} %)")
        print(f"expressible (encoded and accepted by factlint): {len(accepted)} ({100 * len(accepted) / n:.1f} %)")
        print(("secondary, exact reading (C2): " if reading == "rounded" else "") + f"verdict agrees with the label: {len(agree)} of {len(encoded)} encoded ({100 * len(agree) / max(1, len(encoded)):.1f} %), "
              f"{len([x for x in agree if x[1] != 'input error'])} of {len(accepted)} accepted "
              f"({100 * len(agree) / max(1, len(accepted)):.1f} %)")
        if "--rounded" in args:
            alt_agree = [x for x in results if x[3] == GOLD[x[0]["gold"]]]
            changed = [x for x in results if x[3] != x[1]]
            name = "MEASUREMENT, pre-registered rounded reading" if reading == "rounded" else "secondary reading"
            print(f"{name} (a bare '=' value read as '~'): agrees on {len(alt_agree)} of {len(accepted)} accepted "
                  f"({100 * len(alt_agree) / max(1, len(accepted)):.1f} %); verdict changed on {len(changed)}: "
                  + ", ".join(f"{x[0]['id']} {x[1]} -> {x[3]} (label {x[0]['gold']})" for x in changed))
        partials = {x[0]["id"] for x in accepted
                     if partial(os.path.join(sample, "cases", x[0]["id"] + ".json"))}
        if partials:
            final = 3 if "--rounded" in args and reading == "rounded" else 1
            whole = [x for x in accepted if x[0]["id"] not in partials]
            part = [x for x in accepted if x[0]["id"] in partials]
            def agrees(xs):
                return len([x for x in xs if x[final] == GOLD[x[0]["gold"]]])
            print(f"expressible without an unchecked part (C14): {len(whole)} ({100 * len(whole) / n:.1f} %); "
                  f"agrees ({reading} reading) on {agrees(whole)} of {len(whole)} "
                  f"({100 * agrees(whole) / max(1, len(whole)):.1f} %)")
            print(f"expressible with an unchecked part: {len(part)} ({', '.join(sorted(partials))}); "
                  f"agrees ({reading} reading) on {agrees(part)} of {len(part)}")
        if "--lenient" in args:
            share = args[args.index("--lenient") + 1]
            soft = [x for x in accepted if x[4] == GOLD[x[0]["gold"]]]
            changed = [x for x in accepted if x[4] != x[3]]
            print(f"LENIENT, never the measurement (exploratory in the fifth sample, a pre-registered secondary in the sixth):"
                  f" rounded reading with a relative tolerance of {share} on every bare"
                  f" value: agrees on {len(soft)} of {len(accepted)} accepted; verdict changed on {len(changed)}: "
                  + ", ".join(f"{x[0]['id']} {x[3]} -> {x[4]} (label {x[0]['gold']})" for x in changed))
        # the misses on the sample's primary reading (the exact verdict beside it when the two differ)
        primary_at = 3 if "--rounded" in args and reading == "rounded" else 1
        print()
        print(f"misses ({reading} reading):")
        print("row\tid\tgold\tfactlint\tform\treason")
        for x in results:
            r, verdict, reason = x[0], x[primary_at], x[2]
            shown = verdict if verdict == x[1] else f"{verdict} (exact reading: {x[1]})"
            if verdict != GOLD[r["gold"]]:
                print(f"{r['row']}\t{r['id']}\t{r['gold']}\t{shown}\t{r['form']}\t{reason}")
        if "-v" in args:
            print()
            print("every encoded case (reason: exact reading):")
            for x in results:
                r, verdict = x[0], x[primary_at]
                shown = verdict if verdict == x[1] else f"{verdict} (exact reading: {x[1]})"
                print(f"{r['row']}\t{r['id']}\t{r['gold']}\t{shown}\t{x[2]}")
        print()
        print("out of reach (not encoded):")
        for r in all_rows:
            if not r["encoded"]:
                print(f"{r['row']}\t{r['id']}\t{r['gold']}\t{r['form']}\t{r['note']}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
