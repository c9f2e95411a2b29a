#!/usr/bin/env python3
"""Start-up of two factlint jars, interleaved (docs/performance.md, issue 14.4): each round runs `java -version`,
the base jar and the new jar (alternating their order), a cached seed-story check `check facts/` with the
launcher's JVM flags and each jar's own class-data archive recorded from a cached check, as ./factlint does.
CPU is user + sys of the process (wait4), beside wall; medians, and each against `java -version` in the same run.

    python3 bench/startup_compare.py --base /path/to/main/factlint.jar --new target/factlint.jar --runs 11
"""
import argparse, os, statistics, subprocess, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FLAGS = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xlog:disable", "-Xlog:all=error:stderr", "-Dfile.encoding=UTF-8"]

def timed(cmd, env):
    t = time.time()
    pid = os.fork()
    if pid == 0:
        os.chdir(ROOT)
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        os.execvpe(cmd[0], cmd, env)
    _, status, ru = os.wait4(pid, 0)
    return time.time() - t, ru.ru_utime + ru.ru_stime, os.waitstatus_to_exitcode(status)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--new", default=os.path.join(ROOT, "target", "factlint.jar"))
    ap.add_argument("--runs", type=int, default=11)
    a = ap.parse_args()
    work = tempfile.mkdtemp(prefix="factlint-startup-")
    jars = {"base": os.path.abspath(a.base), "new": os.path.abspath(a.new)}
    envs = {}
    for k, jar in jars.items():
        e = dict(os.environ)
        e["FACTLINT_CACHE_DIR"] = os.path.join(work, "cache-" + k)
        envs[k] = e
        subprocess.run(["java", "-jar", jar, "check", "facts/"], cwd=ROOT, env=e, capture_output=True)  # compiles, stores
        subprocess.run(["java"] + FLAGS + ["-XX:ArchiveClassesAtExit=" + os.path.join(work, k + ".jsa"), "-jar", jar,
                        "check", "facts/"], cwd=ROOT, env=e, capture_output=True, check=True)
    def check(k):
        return ["java"] + FLAGS + ["-XX:SharedArchiveFile=" + os.path.join(work, k + ".jsa"), "-jar", jars[k], "check", "facts/"]
    res = {"java -version": [], "base": [], "new": []}
    order = list(res)
    load = os.getloadavg()[0]
    for i in range(a.runs):
        for k in (order if i % 2 == 0 else order[::-1]):
            cmd = ["java", "-version"] if k == "java -version" else check(k)
            w, c, rc = timed(cmd, envs.get(k, os.environ))
            if rc not in (0, 1):
                raise SystemExit("%s exited %d" % (k, rc))
            res[k].append((w, c))
    print("load average: %.1f before, %.1f after" % (load, os.getloadavg()[0]))
    bw = statistics.median(x[0] for x in res["java -version"])
    bc = statistics.median(x[1] for x in res["java -version"])
    for k, v in res.items():
        w = statistics.median(x[0] for x in v)
        c = statistics.median(x[1] for x in v)
        print("%-13s wall %.3f s  cpu %.3f s  ratio wall x%.1f  cpu x%.1f  (n=%d; cpu %s)" % (
            k, w, c, w / bw, c / bc, len(v), " ".join("%.2f" % x[1] for x in v)))

if __name__ == "__main__":
    main()
