#!/usr/bin/env python3
"""Times whole `./factlint check` processes (called by bench/run.sh).

Seed story: with the compiled-rule cache (after one warm-up run) and with --no-cache. Generated sizes: with the
cache, phases from --profile, peak RSS from /usr/bin/time, findings checked against what the generator planted.
Prints medians and the scaling ratio between consecutive sizes. The machine may be noisy: medians, and CPU time
(user + sys) beside wall time."""
import argparse, collections, json, os, re, statistics, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLI = os.path.join(ROOT, "factlint")
TIME = "/usr/bin/time"

def run(args, env, prog=None):
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        cmd = ([TIME, "-f", "%e %U %S %M", "-o", tf.name] if os.path.exists(TIME) else []) + (prog or [CLI]) + args
        p = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT)
        lines = tf.read().strip().split("\n") if os.path.exists(TIME) else []
        t = lines[-1].split() if lines else []  # "Command exited with non-zero status 1" may come first
    if p.returncode not in (0, 1):
        sys.exit("bench: %s failed (%d): %s" % (" ".join(args), p.returncode, p.stderr[-2000:]))
    wall, user, sys_, rss = (float(t[0]), float(t[1]), float(t[2]), int(t[3])) if len(t) >= 4 else (0, 0, 0, 0)
    phases = {m.group(1): float(m.group(2)) for m in re.finditer(r"^profile: (\S+)\s+([\d.]+) ms", p.stderr, re.M)}
    heap = re.search(r"^profile: heap peak\s+(\d+) MB", p.stderr, re.M)
    spill = re.search(r"^profile: spill: (.*)$", p.stderr, re.M)  # the facts went to bucket files (large inputs)
    return {"wall": wall, "cpu": user + sys_, "rss": rss // 1024, "phases": phases, "stdout": p.stdout,
            "heap": int(heap.group(1)) if heap else None, "spill": spill.group(1) if spill else None}

def med(xs):
    return statistics.median(xs) if xs else float("nan")

def summary(label, rs):
    ph = collections.defaultdict(list)
    for r in rs:
        for k, v in r["phases"].items():
            ph[k].append(v)
    line = "%-26s wall %7.2f s  cpu %7.2f s  rss %6d MB" % (label, med([r["wall"] for r in rs]),
                                                         med([r["cpu"] for r in rs]), max(r["rss"] for r in rs))
    if any(r["heap"] for r in rs):
        line += "  heap peak %5d MB" % max(r["heap"] or 0 for r in rs)
    print(line + "   (n=%d; walls %s)" % (len(rs), " ".join("%.2f" % r["wall"] for r in rs)))
    if any(r.get("spill") for r in rs):
        print("%-26s spilled: %s" % ("", rs[0]["spill"]))
    keys = [k for k in ("rules.vocabulary", "rules.cache-load", "rules.wait", "rules.compile", "rules.build", "load", "timelines",
                        "insert", "fire", "units", "rules", "collect", "report") if k in ph]
    if keys:
        print("%-26s %s" % ("", "  ".join("%s %.0f" % (k, med(ph[k])) for k in keys)) + " (ms, medians)")
    return med([r["wall"] for r in rs]), med([r["cpu"] for r in rs])

def met(ok):
    return "met" if ok else "MISSED"

# the launcher's JVM flags for a small input (./factlint), for the in-process breakdown of a cached check
LAUNCHER_FLAGS = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8", "-Xlog:disable",
                  "-Xlog:all=error:stderr"]

def startup_phases(a, env):
    """Median CPU time (all threads) of each step of a cached one-story check, io.factlint.cli.StartupPhases."""
    archive = os.path.join(ROOT, "target", "bench-cache", "startup-phases.jsa")
    if os.path.exists(archive):
        os.remove(archive)
    java = ["java"] + LAUNCHER_FLAGS
    main = ["-cp", a.phases_cp, "io.factlint.cli.StartupPhases"]
    subprocess.run(java + ["-XX:ArchiveClassesAtExit=" + archive] + main, env=env, cwd=ROOT, capture_output=True, check=True)
    steps = collections.OrderedDict()
    for _ in range(a.runs):
        p = subprocess.run(java + ["-XX:SharedArchiveFile=" + archive] + main, env=env, cwd=ROOT, capture_output=True,
                           text=True, check=True)
        for m in re.finditer(r"^startup: (.+?)\s+cpu\s+([\d.]+) ms\s+classes\s+(\d+)", p.stdout, re.M):
            steps.setdefault(m.group(1), []).append((float(m.group(2)), int(m.group(3))))
    print("start-up breakdown (one JVM, steps in sequence, launcher flags + class-data archive; CPU of all threads, "
          "median of %d):" % a.runs)
    for k, v in steps.items():
        print("  %-36s cpu %6.0f ms   classes loaded %5d" % (k, med([x[0] for x in v]), med([x[1] for x in v])))

