#!/usr/bin/env bash
# Marks the current public surface of every package as shipped: the lines of PublicAPI.Unshipped.txt move into
# PublicAPI.Shipped.txt (the reviewed surface of a release), and Unshipped starts empty, so that every change after
# the release shows up there for review. Run it when a version is released, after reviewing Unshipped's diff.
set -euo pipefail
cd "$(dirname "$0")/.."
for unshipped in src/*/PublicAPI.Unshipped.txt; do
  dir=$(dirname "$unshipped")
  shipped="$dir/PublicAPI.Shipped.txt"
  # *REMOVED* lines of Unshipped strike their line from Shipped.
  { grep -v '^#' "$shipped" 2>/dev/null || true; grep -v '^#' "$unshipped" | grep -v '^\*REMOVED\*' || true; } \
    | grep -v -x -F -f <(grep '^\*REMOVED\*' "$unshipped" | sed 's/^\*REMOVED\*//' || true) | grep -v '^$' | sort -u > "$shipped.body" || true
  { echo '#nullable enable'; cat "$shipped.body"; } > "$shipped"
  rm "$shipped.body"
  echo '#nullable enable' > "$unshipped"
  echo "$dir: $(($(wc -l < "$shipped") - 1)) shipped API lines"
done
