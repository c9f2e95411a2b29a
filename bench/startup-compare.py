#!/usr/bin/env python3
"""Start-up of a cached seed check (`factlint check facts/`) for several jars, interleaved run by run, each round
beside a bare `java -version`; wall and CPU (user + sys of the process tree, from wait4), medians.

  python3 bench/startup-compare.py [--runs 7] NAME=JAR[,JAVA_OPTS] ...

Each jar runs through a copy of this repository's launcher in a scratch folder (so the launcher never rebuilds it),
with a rule cache and class-data archive of its own, from the repository root (its facts/ and rules/). Two warm-up
runs per jar fill the rule cache and record the archive, as a user's first two checks do. JAVA_OPTS (after a comma)
goes to FACTLINT_JAVA_OPTS, e.g. `mine-picocli=target/factlint.jar,-Dfactlint.fastCheck=false`."""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

def timed(cmd, env):
    t = time.monotonic()
    p = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = p.stderr.read()
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.monotonic() - t
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit("bench: %s exited %d: %s" % (" ".join(cmd), code, err.decode()[-2000:]))
    return wall, ru.ru_utime + ru.ru_stime

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("variants", nargs="+", help="NAME=JAR[,JAVA_OPTS]")
    a = ap.parse_args()
    scratch = tempfile.mkdtemp(prefix="factlint-startup-")
    variants = []
    for v in a.variants:
        name, spec = v.split("=", 1)
        jar, _, opts = spec.partition(",")
        home = os.path.join(scratch, name)
        os.makedirs(os.path.join(home, "target"))
        shutil.copy(os.path.join(ROOT, "factlint"), home)
        shutil.copy2(jar, os.path.join(home, "target", "factlint.jar"))
        env = dict(os.environ, FACTLINT_CACHE_DIR=os.path.join(home, "cache"))
        env.pop("FACTLINT_JAVA_OPTS", None)
        if opts:
            env["FACTLINT_JAVA_OPTS"] = opts
        variants.append((name, [os.path.join(home, "factlint"), "check", "facts/"], env))
    for name, cmd, env in variants:
        for _ in range(2):
            timed(cmd, env)
    load = open("/proc/loadavg").read().split()[:3]
    bare = ["java", "-version"]
    results = {name: [] for name, _, _ in variants}
    results["java -version"] = []
    for _ in range(a.runs):
        results["java -version"].append(timed(bare, dict(os.environ)))
        for name, cmd, env in variants:
            results[name].append(timed(cmd, env))
    bw = statistics.median(w for w, _ in results["java -version"])
    bc = statistics.median(c for _, c in results["java -version"])
    print("load average before: %s; %d interleaved rounds, medians" % (" ".join(load), a.runs))
    for name, rs in results.items():
        w = statistics.median(x for x, _ in rs)
        c = statistics.median(x for _, x in rs)
        print("%-22s wall %6.3f s  cpu %6.3f s   ratio wall x%5.1f  cpu x%5.1f   (walls %s)" % (
            name, w, c, w / bw, c / bc, " ".join("%.2f" % x for x, _ in rs)))
    shutil.rmtree(scratch)

if __name__ == "__main__":
    main()
