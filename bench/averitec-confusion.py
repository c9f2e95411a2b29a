#!/usr/bin/env python3
"""Where the misses fall: for each labelled sample named, and pooled over them, the table of the fact-checkers'
labels against factlint's verdicts, on each sample's pre-registered reading (bench/averitec.py's measurement: the
rounded reading where sample.tsv says `# primary reading: rounded`), over the cases factlint accepts that name no
part no rule checks (`unchecked`). A description of the data, never a measurement of its own; the counts it uses are
the ones AveritecSamplesTest pins.

    python3 bench/averitec-confusion.py holdout confirmation third fourth fifth sixth seventh eighth ninth

Rows are the labels (conflicting and not enough evidence apart, though both map to undetermined), columns the
verdicts; the diagonal of the mapping (bench/averitec.py's GOLD) is the agreement."""
import collections
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import averitec as A  # noqa: E402

LABELS = {"supported": "supported", "refuted": "refuted", "not enough information": "not enough evidence",
          "not enough evidence": "not enough evidence", "conflicting evidence/cherrypicking": "conflicting",
          "conflicting": "conflicting"}
ROWS = ["supported", "refuted", "conflicting", "not enough evidence"]
COLUMNS = ["supported", "contradicted", "undetermined"]


def tally(name):
    """The sample's (label, verdict) counts and the number of cases refused."""
    sample = os.path.join(A.DEV, name)
    tmp = tempfile.mkdtemp(prefix="factlint-confusion-")
    try:
        rules = A.rules_for(sample, tmp)
        reading = A.primary(sample)
        counts, refused = collections.Counter(), 0
        for r in A.rows(sample):
            path = os.path.join(sample, "cases", r["id"] + ".json")
            if not r["encoded"] or A.partial(path):
                continue
            verdict = A.run(path, rules, os.path.join(tmp, "out"))[0]
            if verdict == "input error":
                refused += 1
                continue
            alt = A.rounded(path, tmp) if reading == "rounded" else None
            if alt:
                verdict = A.run(alt, rules, os.path.join(tmp, "out-rounded"))[0]
            counts[(LABELS[r["gold"]], verdict)] += 1
        return counts, refused
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def table(title, counts, refused):
    n = sum(counts.values())
    agree = sum(v for (label, verdict), v in counts.items() if A.GOLD[label] == verdict)
    print(f"{title}: {n} cases, {agree} agree ({100 * agree / max(1, n):.1f} %)"
          + (f"; {refused} refused" if refused else ""))
    print("label \\ factlint".ljust(22) + "".join(c.rjust(14) for c in COLUMNS))
    for label in ROWS:
        print(label.ljust(22) + "".join(str(counts[(label, c)]).rjust(14) for c in COLUMNS))
    print()


def main(names):
    if not names:
        sys.exit(__doc__)
    pooled, pooled_refused = collections.Counter(), 0
    for name in names:
        counts, refused = tally(name)
        table(name, counts, refused)
        pooled += counts
        pooled_refused += refused
    if len(names) > 1:
        table("pooled", pooled, pooled_refused)


if __name__ == "__main__":
    main(sys.argv[1:])
