#!/usr/bin/env bash
# factlint benchmark: one command, not part of `mvn test`.
#
#   bench/run.sh [--sizes 10000,100000,1000000] [--runs 5] [--big-runs 3] [--seed 1] [--h4 40000] [--skip-families] [--jmh]
#
# 1. builds the jar and the bench classes (test sources), 2. generates the fact sets once per size and seed
#    (target/bench-data, deterministic), 3. times whole `./factlint check` processes: the seed story with the
#    compiled-rule cache and without it, then each generated size with the cache (median of N; phases from
#    --profile; peak RSS), and prints the scaling ratio time(largest)/time(previous); the seed check against a bare
#    JVM start (the start-up ratio) and where a cached seed check's CPU goes (io.factlint.cli.StartupPhases); the h4-shaped data (--h4 N facts, 0: skip) against DuckDB's two SQL queries, 4. the scaling curve per rule
#    family (in-process CPU time of insert + fire + collect), 5. with --jmh, the JMH benchmarks (loader, engine).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
sizes="10000,100000,1000000"; runs=5; big_runs=3; seed=1; families=1; jmh=0; h4=40000
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2;;
    --runs) runs="$2"; shift 2;;
    --big-runs) big_runs="$2"; shift 2;;
    --seed) seed="$2"; shift 2;;
    --h4) h4="$2"; shift 2;;
    --skip-families) families=0; shift;;
    --jmh) jmh=1; shift;;
    -h|--help) sed -n 2,10p "$0"; exit 0;;
    *) echo "bench/run.sh: unknown option $1" >&2; exit 2;;
  esac
done
echo "== build" >&2
mvn -q -B -DskipTests package >&2
mvn -q -B -DskipTests test-compile >&2
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-cp.txt >/dev/null
cp="target/test-classes:target/classes:$(cat target/bench-cp.txt)"
echo "== generate ($sizes, seed $seed)" >&2
java -cp "$cp" io.factlint.bench.Generate --sizes "$sizes" --seed "$seed" --daily "$h4" --data target/bench-data >&2
echo "== stale fan-out (issue 15.1: 1 entity, 2,000 status facts at two dates, 1,000 status claims)" >&2
java -cp "$cp" io.factlint.bench.StaleFanOut target/bench-data/fan-out/fan.json 2000 1000
for i in $(seq 1 "$runs"); do
  /usr/bin/time -f "fan-out run $i: wall %e s, cpu %U+%S s, peak RSS %M KB" ./factlint check --format json --fail-on never \
    target/bench-data/fan-out/fan.json > target/bench-data/fan-out/report.json
  echo "fan-out run $i: report $(stat -c %s target/bench-data/fan-out/report.json) bytes, input $(stat -c %s target/bench-data/fan-out/fan.json) bytes" >&2
done
/usr/bin/time -f "bare JVM start (java -version): wall %e s, cpu %U+%S s" java -XX:TieredStopAtLevel=1 -version 2>&1 | tail -1 >&2
# the SQL peer's class path: the bench profile adds DuckDB's JDBC driver (test scope, never in the CLI jar)
mvn -q -B -Pbench dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-sql-cp.txt >/dev/null
sqlcp="target/test-classes:$(cat target/bench-sql-cp.txt)"
h4args=()
[ "$h4" -gt 0 ] && h4args=(--h4 "target/bench-data/daily-$h4" --sql-cp "$sqlcp")
# the start-up breakdown's class in a jar of its own (the class-data archive takes no class folder)
jar cf target/startup-phases.jar -C target/test-classes io/factlint/cli/StartupPhases.class
python3 bench/processes.py --sizes "$sizes" --runs "$runs" --big-runs "$big_runs" --data target/bench-data \
  --phases-cp target/startup-phases.jar:target/factlint.jar "${h4args[@]}"
if [ "$families" = 1 ]; then
  echo "== rule families" >&2
  java -Xmx8g -XX:+UseParallelGC -cp "$cp" io.factlint.bench.FamilyScaling --sizes "$sizes" --data target/bench-data --runs 3
fi
if [ "$jmh" = 1 ]; then
  echo "== JMH" >&2
  mvn -q -B -Pbench -DskipTests test-compile >&2
  mvn -q -B -Pbench dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-jmh-cp.txt >/dev/null
  java -cp "target/test-classes:target/classes:$(cat target/bench-jmh-cp.txt)" org.openjdk.jmh.Main -f 1 -wi 3 -i 5 "io.factlint.bench.jmh.*"
fi
