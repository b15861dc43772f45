# shellcheck shell=bash
# The execute and close stages of e2e.sh (sourced by it after the mock host is up; uses its variables and helpers:
# url, region, year, n, as_of, heap, jfr, live, bare, batch, keep, timeout_min, work, data, root, here, benchjar,
# launcher_pid, karaf_pid, log, now, secs, iso_to_epoch, cpu_s, gc_summary, stats).
#
# One run = one event appended to the mock, then `./perflink start ... --stages STAGE --data DIR --once`. How many
# results the event gives is the data's business, so the end is not a count: the launcher returns once PerfLink
# reports idle (every event handled, outbox empty) and Karaf is stopped, and the host's write count for the kinds
# of the stage must then stay still. The time of the last result is the host's own timestamp of the last write
# in /mock/received/log. The bare run (BareLimit --stage ...) counts the results the same data should give, and the
# host's ids are compared with it.

# sum of one counter (writes, ids, repeatedIds) of the given kinds in a /mock/stats answer
kind_sum() {
  local s="$1" field="$2" k v t=0
  shift 2
  for k in "$@"; do
    v="$(jq -r ".byRegion[\"$region\"][\"$k\"][\"$field\"] // 0" <<<"$s")"
    t=$((t + v))
  done
  echo "$t"
}

# every write attempt the mock logged so far (accepted or refused), the n of the last one
log_total() { jq -r '.log.size + .log.dropped' <<<"$1"; }

# a write of the log by its n: "at status kind"
log_entry() { curl -sf "$url/mock/received/log?after=$(($1 - 1))&limit=1" | jq -r '.items[0] | "\(.at) \(.status) \(.kind)"'; }

dead_before=0

