#!/usr/bin/env python3
"""Times whole `./factlint check` processes (called by bench/run.sh).

Seed story: with the compiled-rule cache (after one warm-up run) and with --no-cache. Generated sizes: with the
cache, phases from --profile, peak RSS from /usr/bin/time, findings checked against what the generator planted.
Prints medians and the scaling ratio between consecutive sizes. The machine may be noisy: medians, and CPU time
(user + sys) beside wall time."""
import argparse, collections, json, os, re, resource, statistics, subprocess, sys, tempfile, time

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

def timed(cmd, env, pid=None):
    """One process: wall (perf_counter), its CPU (getrusage of the children, microseconds), and the CPU the
    process `pid` (the daemon) spent meanwhile, from /proc/PID/stat (utime + stime, clock ticks)."""
    def ticks():
        if pid is None:
            return 0
        f = open("/proc/%d/stat" % pid).read()
        v = f[f.rindex(")") + 2:].split()
        return int(v[11]) + int(v[12])
    r0, d0, t0 = resource.getrusage(resource.RUSAGE_CHILDREN), ticks(), time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, env=env, cwd=ROOT)
    t1, d1, r1 = time.perf_counter(), ticks(), resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode not in (0, 1):
        sys.exit("bench: %s failed (%d): %s" % (" ".join(cmd), p.returncode, p.stderr[-2000:]))
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    return {"wall": t1 - t0, "cpu": cpu, "daemon": (d1 - d0) / os.sysconf("SC_CLK_TCK"), "stdout": p.stdout}

def daemon_section(a, env):
    """The warm daemon (factlint daemon start) against the cold cached check and java -version, interleaved."""
    print("== the warm daemon (factlint daemon start): check through it, beside the cold cached check (issue 14.4)")
    cold_env = dict(env, FACTLINT_DAEMON="0")
    subprocess.run([CLI, "daemon", "stop"], env=env, cwd=ROOT, capture_output=True)
    p = subprocess.run([CLI, "daemon", "start", "--idle", "600"], env=env, cwd=ROOT, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit("bench: daemon start failed: " + p.stdout + p.stderr)
    name = ROOT.replace("%", "%25").replace("/", "%2F")
    state = open(os.path.join(env["FACTLINT_CACHE_DIR"], "daemon", name + ".state")).read().split("\n")
    port, token, pid = int(state[0]), state[1], int(state[2])
    for _ in range(3):
        timed([CLI, "check"], env, pid)  # warm-up
    # the same request with curl instead of bash's /dev/tcp (what a client in another program would cost)
    body = "".join("%d:%s," % (len(x.encode()), x) for x in [ROOT, os.path.join(ROOT, "target", "factlint.jar"), "1", "check",
                                                             "FACTLINT_CACHE_DIR=" + env["FACTLINT_CACHE_DIR"]])
    curl = ["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-H", "X-Factlint-Token: " + token, "--data-binary", body,
            "http://127.0.0.1:%d/check" % port]
    have_curl = subprocess.run(["sh", "-c", "command -v curl"], capture_output=True).returncode == 0
    warm, cold, bare, viacurl = [], [], [], []
    for _ in range(max(a.runs, 9)):
        warm.append(timed([CLI, "check"], env, pid))
        cold.append(timed([CLI, "check"], cold_env))
        bare.append(timed(["java", "-version"], env))
        if have_curl:
            viacurl.append(timed(curl, env, pid))
    same = all(w["stdout"] == cold[0]["stdout"] for w in warm) and all(c["stdout"] == cold[0]["stdout"] for c in cold)
    def line(label, rs, daemon=True):
        w, c, d = med([r["wall"] for r in rs]), med([r["cpu"] for r in rs]), med([r["daemon"] for r in rs])
        mean_d = sum(r["daemon"] for r in rs) / len(rs)
        print("%-34s wall %6.3f s  cpu %6.3f s%s   (n=%d)" % (label, w, c,
              "  daemon cpu %5.3f s (median; mean %.3f s; 10 ms ticks)" % (d, mean_d) if daemon else "", len(rs)))
        return w, c, mean_d
    ww, wc, wd = line("check through the warm daemon", warm)
    cw, cc, _ = line("check, cold JVM, cached rules", cold, False)
    bw, bc, _ = line("bare JVM (java -version)", bare, False)
    if viacurl:
        uw, uc, ud = line("the same request with curl", viacurl)
    print("daemon ratio: warm check / bare JVM start: wall x%.1f, cpu x%.1f counting client + daemon (client alone x%.2f) "
          "(target <= x6); cold check: wall x%.1f, cpu x%.1f; stdout identical: %s" % (
              ww / bw, (wc + wd) / bc, wc / bc, cw / bw, cc / bc, same))
    subprocess.run([CLI, "daemon", "stop"], env=env, cwd=ROOT, capture_output=True)

def launcher_overhead(a, env):
    """The launcher's own steps (staleness find, du, stat, cksum...) on the JVM path, with a stub `java` that exits."""
    stubdir = tempfile.mkdtemp()
    stub = os.path.join(stubdir, "java")
    with open(stub, "w") as f:
        f.write("#!/bin/sh\nexit 0\n")
    os.chmod(stub, 0o755)
    senv = dict(env, FACTLINT_DAEMON="0", PATH=stubdir + ":" + env.get("PATH", ""))
    launcher, direct = [], []
    for _ in range(max(a.runs, 9)):
        launcher.append(timed([CLI, "check", "facts"], senv))
        direct.append(timed([stub, "-version"], senv))
    lw, lc = med([r["wall"] for r in launcher]), med([r["cpu"] for r in launcher])
    dw, dc = med([r["wall"] for r in direct]), med([r["cpu"] for r in direct])
    print("launcher overhead (JVM path, stub java): wall %.1f ms, cpu %.1f ms (the stub alone: %.1f ms, %.1f ms) (n=%d)" % (
        (lw - dw) * 1000, (lc - dc) * 1000, dw * 1000, dc * 1000, len(launcher)))

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
    env["PWD"] = ROOT
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
        daemon_section(a, env)
        launcher_overhead(a, env)
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
