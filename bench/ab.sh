#!/usr/bin/env bash
# A/B against an earlier commit: the same checks with the jar of REV and the jar of the working tree, alternating
# run by run (so a noisy machine slows both alike), then the medians and the ratio new/old, and whether the reports
# are byte-identical.
#
#   bench/ab.sh REV [--runs 3] [--h4-runs 5] [--size 1000000]
#
# Needs the generated data of bench/run.sh (target/bench-data/facts-SIZE and daily-40000; run bench/run.sh once
# with that size). REV's jar is built in a temporary git worktree (mvn -o package -DskipTests), then removed.
set -euo pipefail
cd "$(dirname "$0")/.."
rev="${1:?usage: bench/ab.sh REV [--runs N] [--h4-runs N] [--size N]}"; shift
runs=3; h4runs=5; size=1000000
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2;;
    --h4-runs) h4runs="$2"; shift 2;;
    --size) size="$2"; shift 2;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
data="target/bench-data/facts-$size"; daily="target/bench-data/daily-40000"
[ -d "$data" ] && [ -d "$daily" ] || { echo "no $data or $daily: run bench/run.sh --sizes $size first" >&2; exit 2; }
out="target/ab"; rm -rf "$out"; mkdir -p "$out"
wt="$(mktemp -d)/old"
trap 'git worktree remove --force "$wt" >/dev/null 2>&1 || true' EXIT
git worktree add -q --detach "$wt" "$rev"
(cd "$wt" && mvn -o -q -B package -DskipTests) >&2
cp "$wt/target/factlint.jar" "$out/old.jar"
mvn -o -q -B package -DskipTests >&2
cp target/factlint.jar "$out/new.jar"

one() { # name jar input heap rules
  rm -rf "$out/$1"; mkdir -p "$out/$1"
  # each revision with its own rule pack (a rule may call model code the other jar lacks)
  if ! /usr/bin/time -f "%e %U %S %M" -o "$out/$1.time" java $4 -jar "$2" check "$3" --rules "$5" --timeout 600 \
    --format json --fail-on never -o "$out/$1/" >/dev/null 2>"$out/$1.err"; then
    echo "bench/ab.sh: $1 failed: $(head -c 400 "$out/$1.err")" >&2; exit 1
  fi
  read -r wall user sys rss < "$out/$1.time"
  echo "$wall $(python3 -c "print($user + $sys)") $rss"
}
for work in big h4; do
  n=$runs; input=$data; heap=-Xmx2g
  [ "$work" = h4 ] && { n=$h4runs; input=$daily; heap=; }
  for i in $(seq "$n"); do
    for v in old new; do
      rules=rules; [ "$v" = old ] && rules="$wt/rules"
      r="$(one "$work-$v" "$out/$v.jar" "$input" "$heap" "$rules")" || exit 1
      echo "$work $v $r" >> "$out/runs.txt"
    done
  done
  cmp -s "$out/$work-old/factlint.json" "$out/$work-new/factlint.json" && same=identical || same=DIFFERENT
  echo "$work reports: $same" >> "$out/runs.txt"
done
python3 - "$out/runs.txt" "$rev" "$size" <<'EOF'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    f = line.split()
    if len(f) == 5: runs.setdefault((f[0], f[1]), []).append(tuple(map(float, f[2:])))
    else: print(line.strip())
for work, label in (("big", "facts-%s (-Xmx2g)" % sys.argv[3]), ("h4", "daily-40000")):
    o, n = runs[(work, "old")], runs[(work, "new")]
    med = lambda xs, k: statistics.median(x[k] for x in xs)
    print("%s: %s wall %.2f s, cpu %.2f s, rss %d MB; now wall %.2f s, cpu %.2f s, rss %d MB; new/old wall x%.2f, cpu x%.2f (medians of %d)"
          % (label, sys.argv[2], med(o, 0), med(o, 1), med(o, 2) / 1024, med(n, 0), med(n, 1), med(n, 2) / 1024,
             med(n, 0) / med(o, 0), med(n, 1) / med(o, 1), len(n)))
EOF
