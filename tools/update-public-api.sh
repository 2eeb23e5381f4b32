#!/usr/bin/env bash
# Rewrites PublicAPI.Unshipped.txt of each packable project from its current public surface, using the
# PublicApiAnalyzers code fix (RS0016). Review the diff: every line added or removed is a public API change.
set -euo pipefail
cd "$(dirname "$0")/.."
for project in src/*/*.csproj; do
  dir=$(dirname "$project")
  [ -f "$dir/PublicAPI.Unshipped.txt" ] || continue
  echo '#nullable enable' > "$dir/PublicAPI.Unshipped.txt"
  dotnet format analyzers "$project" --diagnostics RS0016 --severity warn >/dev/null 2>&1 || true
  sort -o "$dir/PublicAPI.Unshipped.txt.body" <(tail -n +2 "$dir/PublicAPI.Unshipped.txt")
  { echo '#nullable enable'; cat "$dir/PublicAPI.Unshipped.txt.body"; } > "$dir/PublicAPI.Unshipped.txt"
  rm "$dir/PublicAPI.Unshipped.txt.body"
  echo "$dir: $(($(wc -l < "$dir/PublicAPI.Unshipped.txt") - 1)) public API lines"
done
