#!/usr/bin/env bash
# Issue 18's targets before and after a change, back to back on the same machine: each e2e command runs in the
# "before" tree (a built checkout of the older commit, e.g. `git worktree add /tmp/before <commit>`, built there
# with its own Maven repository) and then in this tree. Figures go to benchmarks/target/before-after.txt, one
# `before|after E2E ...` line per run (see e2e.sh for the fields).
#
#   benchmarks/before-after.sh BEFORE_TREE [--quick]     (--quick: compile 100 000 only)
set -uo pipefail

before="${1:?the before tree: a built checkout of the older commit}"
after="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$after/benchmarks/target/before-after.txt"
mkdir -p "$(dirname "$out")"

runs=("100000" "100000 --stage execute" "100000 --stage close" "10000" "100000 --no-batch")
[[ "${2:-}" == --quick ]] && runs=("100000")
for args in "${runs[@]}"; do
  for side in before after; do
    tree=$([[ $side == before ]] && echo "$before" || echo "$after")
    echo "[before-after $(date -u +%T)] $side: e2e.sh $args (load $(cut -d' ' -f1 /proc/loadavg))" >&2
    # shellcheck disable=SC2086 # the arguments are words
    (cd "$tree" && benchmarks/e2e.sh $args) 2>&1 | grep '^E2E' | sed "s/^/$side /" | tee -a "$out"
  done
done
