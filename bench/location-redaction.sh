#!/usr/bin/env bash
# Location redaction: serving a 12-megapixel camera JPEG with GPS (4000 x 3000, quality 92, the EXIF
# of a real GPS-tagged camera file) as the original, as it is and without its location, streamed
# through a 64 KiB buffer as the HTTP route streams it; p50 and p99 per call by JMH, and the bytes
# allocated per call (JMH's GC profiler), which stay bounded whatever the file's size.
# Usage: bench/location-redaction.sh
set -euo pipefail
. "$(dirname "$0")/lib.sh"
find_java
build_bench
java=("$JAVA" --enable-native-access=ALL-UNNAMED -cp "$BENCH_CP")
mkdir -p "$OUT"

"${java[@]}" org.openjdk.jmh.Main LocationRedactionBenchmark \
    -f 1 -wi 3 -w 2s -i 5 -r 2s -prof gc \
    -jvmArgs "-Xmx256m -Djava.awt.headless=true --enable-native-access=ALL-UNNAMED" \
    -rf json -rff "$OUT/location-redaction.json" 2>&1 | tee "$OUT/location-redaction.log" >&2
"${java[@]}" dev.camroll.bench.JmhSummary "$OUT/location-redaction.json" "serving a 12 MP JPEG"
# Bytes allocated per call, of each variant.
grep -E "serve:gc.alloc.rate.norm" "$OUT/location-redaction.log" || true
