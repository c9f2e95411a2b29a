#!/bin/sh
# Drafting quality: precision and recall of `factlint draft` on the annotated corpus
# (src/test/resources/draft-corpus: article.txt + a hand-written gold.yaml per article).
# Prints one line per category (numbers, dates, statuses, sources), then every miss and extra.
set -eu
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests test-compile >&2
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-cp.txt >/dev/null
java -cp "target/test-classes:target/classes:$(cat target/bench-cp.txt)" io.factlint.draft.DraftQuality \
  "${1:-src/test/resources/draft-corpus}" "${2:-rules}"
