#!/usr/bin/env bash
# End-to-end benchmark (issue 8): the PerfLink distribution against the standalone mock host serving N
# generated projects, ONE region-wide stage event, measured from the event to the last result the host
# acknowledged; then the bare limit (BareLimit) on the same N, and the ratio.
#
#   benchmarks/e2e.sh [N] [--stage compile|execute|close] [--no-batch] [--heap 512m]
#                     [--phase DECLARED|REVIEWED|APPROVED|PUBLISHED] [--as-of YYYY-MM-DD]
#                     [--jfr] [--live] [--keep] [--no-bare] [--timeout-min 30] [--jvm "OPTIONS"] [--pg]
#
#   N            projects of the generated region 440000/2027, seed 1 (default 10000)
#   --stage      compile (default): one COMPILE event, done when the host holds N verdict ids.
#                execute: one EXECUTE/MONITOR event at --as-of (default 2027-09-30), measured to the last
#                  warning acknowledged. How many warnings come is the data's business: the run is done when
#                  ./perflink start --once has seen idle (every event handled, outbox empty) and stopped, and the
#                  host's warning writes no longer grow; the bare run's count is then compared with the host's.
#                close: one CLOSE/EVALUATE event (scores), then one CLOSE/LINK event (adjustments + notices), each
#                  with its own ./perflink start --once on the same instance, measured separately.
#   --no-batch   the mock answers 404 to results:batch, so PerfLink writes back with single PUTs
#   --phase      phase of the COMPILE event (default PUBLISHED: every compile rule runs, as in the JMH and bare runs)
#   --as-of      cut-off date of the EXECUTE/MONITOR event (the generator has snapshots for every date of the year)
#   --heap       max heap of the Karaf JVM and of the bare run (default 512m, issue 8's target)
#   --jfr        record the Karaf JVM with JFR (settings=profile) into the work directory (implies --keep)
#   --live       every 10 s while PerfLink works, a class histogram of the Karaf JVM (jcmd GC.class_histogram:
#                a full GC, so it perturbs the timing) gives the live heap; reports its maximum
#   --keep       keep the work directory (Karaf instance, logs, GC log) for inspection
#   --no-bare    skip the bare-limit run
#   --jvm        more options for the Karaf JVM and the bare run alike (e.g. "-XX:TieredStopAtLevel=1")
#   --pg         the store on PostgreSQL instead of the embedded H2: the cluster of .ci/postgres.sh (started when
#                needed), its schema emptied first; the launcher gets --store-url and --store-user
#
# Needs: the distribution and the launcher (mvn -B install -DskipTests at the root), the mock host's
# standalone jar, target/benchmarks.jar (mvn -o -B install -f benchmarks/pom.xml), curl, jq, python3.
#
# Karaf 4.4's bin/inc no longer reads JAVA_MAX_MEM / JAVA_MIN_MEM (the Karaf 4.2 variables); it appends
# EXTRA_JAVA_OPTS to JAVA_OPTS, so that is how the heap cap and the GC log reach the Karaf JVM. JAVA_MAX_MEM
# is exported as well, for older scripts.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
version=1.0.0-SNAPSHOT
mockjar="$root/bundles/mock-host/target/org.perflink.mockhost-$version-standalone.jar"
benchjar="$here/target/benchmarks.jar"
region=440000
year=2027

n=10000
batch=1
phase=PUBLISHED
heap=512m
jfr=0
keep=0
bare=1
live=0
timeout_min=30
jvm_opts=""
pg=0
stage=compile
as_of="$year-09-30"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-batch) batch=0 ;;
    --phase) phase="${2^^}"; shift ;;
    --heap) heap="$2"; shift ;;
    --jfr) jfr=1; keep=1 ;;
    --keep) keep=1 ;;
    --live) live=1 ;;
    --no-bare) bare=0 ;;
    --jvm) jvm_opts="$2"; shift ;;
    --pg) pg=1 ;;
    --timeout-min) timeout_min="$2"; shift ;;
    --stage) stage="${2,,}"; shift ;;
    --as-of) as_of="$2"; shift ;;
    -h|--help) sed -n '2,33p' "$0"; exit 0 ;;
    [0-9]*) n="$1" ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done

case "$stage" in compile|execute|close) ;; *) echo "--stage: '$stage' is not one of compile, execute, close" >&2; exit 2 ;; esac

for tool in curl jq python3 java; do
  command -v "$tool" >/dev/null || { echo "e2e.sh needs $tool" >&2; exit 2; }
