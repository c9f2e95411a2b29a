#!/usr/bin/env bash
# Local-mode throughput of factlint-spark per input format (fact files, JSON lines, Parquet) beside the CLI's check
# of the same archive in the same JVM, and the per-executor cost. docs/performance.md, "Spark".
#   spark/bench.sh [FACTS] [RUNS]      (defaults: 100000 facts, 3 measured runs per format after one warm-up)
# Needs: from the root, mvn -B -q install -DskipTests (the CLI's jar and the benchmark's generator).
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -o -q test-compile
cp_file=target/bench.classpath
mvn -B -o -q dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null
# the surefire argLine of pom.xml: Spark's module options, the driver on loopback
opens=$(sed -n 's:.*<argLine>\(.*\)</argLine>.*:\1:p' pom.xml | sed 's/-Xmx[^ ]*//')
export SPARK_LOCAL_IP=127.0.0.1
exec java -Xmx3g $opens -cp "target/test-classes:target/classes:../target/test-classes:$(cat "$cp_file")" \
  io.factlint.spark.SparkBench "${1:-100000}" "${2:-3}" target/bench 2> target/bench.stderr
