#!/usr/bin/env python3
"""An exploration on the labelled samples (development data), never a measurement: does reading a source's bare
figure as rounded help agreement? For each sample named, on the cases without an unchecked part: the verdict on the
rounded reading of claims (bench/averitec.py's measurement), and beside it the same with every bare non-zero fact
value read as "about" too ({"amount": v, "bound": "about"}: half its last non-zero digit either way). Prints the
two agreement counts and every verdict that changes.

    python3 bench/averitec-facts-rounded.py confirmation third fourth fifth sixth seventh eighth

Measured on 2026-12-03 (docs/claims.md, the eighth sample): 4 agreements lost (confirmation c5-02 and c5-37, third
t2-08 and t3-17), none gained, over 206 cases: the reading was not adopted."""
import json, os, shutil, sys, tempfile
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import averitec as A
def facts_about(path, tmp):
    case = json.load(open(A.rounded(path, tmp) or path, encoding="utf-8"))
    ch = False
    for f in case.get("facts", []):
        v = f.get("value")
        if f.get("attribute") in A.YES_NO or not A.bare(v): continue
        n = v if isinstance(v, (int, float)) else v.get("amount", v.get("percent"))
        if n == 0: continue
        if isinstance(v, (int, float)): f["value"] = {"amount": v, "bound": "about"}
        else: v["bound"] = "about"
        ch = True
    return A.written(case, tmp, "facts-about", path) if ch else None
for name in sys.argv[1:]:
    sample = os.path.join(A.DEV, name); tmp = tempfile.mkdtemp()
    rules = A.rules_for(sample, tmp)
    a = b = n = 0; changed = []
    for r in A.rows(sample):
        if not r["encoded"]: continue
        p = os.path.join(sample, "cases", r["id"] + ".json")
        if A.partial(p): continue
        alt = A.rounded(p, tmp)
        v1 = A.run(alt or p, rules, os.path.join(tmp, "o1"))[0]
        fa = facts_about(p, tmp)
        v2 = A.run(fa, rules, os.path.join(tmp, "o2"))[0] if fa else v1
        g = A.GOLD[r["gold"]]; n += 1; a += v1 == g; b += v2 == g
        if v1 != v2: changed.append(f"{r['id']} {v1}->{v2} (label {r['gold']})")
    print(f"{name}: n={n} rounded={a} facts-about={b} :: " + "; ".join(changed)); sys.stdout.flush()
    shutil.rmtree(tmp)
