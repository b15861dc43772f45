#!/usr/bin/env bash
# Issue 16's figures: throughput of two PerfLink nodes against one on the same year of 20 generated regions, both in
# cluster mode on one PostgreSQL (a private throwaway cluster from .ci/postgres.sh), the mock host in the test JVM.
# Runs system-tests' ClusterThroughputBench (a measurement, no asserted time) and, with --takeover, ClusterFailoverIT
# for the takeover time; prints the figures they report (system-tests/target/system-tests/figures.txt).
#
#   benchmarks/cluster.sh [--projects N] [--takeover]
#
#   --projects N   projects per region (default 500: 20 x 500 = 10 000 projects, 80 000 project-events a year)
#   --takeover     also run ClusterFailoverIT (kill -9 of the node handling the large event; takeover time)
#
# Needs the built tree (mvn -o -B install -DskipTests at the root); PostgreSQL is installed from Debian's packages
# when missing (see .ci/postgres.sh). On a 2-core machine the mock host, the test JVM, PostgreSQL and every Karaf
# share the same two cores: see docs/cluster.md for what the figures mean on real hardware.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
projects=500
tests=ClusterThroughputBench
while [[ $# -gt 0 ]]; do
  case "$1" in
    --projects) projects="$2"; shift ;;
    --takeover) tests="$tests,ClusterFailoverIT" ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done

if [[ -z "${PERFLINK_TEST_PG_URL:-}" ]]; then
  eval "$(PERFLINK_PG_DIR="${PERFLINK_PG_DIR:-/tmp/perflink-pg-bench}" PERFLINK_PG_PORT="${PERFLINK_PG_PORT:-55452}" \
    bash "$root/.ci/postgres.sh")"
fi
export PERFLINK_TEST_PG_URL PERFLINK_TEST_PG_USER PERFLINK_TEST_PG_PASSWORD

figures="$root/system-tests/target/system-tests/figures.txt"
rm -f "$figures"
cd "$root"
mvn -o -B -q verify -pl system-tests -Dit.test="$tests" -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dperflink.bench.projects="$projects" -DskipTests=false
echo
echo "nproc $(nproc), load average $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$figures"
