#!/usr/bin/env bash
# factlint serve benchmark: the time from a one-fact edit on disk to the open page's event (and to the re-rendered
# page), with the rules kept compiled, on the seed story (in a JVM limited to -Xmx300m: the heap budget) and on a
# generated story folder of 10,000 facts; and a bare JVM start measured in the same run, as the yardstick.
#
#   bench/serve.sh [--runs 21]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
runs=21
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2;;
    -h|--help) sed -n 2,7p "$0"; exit 0;;
    *) echo "bench/serve.sh: unknown option $1" >&2; exit 2;;
  esac
done
echo "== build" >&2
mvn -q -B -o test-compile >&2
mvn -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-cp.txt >/dev/null
cp="target/test-classes:target/classes:$(cat target/bench-cp.txt)"
work="target/bench-serve"
rm -rf "$work"; mkdir -p "$work/seed"
cp facts/nk-soldier-captured.json facts/nk-soldier-captured.txt "$work/seed/"
echo "== bare JVM start (java -version), median of 5" >&2
python3 - <<'PY'
import subprocess, time, resource, statistics
wall, cpu = [], []
for _ in range(5):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN); t = time.perf_counter()
    subprocess.run(["java", "-version"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    w = time.perf_counter() - t; r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall.append(w * 1000); cpu.append((r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime) * 1000)
print(f"bare JVM start: wall median {statistics.median(wall):.0f} ms, CPU median {statistics.median(cpu):.0f} ms")
PY
echo "== seed story, -Xmx300m" >&2
java -Xmx300m -cp "$cp" io.factlint.bench.ServeBench --label "seed story (5 facts)" --facts "$work/seed" \
  --file "$work/seed/nk-soldier-captured.json" --story nk-soldier-captured \
  --from '"amount": 11000' --to '"amount": 11001' --runs "$runs"
echo "== 10,000 facts" >&2
java -cp "$cp" io.factlint.bench.FactSetGenerator --facts 10000 --seed 1 --out "$work/10k" >/dev/null
java -cp "$cp" io.factlint.bench.ServeBench --label "story folder, 10,001 facts in 523 files" --facts "$work/10k" \
  --file "$work/10k/stories/story-00000.json" --story story-00000 \
  --from '"amount" : 5000' --to '"amount" : 5001' --runs "$runs"