done
store_args=()
if [[ $pg -eq 1 ]]; then
  eval "$(bash "$root/.ci/postgres.sh")"
  export PERFLINK_STORE_PASSWORD="$PERFLINK_TEST_PG_PASSWORD"
  pg_hostport="${PERFLINK_TEST_PG_URL#jdbc:postgresql://}"; pg_hostport="${pg_hostport%%/*}"
  PGPASSWORD="$PERFLINK_TEST_PG_PASSWORD" psql -q -h "${pg_hostport%:*}" -p "${pg_hostport#*:}" -U "$PERFLINK_TEST_PG_USER" \
    "${PERFLINK_TEST_PG_URL##*/}" -c "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;" >&2
  store_args=(--store-url "$PERFLINK_TEST_PG_URL" --store-user "$PERFLINK_TEST_PG_USER")
fi
[[ -f "$mockjar" ]] || { echo "no mock host jar at $mockjar (mvn -o -B install -f bundles/mock-host/pom.xml)" >&2; exit 2; }
[[ $bare -eq 0 || -f "$benchjar" ]] || { echo "no $benchjar (mvn -o -B install -f benchmarks/pom.xml)" >&2; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/perflink-e2e.XXXXXX")"
data="$work/karaf"
mock_pid=""
launcher_pid=""
karaf_pid=""

log() { printf '[e2e %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
now() { date +%s.%N; }
# seconds between two epoch timestamps, 2 decimals
secs() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$1" "$2"; }
iso_to_epoch() { date -d "$1" +%s.%N; }
# CPU seconds (user + system) a process has used so far; empty when it is gone
cpu_s() { [[ -n "$1" && -r "/proc/$1/stat" ]] && awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / hz }' "/proc/$1/stat" 2>/dev/null || true; }

# heap from a GC log: "count pause_ms peak_mb live_mb", peak = occupancy before a collection, live = after it
gc_summary() {
  python3 - "$1" <<'PY'
import re, sys
unit = {"K": 1 / 1024, "M": 1, "G": 1024}
count = 0; pause = 0.0; peak = 0.0; live = 0.0
try:
    lines = open(sys.argv[1], errors="replace").readlines()
except OSError:
    lines = []
for line in lines:
    m = re.search(r"GC\(\d+\) Pause .*? (\d+)([KMG])->(\d+)([KMG])\(\d+[KMG]\) ([\d.]+)ms", line)
    if not m:
        continue
    count += 1
    pause += float(m.group(5))
    peak = max(peak, int(m.group(1)) * unit[m.group(2)])
    live = max(live, int(m.group(3)) * unit[m.group(4)])
print(count, round(pause), round(peak), round(live))
PY
}

cleanup() {
  set +e
  if [[ -n "$launcher_pid" ]] && kill -0 "$launcher_pid" 2>/dev/null; then
    kill "$launcher_pid" 2>/dev/null; wait "$launcher_pid" 2>/dev/null
  fi
  if [[ -x "$data/bin/stop" ]] && [[ -n "$karaf_pid" ]] && kill -0 "$karaf_pid" 2>/dev/null; then
    log "stopping the Karaf instance (pid $karaf_pid)"
    "$root/perflink" stop --data "$data" >/dev/null 2>&1
  fi
  if [[ -n "$mock_pid" ]] && kill -0 "$mock_pid" 2>/dev/null; then
    kill "$mock_pid" 2>/dev/null; wait "$mock_pid" 2>/dev/null
  fi
  if [[ $keep -eq 1 ]]; then
    log "work directory kept: $work"
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT

# ---------------------------------------------------------------- (a) the mock host
mock_args=(--generate "$n" --region "$region" --year "$year" --seed 1 --no-bodies --port 0 --max-log $((n + 100000)))
# the close stage writes about 2 N results (scores, then adjustments), every one in the write log
[[ $stage == close ]] && mock_args[-1]=$((3 * n + 100000))
[[ $batch -eq 1 ]] || mock_args+=(--no-batch)
log "starting the mock host: ${mock_args[*]}"
java -Xms256m -Xmx1g -jar "$mockjar" "${mock_args[@]}" >"$work/mock.out" 2>&1 &
mock_pid=$!
url=""
for _ in $(seq 1 150); do
  url="$(grep -o 'listening on http://[0-9.:]*' "$work/mock.out" 2>/dev/null | head -1 | sed 's/listening on //')" || true
  [[ -n "$url" ]] && break
  kill -0 "$mock_pid" 2>/dev/null || { cat "$work/mock.out" >&2; echo "mock host did not start" >&2; exit 1; }
  sleep 0.2
done
[[ -n "$url" ]] || { echo "mock host did not print its address" >&2; exit 1; }
log "mock host at $url (pid $mock_pid), batch $([[ $batch -eq 1 ]] && echo on || echo off)"

stats() { curl -sf "$url/mock/stats"; }

if [[ $stage != compile ]]; then
  # shellcheck source=e2e-stages.sh
  source "$here/e2e-stages.sh"
  run_stage "$stage"
  exit 0
fi

# ---------------------------------------------------------------- (b) one COMPILE event, then PerfLink --once
event="{\"year\":$year,\"stage\":\"COMPILE\",\"phase\":\"$phase\",\"projectCodes\":[]}"
curl -sf -X POST -H 'Content-Type: application/json' -d "$event" "$url/mock/regions/$region/stage-events" \
  >"$work/event.json"
t_event="$(now)"
log "event appended: $(jq -c '.appended[0] | {seq, eventId, stage, phase, occurredAt}' "$work/event.json")"

# EXTRA_JAVA_OPTS also reaches the short JVMs of bin/status and bin/stop: one GC log per pid (%p), JFR into a
# directory (a file per pid); the Karaf server JVM's own files are picked by its pid afterwards.
mkdir -p "$work/jfr"
extra="-Xmx$heap -Xlog:gc:file=$work/gc-%p.log:uptime,level,tags${jvm_opts:+ $jvm_opts}"
[[ $jfr -eq 1 ]] && extra="$extra -XX:StartFlightRecording=filename=$work/jfr/,settings=profile,dumponexit=true"
log "starting PerfLink: ./perflink start --host-url $url --region $region --stages compile --data $data --once (EXTRA_JAVA_OPTS=$extra)"
t_start="$(now)"
EXTRA_JAVA_OPTS="$extra" JAVA_MAX_MEM="$heap" \
  "$root/perflink" start --host-url "$url" --region "$region" --stages compile --data "$data" --once "${store_args[@]}" \
  >"$work/launcher.out" 2>&1 &
launcher_pid=$!

# ---------------------------------------------------------------- (c) sample until every verdict is acknowledged
t_ready=""; t_pickup=""; t_done=""; hwm_kb=0; rss_kb=0; ids=0; writes=0; api=0
cpu_karaf0=""; cpu_mock0=""; cpu_karaf1=""; cpu_mock1=""
live_max=0; live_samples=""; last_histo=0
deadline=$(( $(date +%s) + timeout_min * 60 ))
while :; do
  if [[ -z "$karaf_pid" ]]; then
    karaf_pid="$(pgrep -f -- "-Dkaraf.base=$data .*org\.apache\.karaf\.main\.Main( |$)" | head -1 || true)"
    [[ -n "$karaf_pid" ]] && log "Karaf JVM pid $karaf_pid"
  fi
  if [[ -n "$karaf_pid" && -r "/proc/$karaf_pid/status" ]]; then
    h="$(awk '/^VmHWM:/ {print $2}' "/proc/$karaf_pid/status" 2>/dev/null || echo 0)"
    r="$(awk '/^VmRSS:/ {print $2}' "/proc/$karaf_pid/status" 2>/dev/null || echo 0)"
    [[ -n "$h" && "$h" -gt "$hwm_kb" ]] && hwm_kb="$h"
    [[ -n "$r" && "$r" -gt "$rss_kb" ]] && rss_kb="$r"
  fi
  if [[ -z "$t_ready" && -f "$data/data/perflink/status.json" ]] \
      && jq -e ".regions[\"$region\"].state == \"ACTIVE\"" "$data/data/perflink/status.json" >/dev/null 2>&1; then
    t_ready="$(now)"
    log "PerfLink reports region $region ACTIVE ($(secs "$t_start" "$t_ready") s after start)"
  fi
  s="$(stats || echo '{}')"
  api="$(jq -r '.requests.api // 0' <<<"$s")"
  ids="$(jq -r ".byRegion[\"$region\"].verdict.ids // 0" <<<"$s")"
  writes="$(jq -r ".byRegion[\"$region\"].verdict.writes // 0" <<<"$s")"
  if [[ -z "$t_pickup" && "$api" -gt 0 ]]; then
    t_pickup="$(now)"
    cpu_karaf0="$(cpu_s "$karaf_pid")"; cpu_mock0="$(cpu_s "$mock_pid")"
    log "PerfLink's first host request ($(secs "$t_event" "$t_pickup") s after the event)"
  fi
  if [[ $live -eq 1 && -n "$t_pickup" && $(( $(date +%s) - last_histo )) -ge 10 ]]; then
    last_histo=$(date +%s)
    b="$(jcmd "$karaf_pid" GC.class_histogram 2>/dev/null | awk '/^Total/ {print $3}')"
    if [[ -n "$b" ]]; then
      live_samples="$live_samples $((b / 1048576))"
      [[ "$b" -gt "$live_max" ]] && live_max="$b"
    fi
  fi
  if [[ "$ids" -ge "$n" ]]; then
    t_done="$(now)"
    cpu_karaf1="$(cpu_s "$karaf_pid")"; cpu_mock1="$(cpu_s "$mock_pid")"
    break
  fi
  if ! kill -0 "$launcher_pid" 2>/dev/null; then
    log "the launcher exited before every verdict arrived ($ids of $n); its output:"
    cat "$work/launcher.out" >&2
    keep=1
    exit 1
  fi
  if [[ $(date +%s) -ge $deadline ]]; then
    log "timeout: $ids of $n verdicts after $timeout_min min"; keep=1; exit 1
  fi
  # fine-grained until PerfLink's first request (it marks the pickup), coarser while it works (stats is O(ids))
  if [[ -z "$t_pickup" ]]; then sleep 0.1; else sleep 0.5; fi
done
log "$ids verdicts acknowledged ($writes writes)"

# precise host-side times of the first and last verdict write
first_at="$(curl -sf "$url/mock/received/log?kind=verdict&after=0&limit=1" | jq -r '.items[0].at')"
last_at="$(curl -sf "$url/mock/received/log?kind=verdict&after=$((writes - 1))&limit=1" | jq -r '.items[0].at')"
t_first="$(iso_to_epoch "$first_at")"
t_last="$(iso_to_epoch "$last_at")"
final_stats="$(stats)"

# the launcher sees idle and stops Karaf; keep sampling RSS until the JVM is gone
log "waiting for ./perflink start --once to see idle and stop Karaf"
while kill -0 "$launcher_pid" 2>/dev/null; do
  if [[ -n "$karaf_pid" && -r "/proc/$karaf_pid/status" ]]; then
    h="$(awk '/^VmHWM:/ {print $2}' "/proc/$karaf_pid/status" 2>/dev/null || echo 0)"
    [[ -n "$h" && "$h" -gt "$hwm_kb" ]] && hwm_kb="$h"
  fi
  sleep 0.5
done
t_launcher="$(now)"
launcher_rc=0; wait "$launcher_pid" || launcher_rc=$?
launcher_pid=""
log "launcher exited $launcher_rc: $(tail -1 "$work/launcher.out")"

# heap from the GC log: occupancy before each collection (peak) and after it (live set)
read -r gc_count gc_pause_ms peak_heap_mb live_heap_mb < <(gc_summary "$work/gc-${karaf_pid:-none}.log")

wall_event="$(secs "$t_event" "$t_last")"
wall_pickup="$(secs "${t_pickup:-$t_event}" "$t_last")"
deliver="$(secs "$t_first" "$t_last")"
boot="$(secs "$t_event" "${t_pickup:-$t_event}")"
rate="$(python3 -c "print(round($n / max(0.001, $wall_pickup)))")"
rate_event="$(python3 -c "print(round($n / max(0.001, $wall_event)))")"
rejected="$(jq -r '.rejectedWrites' <<<"$final_stats")"
repeated="$(jq -r ".byRegion[\"$region\"].verdict.repeatedIds // 0" <<<"$final_stats")"
api_requests="$(jq -r '.requests.api' <<<"$final_stats")"
cpu_karaf="$(python3 -c "print(f'{${cpu_karaf1:-0} - ${cpu_karaf0:-0}:.1f}')")"
cpu_mock="$(python3 -c "print(f'{${cpu_mock1:-0} - ${cpu_mock0:-0}:.1f}')")"
dead="$(grep -o 'dead letters: [0-9]*' "$work/launcher.out" | grep -o '[0-9]*' || echo '?')"

# ---------------------------------------------------------------- (d) the bare limit on the same N
bare_wall=""; bare_line=""
if [[ $bare -eq 1 ]]; then
  log "bare limit: java -Xmx$heap -cp benchmarks.jar org.perflink.bench.BareLimit --projects $n --phase $phase"
  # shellcheck disable=SC2086 # the options are words
  java -Xmx"$heap" $jvm_opts -cp "$benchjar" org.perflink.bench.BareLimit --projects "$n" --phase "$phase" \
    >"$work/bare.out" 2>&1 || { cat "$work/bare.out" >&2; exit 1; }
  bare_line="$(grep '^BARE ' "$work/bare.out")"
  bare_wall="$(sed -E 's/.*wall_s=([0-9.]+).*/\1/' <<<"$bare_line")"
fi

mode="$([[ $batch -eq 1 ]] && echo batch || echo no-batch)"
echo
echo "== PerfLink end-to-end, compile stage: $n projects of $region/$year (seed 1), phase $phase, write-back $mode, heap $heap"
echo "   machine: $(nproc) cores, $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '   event → last verdict acknowledged   %8s s   (incl. Karaf start: first host request %s s after the event)\n' "$wall_event" "$boot"
printf '   first request → last acknowledged   %8s s   %s results/s   (%s results/s from the event)\n' "$wall_pickup" "$rate" "$rate_event"
printf '   first → last verdict write          %8s s\n' "$deliver"
printf '   verdicts %s ids, %s writes, %s repeated ids, %s rejected writes, %s API requests, dead letters %s\n' \
  "$ids" "$writes" "$repeated" "$rejected" "$api_requests" "$dead"
printf '   Karaf JVM: peak heap %s MB (occupancy before a GC), ≤ %s MB after a GC, %s GCs / %s ms pauses; peak RSS %s MB (VmHWM)\n' \
  "$peak_heap_mb" "$live_heap_mb" "$gc_count" "$gc_pause_ms" "$((hwm_kb / 1024))"
if [[ $live -eq 1 ]]; then
  printf '   live heap (class histograms every 10 s, MB):%s; max %s MB\n' "$live_samples" "$((live_max / 1048576))"
fi
printf '   CPU from the first request to the last verdict: Karaf JVM %s s, mock host JVM %s s (of %s s × %s cores)\n' \
  "$cpu_karaf" "$cpu_mock" "$wall_pickup" "$(nproc)"
printf '   launcher: idle seen and Karaf stopped %s s after the last verdict (exit %s)\n' "$(secs "$t_last" "$t_launcher")" "$launcher_rc"
ratio=""; ratio_event=""
if [[ -n "$bare_wall" ]]; then
  ratio="$(python3 -c "print(f'{$wall_pickup / $bare_wall:.2f}')")"
  ratio_event="$(python3 -c "print(f'{$wall_event / $bare_wall:.2f}')")"
  echo "   bare limit: $(grep -E '^  wall' "$work/bare.out" | sed 's/^ *//')"
  echo "               $(grep -E '^  peak heap' "$work/bare.out" | sed 's/^ *//')"
  printf '   end-to-end ÷ bare = %s (from the first request), %s (from the event, incl. Karaf start)\n' "$ratio" "$ratio_event"
fi
if [[ $jfr -eq 1 ]]; then
  echo "   JFR recording of the Karaf JVM: $(ls "$work"/jfr/*pid-"$karaf_pid"-* 2>/dev/null || ls "$work"/jfr/)"
fi
line="E2E date=$(date -u +%FT%TZ) n=$n mode=$mode phase=$phase heap=$heap jvm="${jvm_opts}" store=$([[ $pg -eq 1 ]] && echo postgresql || echo h2) wall_event_s=$wall_event wall_s=$wall_pickup boot_s=$boot deliver_s=$deliver per_s=$rate peak_heap_mb=$peak_heap_mb after_gc_heap_mb=$live_heap_mb peak_rss_mb=$((hwm_kb / 1024)) cpu_karaf_s=$cpu_karaf cpu_mock_s=$cpu_mock live_heap_max_mb=$([[ $live -eq 1 ]] && echo $((live_max / 1048576))) gc=$gc_count gc_ms=$gc_pause_ms bare_wall_s=${bare_wall:-} ratio=${ratio:-} ratio_event=${ratio_event:-} load=$(cut -d' ' -f1 /proc/loadavg)"
echo "$line"
mkdir -p "$here/target"
echo "$line" >>"$here/target/e2e-results.txt"