# run_once LABEL STAGES EVENT_JSON KIND... — sets r_* globals for the report
run_once() {
  local label="$1" stages="$2" event="$3"
  shift 3
  local kinds=("$@")
  local s0 api0 log0 t_event t_start t_ready="" t_pickup="" t_grow="" t_launcher hwm_kb=0 rss_kb=0 h r s
  local api=0 writes=0 last_writes=-1 cpu_karaf0="" cpu_mock0="" cpu_karaf1="" cpu_mock1=""
  local live_max=0 live_samples="" last_histo=0 deadline b marker="$work/start-$label.marker"
  s0="$(stats)"
  api0="$(jq -r '.requests.api // 0' <<<"$s0")"
  log0="$(log_total "$s0")"

  curl -sf -X POST -H 'Content-Type: application/json' -d "$event" "$url/mock/regions/$region/stage-events" \
    >"$work/event-$label.json"
  t_event="$(now)"
  log "[$label] event appended: $(jq -c '.appended[0] | {seq, eventId, stage, phase, asOf, occurredAt}' "$work/event-$label.json")"

  local extra="-Xmx$heap -Xlog:gc:file=$work/gc-%p.log:uptime,level,tags${jvm_opts:+ $jvm_opts}"
  [[ $jfr -eq 1 ]] && extra="$extra -XX:StartFlightRecording=filename=$work/jfr/,settings=profile,dumponexit=true"
  mkdir -p "$work/jfr"
  log "[$label] starting PerfLink: ./perflink start --host-url $url --region $region --stages $stages --data $data --once (EXTRA_JAVA_OPTS=$extra)"
  touch "$marker"
  t_start="$(now)"
  karaf_pid=""
  EXTRA_JAVA_OPTS="$extra" JAVA_MAX_MEM="$heap" \
    "$root/perflink" start --host-url "$url" --region "$region" --stages "$stages" --data "$data" --once "${store_args[@]}" \
    >"$work/launcher-$label.out" 2>&1 &
  launcher_pid=$!

  deadline=$(( $(date +%s) + timeout_min * 60 ))
  while kill -0 "$launcher_pid" 2>/dev/null; do
    if [[ -z "$karaf_pid" ]]; then
      karaf_pid="$(pgrep -f -- "-Dkaraf.base=$data .*org\.apache\.karaf\.main\.Main( |$)" | head -1 || true)"
      [[ -n "$karaf_pid" ]] && log "[$label] Karaf JVM pid $karaf_pid"
    fi
    if [[ -n "$karaf_pid" && -r "/proc/$karaf_pid/status" ]]; then
      h="$(awk '/^VmHWM:/ {print $2}' "/proc/$karaf_pid/status" 2>/dev/null || echo 0)"
      r="$(awk '/^VmRSS:/ {print $2}' "/proc/$karaf_pid/status" 2>/dev/null || echo 0)"
      [[ -n "$h" && "$h" -gt "$hwm_kb" ]] && hwm_kb="$h"
      [[ -n "$r" && "$r" -gt "$rss_kb" ]] && rss_kb="$r"
    fi
    # status.json survives from an earlier run of the instance: only a newer one counts
    if [[ -z "$t_ready" && "$data/data/perflink/status.json" -nt "$marker" ]] \
        && jq -e ".regions[\"$region\"].state == \"ACTIVE\"" "$data/data/perflink/status.json" >/dev/null 2>&1; then
      t_ready="$(now)"
      log "[$label] PerfLink reports region $region ACTIVE ($(secs "$t_start" "$t_ready") s after start)"
    fi
    s="$(stats || echo '{}')"
    api="$(jq -r '.requests.api // 0' <<<"$s")"
    writes="$(kind_sum "$s" writes "${kinds[@]}")"
    if [[ -z "$t_pickup" && "$api" -gt "$api0" ]]; then
      t_pickup="$(now)"
      cpu_karaf0="$(cpu_s "$karaf_pid")"; cpu_mock0="$(cpu_s "$mock_pid")"
      log "[$label] PerfLink's first host request ($(secs "$t_event" "$t_pickup") s after the event)"
    fi
    if [[ "$writes" -gt "$last_writes" ]]; then
      [[ $last_writes -ge 0 && -n "$t_pickup" && -z "$t_grow" ]] && log "[$label] first results arriving"
      [[ $last_writes -ge 0 ]] && t_grow="$(now)"
      last_writes="$writes"
      # CPU up to the last sample that saw the results grow (≤ 0.5 s after the last write)
      cpu_karaf1="$(cpu_s "$karaf_pid")"; cpu_mock1="$(cpu_s "$mock_pid")"
    fi
    if [[ $live -eq 1 && -n "$t_pickup" && -n "$karaf_pid" && $(( $(date +%s) - last_histo )) -ge 10 ]]; then
      last_histo=$(date +%s)
      b="$(jcmd "$karaf_pid" GC.class_histogram 2>/dev/null | awk '/^Total/ {print $3}')"
      if [[ -n "$b" ]]; then
        live_samples="$live_samples $((b / 1048576))"
        [[ "$b" -gt "$live_max" ]] && live_max="$b"
      fi
    fi
    if [[ $(date +%s) -ge $deadline ]]; then
      log "[$label] timeout: $writes result writes after $timeout_min min, ./perflink start --once still waiting"
      log "[$label] Karaf log (last 40 lines of $data/data/log/karaf.log):"
      tail -40 "$data/data/log/karaf.log" >&2 || true
      keep=1
      exit 1
    fi
    if [[ -z "$t_pickup" ]]; then sleep 0.1; else sleep 0.5; fi
  done
  t_launcher="$(now)"
  local launcher_rc=0
  wait "$launcher_pid" || launcher_rc=$?
  launcher_pid=""
  log "[$label] launcher exited $launcher_rc: $(tail -1 "$work/launcher-$label.out")"
  if [[ $launcher_rc -ne 0 ]]; then
    log "[$label] ./perflink start --once failed; its output:"
    cat "$work/launcher-$label.out" >&2
    log "[$label] Karaf log (last 60 lines of $data/data/log/karaf.log):"
    tail -60 "$data/data/log/karaf.log" >&2 || true
    keep=1
    exit 1
  fi

  # the launcher saw idle; the host's counts must not move any more
  local s1 s2 stable=0
  s1="$(stats)"
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    sleep 1
    s2="$(stats)"
    if [[ "$(kind_sum "$s1" writes "${kinds[@]}")" == "$(kind_sum "$s2" writes "${kinds[@]}")" \
        && "$(log_total "$s1")" == "$(log_total "$s2")" ]]; then
      stable=1
      break
    fi
    s1="$s2"
  done
  [[ $stable -eq 1 ]] || log "[$label] WARNING: the host's writes still grew 10 s after the launcher saw idle"

  local final log1 writes_run ids_run repeated_run first last t_first="" t_last="" first_at last_at
  final="$s2"
  log1="$(log_total "$final")"
  writes_run=$(( $(kind_sum "$final" writes "${kinds[@]}") - $(kind_sum "$s0" writes "${kinds[@]}") ))
  ids_run=$(( $(kind_sum "$final" ids "${kinds[@]}") - $(kind_sum "$s0" ids "${kinds[@]}") ))
  repeated_run=$(( $(kind_sum "$final" repeatedIds "${kinds[@]}") - $(kind_sum "$s0" repeatedIds "${kinds[@]}") ))
  if [[ $log1 -gt $log0 ]]; then
    read -r first_at _ _ < <(log_entry $((log0 + 1)))
    read -r last_at last_status last_kind < <(log_entry "$log1")
    t_first="$(iso_to_epoch "$first_at")"
    t_last="$(iso_to_epoch "$last_at")"
  else
    log "[$label] WARNING: no result written at all"
    t_first="$t_launcher"; t_last="$t_launcher"
  fi
  local by_kind="" k
  for k in "${kinds[@]}"; do
    by_kind="$by_kind $k=$(( $(kind_sum "$final" ids "$k") - $(kind_sum "$s0" ids "$k") ))"
  done

  local gc_count gc_pause_ms peak_heap_mb live_heap_mb
  read -r gc_count gc_pause_ms peak_heap_mb live_heap_mb < <(gc_summary "$work/gc-${karaf_pid:-none}.log")
  local wall_event wall_pickup deliver boot rate rate_results rate_event cpu_karaf cpu_mock dead dead_total rejected api_requests
  wall_event="$(secs "$t_event" "$t_last")"
  wall_pickup="$(secs "${t_pickup:-$t_event}" "$t_last")"
  deliver="$(secs "$t_first" "$t_last")"
  boot="$(secs "$t_event" "${t_pickup:-$t_event}")"
  rate="$(python3 -c "print(round($n / max(0.001, $wall_pickup)))")"
  rate_results="$(python3 -c "print(round($ids_run / max(0.001, $wall_pickup)))")"
  rate_event="$(python3 -c "print(round($n / max(0.001, $wall_event)))")"
  cpu_karaf="$(python3 -c "print(f'{${cpu_karaf1:-0} - ${cpu_karaf0:-0}:.1f}')")"
  cpu_mock="$(python3 -c "print(f'{${cpu_mock1:-0} - ${cpu_mock0:-0}:.1f}')")"
  # the launcher reports the instance's dead letters (rejected items) so far: this run's are the difference
  dead_total="$(grep -o 'dead letters: [0-9]*' "$work/launcher-$label.out" | grep -o '[0-9]*' || echo '?')"
  if [[ "$dead_total" =~ ^[0-9]+$ ]]; then dead=$((dead_total - dead_before)); dead_before="$dead_total"; else dead='?'; fi
  rejected=$(( $(jq -r '.rejectedWrites' <<<"$final") - $(jq -r '.rejectedWrites // 0' <<<"$s0") ))
  api_requests=$(( $(jq -r '.requests.api' <<<"$final") - api0 ))

  r_label="$label"; r_wall_event="$wall_event"; r_wall="$wall_pickup"; r_boot="$boot"; r_deliver="$deliver"
  r_rate="$rate"; r_rate_results="$rate_results"; r_rate_event="$rate_event"; r_ids="$ids_run"; r_writes="$writes_run"
  r_repeated="$repeated_run"; r_rejected="$rejected"; r_api="$api_requests"; r_dead="$dead"; r_by_kind="$by_kind"
  r_peak_heap="$peak_heap_mb"; r_live_heap="$live_heap_mb"; r_gc="$gc_count"; r_gc_ms="$gc_pause_ms"
  r_rss=$((hwm_kb / 1024)); r_cpu_karaf="$cpu_karaf"; r_cpu_mock="$cpu_mock"
  r_idle_after="$(secs "$t_last" "$t_launcher")"; r_live_samples="$live_samples"; r_live_max=$((live_max / 1048576))
  r_karaf_pid="$karaf_pid"
  r_load="$(cut -d' ' -f1-3 /proc/loadavg)"
  karaf_pid=""
}