def planted(data, size):
    lines = open(os.path.join(data, "facts-%d.expected" % size)).read().split("\n")
    return {k: int(v) for k, v in (l.split("=") for l in lines[2:] if l)}

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--big-runs", type=int, default=3)
    ap.add_argument("--data", default="target/bench-data")
    ap.add_argument("--skip-seed", action="store_true")
    ap.add_argument("--seed-only", action="store_true", help="only the seed story: the start-up ratio and breakdown")
    ap.add_argument("--h4", default=None, help="folder of the h4-shaped fact set: factlint against DuckDB's SQL")
    ap.add_argument("--sql-cp", default=None, help="class path of io.factlint.bench.SqlPeer with DuckDB's JDBC driver")
    ap.add_argument("--phases-cp", default=None, help="class path of io.factlint.cli.StartupPhases (a jar: CDS needs one)")
    a = ap.parse_args()
    env = dict(os.environ)
    env["FACTLINT_CACHE_DIR"] = os.path.join(ROOT, "target", "bench-cache")
    out = os.path.join(ROOT, "target", "bench-out")
    os.makedirs(out, exist_ok=True)

    run(["check", "--profile"], env)  # warm-up: fills the rule cache (and the launcher's class-data archive)
    if not a.skip_seed:
        print("== seed story (facts/), whole process: start-up (issue 14.4)")
        run(["check"], env)  # the launcher records its class-data archive from a check with cached rules
        seed, bare = [], []
        for _ in range(a.runs):  # interleaved: both see the same machine; no --profile (it loads JMX)
            seed.append(run(["check"], env))
            bare.append(run(["-version"], env, ["java"]))
        sw, sc = summary("check, cached rules", seed)
        bw, bc = summary("bare JVM (java -version)", bare)
        print("start-up ratio: cached seed check / bare JVM start: wall x%.1f, cpu x%.1f (target <= x6)" % (sw / bw, sc / bc))
        if a.phases_cp:
            startup_phases(a, env)
        summary("check --no-cache", [run(["check", "--no-cache", "--profile"], env) for _ in range(a.runs)])
    if a.seed_only:
        return

    if a.h4:
        print("== h4-shaped data (%s): factlint, whole check, against DuckDB's two SQL queries, whole process" % a.h4)
        report = os.path.join(out, "report-h4.json")
        fl, sq = [], []
        for _ in range(a.runs):
            fl.append(run(["check", a.h4, "--timeout", "600", "--format", "json", "-o", report], env))
            got = collections.Counter(f["rule"] for f in json.load(open(report))["findings"])
            r = run([a.h4], env, ["java", "-XX:TieredStopAtLevel=1", "-cp", a.sql_cp, "io.factlint.bench.SqlPeer"])
            sql = {k: int(v) for k, v in (l.split() for l in r["stdout"].strip().split("\n"))}
            for rule in ("count.decreased", "value.disagreement"):
                if got.get(rule, 0) != sql[rule]:
                    sys.exit("bench: h4: %s: factlint %d, SQL %d" % (rule, got.get(rule, 0), sql[rule]))
            sq.append(r)
        fw, fc = summary("factlint (15 rules)", fl)
        qw, qc = summary("DuckDB (2 queries)", sq)
        print("h4 ratio factlint / DuckDB: wall x%.2f, cpu x%.2f (target <= x1.0); findings equal: count.decreased %d, "
              "value.disagreement %d" % (fw / qw, fc / qc, sql["count.decreased"], sql["value.disagreement"]))
    print("== generated fact sets, whole process, cached rules")
    sizes = [int(s) for s in a.sizes.split(",")]
    walls, cpus, rss = {}, {}, {}
    for size in sizes:
        n = a.runs if size < 1_000_000 else a.big_runs
        report = os.path.join(out, "report-%d.json" % size)
        rs = []
        # the memory targets: 1 M facts under -Xmx2g, 10 M under -Xmx4g (FACTLINT_JAVA_OPTS overrides)
        senv = dict(env)
        senv.setdefault("FACTLINT_JAVA_OPTS", "-Xmx4g" if size >= 5_000_000 else "-Xmx2g")
        for _ in range(n):
            rs.append(run(["check", os.path.join(a.data, "facts-%d" % size), "--profile", "--timeout", "600",
                           "--format", "json", "-o", report], senv))
            got = collections.Counter(f["rule"] for f in json.load(open(report))["findings"])
            if dict(got) != planted(a.data, size):
                sys.exit("bench: facts-%d: findings %s differ from the planted %s" % (size, dict(got), planted(a.data, size)))
        walls[size], cpus[size] = summary("facts-%d (%s)" % (size, senv["FACTLINT_JAVA_OPTS"]), rs)
        rss[size] = max(r["rss"] for r in rs)
        # issue 14's targets: 1 M facts <= 10 s wall and <= 2 GB peak RSS; 10 M facts <= 100 s (under -Xmx4g)
        if size == 1_000_000:
            print("target 1 M facts: wall %.1f s (<= 10 s: %s), peak RSS %d MB (<= 2048 MB: %s)" % (
                walls[size], met(walls[size] <= 10), rss[size], met(rss[size] <= 2048)))
        if size == 10_000_000:
            print("target 10 M facts: wall %.1f s (<= 100 s: %s), peak RSS %d MB under %s" % (
                walls[size], met(walls[size] <= 100), rss[size], senv["FACTLINT_JAVA_OPTS"]))
    for prev, cur in zip(sizes, sizes[1:]):
        print("scaling %d -> %d: wall x%.1f, cpu x%.1f (linear: x%.0f%s)" % (prev, cur, walls[cur] / walls[prev],
              cpus[cur] / cpus[prev], cur / prev, "; target <= x11" if (prev, cur) == (1_000_000, 10_000_000) else ""))
    print("all findings as planted")

if __name__ == "__main__":
    main()
