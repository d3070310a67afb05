#!/usr/bin/env bash
# getAssets(first=100) latency on a 1,000,000-asset index: p50 and p99 per query, measured by JMH
# in a JVM with a 256 MB heap (which also shows that the library opens such an index in 256 MB).
# Usage: bench/get-assets.sh [COUNT]   (default 1000000; the index is built once under bench/out/)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java25.sh
camroll_find_java
count="${1:-1000000}"
library="bench/out/index-$count"

./mvnw -q -B -pl bench -am package dependency:build-classpath -DskipTests -Dmdep.outputFile=target/classpath.txt
cp="bench/target/classes:core/target/classes:api/target/classes:$(cat bench/target/classpath.txt)"
java=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$cp")

"${java[@]}" dev.camroll.bench.SyntheticIndex "$library" "$count"
"${java[@]}" org.openjdk.jmh.Main GetAssetsBenchmark \
    -p library="$library" -f 1 -wi 3 -w 2s -i 5 -r 2s \
    -jvmArgs "-Xmx256m --enable-native-access=ALL-UNNAMED" \
    -rf json -rff bench/out/get-assets.json 2>&1 | grep -E "^(Benchmark|GetAssets)|p0.50|p0.99|Result" || true
# The figures the README quotes: p50 and p99 per query and page.
"$JAVA_HOME/bin/java" -cp "$cp" dev.camroll.bench.JmhSummary bench/out/get-assets.json