# bare_run STAGE — sets b_wall, b_results, b_line (empty when --no-bare)
bare_run() {
  b_wall=""; b_results=""; b_line=""
  [[ $bare -eq 1 ]] || return 0
  local args=(--projects "$n" --stage "$1")
  [[ $1 == execute ]] && args+=(--as-of "$as_of")
  log "bare limit: java -Xmx$heap -cp benchmarks.jar org.perflink.bench.BareLimit ${args[*]}"
  # shellcheck disable=SC2086 # the options are words
  java -Xmx"$heap" $jvm_opts -cp "$benchjar" org.perflink.bench.BareLimit "${args[@]}" >"$work/bare-$1.out" 2>&1 \
    || { cat "$work/bare-$1.out" >&2; exit 1; }
  b_line="$(grep '^BARE ' "$work/bare-$1.out")"
  b_wall="$(sed -E 's/.*wall_s=([0-9.]+).*/\1/' <<<"$b_line")"
  b_results="$(sed -E 's/.*results=([0-9]+).*/\1/' <<<"$b_line")"
}

# report TITLE RESULT_NAME BARE_STAGE — prints the last run_once and its bare limit, appends the E2E line
report() {
  local title="$1" what="$2" bstage="$3" mode ratio="" ratio_event="" check=""
  mode="$([[ $batch -eq 1 ]] && echo batch || echo no-batch)"
  echo
  echo "== PerfLink end-to-end, $title: $n projects of $region/$year (seed 1), write-back $mode, heap $heap"
  echo "   machine: $(nproc) cores, $(java -version 2>&1 | head -1), load average $r_load (at the end of the run)"
  printf '   event → last %s acknowledged   %8s s   (incl. Karaf start: first host request %s s after the event)\n' "$what" "$r_wall_event" "$r_boot"
  printf '   first request → last acknowledged   %8s s   %s projects/s, %s results/s   (%s projects/s from the event)\n' \
    "$r_wall" "$r_rate" "$r_rate_results" "$r_rate_event"
  printf '   first → last write                  %8s s\n' "$r_deliver"
  printf '   results: %s ids (%s), %s writes, %s repeated ids, %s rejected writes, %s API requests, dead letters (rejected items) %s\n' \
    "$r_ids" "${r_by_kind# }" "$r_writes" "$r_repeated" "$r_rejected" "$r_api" "$r_dead"
  printf '   Karaf JVM: peak heap %s MB (occupancy before a GC), ≤ %s MB after a GC, %s GCs / %s ms pauses; peak RSS %s MB (VmHWM)\n' \
    "$r_peak_heap" "$r_live_heap" "$r_gc" "$r_gc_ms" "$r_rss"
  if [[ $live -eq 1 ]]; then
    printf '   live heap (class histograms every 10 s, MB):%s; max %s MB\n' "$r_live_samples" "$r_live_max"
  fi
  printf '   CPU from the first request to the last result: Karaf JVM %s s, mock host JVM %s s (of %s s × %s cores)\n' \
    "$r_cpu_karaf" "$r_cpu_mock" "$r_wall" "$(nproc)"
  printf '   launcher: idle seen and Karaf stopped %s s after the last result\n' "$r_idle_after"
  if [[ -n "$b_wall" ]]; then
    ratio="$(python3 -c "print(f'{$r_wall / $b_wall:.2f}')")"
    ratio_event="$(python3 -c "print(f'{$r_wall_event / $b_wall:.2f}')")"
    echo "   bare limit: $(grep -E '^  wall' "$work/bare-$bstage.out" | sed 's/^ *//')"
    echo "               $(grep -E '^  peak heap' "$work/bare-$bstage.out" | sed 's/^ *//')"
    echo "               $(grep -E '^  results' "$work/bare-$bstage.out" | sed 's/^ *//')"
    printf '   end-to-end ÷ bare = %s (from the first request), %s (from the event, incl. Karaf start)\n' "$ratio" "$ratio_event"
    if [[ "$b_results" == "$r_ids" ]]; then
      check="ok"
      printf '   the host holds the %s results the bare run computed from the same data\n' "$b_results"
    else
      check="MISMATCH"
      printf '   MISMATCH: the bare run computed %s results, the host holds %s ids\n' "$b_results" "$r_ids"
    fi
  fi
  if [[ $jfr -eq 1 ]]; then
    echo "   JFR recording of the Karaf JVM: $(ls "$work"/jfr/*pid-"$r_karaf_pid"-* 2>/dev/null || ls "$work"/jfr/)"
  fi
  local line live_max_field=""
  [[ $live -eq 1 ]] && live_max_field="$r_live_max"
  line="E2E date=$(date -u +%FT%TZ) stage=$r_label n=$n mode=$mode heap=$heap jvm="${jvm_opts}" store=$([[ $pg -eq 1 ]] && echo postgresql || echo h2) wall_event_s=$r_wall_event wall_s=$r_wall boot_s=$r_boot deliver_s=$r_deliver per_s=$r_rate results=$r_ids results_per_s=$r_rate_results peak_heap_mb=$r_peak_heap after_gc_heap_mb=$r_live_heap peak_rss_mb=$r_rss cpu_karaf_s=$r_cpu_karaf cpu_mock_s=$r_cpu_mock live_heap_max_mb=$live_max_field gc=$r_gc gc_ms=$r_gc_ms dead=$r_dead rejected=$r_rejected bare_wall_s=${b_wall:-} bare_results=${b_results:-} results_check=${check:-} ratio=${ratio:-} ratio_event=${ratio_event:-} load=${r_load%% *}"
  echo "$line"
  mkdir -p "$here/target"
  echo "$line" >>"$here/target/e2e-results.txt"
}

run_stage() {
  case "$1" in
    execute)
      run_once execute execute \
        "{\"year\":$year,\"stage\":\"EXECUTE\",\"phase\":\"MONITOR\",\"asOf\":\"$as_of\",\"projectCodes\":[]}" warning
      bare_run execute
      report "execute stage (EXECUTE/MONITOR at $as_of)" "warning" execute
      ;;
    close)
      run_once evaluate close "{\"year\":$year,\"stage\":\"CLOSE\",\"phase\":\"EVALUATE\",\"projectCodes\":[]}" score
      bare_run close
      report "close stage, CLOSE/EVALUATE" "score" close
      run_once link close "{\"year\":$year,\"stage\":\"CLOSE\",\"phase\":\"LINK\",\"projectCodes\":[]}" adjustment notice
      bare_run link
      report "close stage, CLOSE/LINK (after EVALUATE, same instance)" "adjustment/notice" link
      ;;
  esac
}
