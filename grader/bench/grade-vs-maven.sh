#!/usr/bin/env bash
# Benchmark (not a test): grading N caching-lab submissions with the grader versus the Maven baseline
# an instructor would otherwise run, one `mvnw test` per submission.
#
#   grader/bench/grade-vs-maven.sh [N]        N submissions, default 20; work dir: $WORK or /tmp/grade-vs-maven
#
# Targets (from the issue): the grader at least 10x faster than the Maven baseline, and at most 1.5 s per
# submission on 2 cores. The timed section holds /tmp/prodev-mvn.lock, so no other build shares the cores.
set -euo pipefail

n=${1:-20}
[[ "$n" =~ ^[0-9]+$ ]] && (( n >= 4 )) || { echo "usage: $0 [N>=4]" >&2; exit 2; }
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${WORK:-/tmp/grade-vs-maven}
lock=/tmp/prodev-mvn.lock
lab=caching-lab
jobs=2

log() { echo "bench: $*" >&2; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

cd "$root"
rm -rf "$work"
mkdir -p "$work/subs" "$work/mvn"

# --- one-off set-up (not timed) ------------------------------------------------------------------------
log "building labkit, caching-lab and the grader (install, no tests) ..."
flock "$lock" ./mvnw -q -B -pl grader -am install -DskipTests
log "writing the learner edition ..."
flock "$lock" ./grader.sh starter --out "$work/starter" --labs "$lab" >/dev/null

ref="$root/$lab"
starter="$work/starter/$lab"
mapfile -t learner_files < <(jq -r '.tasks[].files[]' "$ref/lab.json")
task_count=$(jq '.tasks | length' "$ref/lab.json")
max_points=$(jq '[.tasks[].points] | add' "$ref/lab.json")

# Copies learner files from a lab folder into a submission folder.
copy_files() { # from to files...
  local from=$1 to=$2 file; shift 2
  for file in "$@"; do
    mkdir -p "$to/$(dirname "$file")"
    cp "$from/$file" "$to/$file"
  done
}

# The mix: every 5th submission the reference (full marks), every 5th the starter (0), the rest the reference
# with one task's files swapped for their starter version (that task lost); submission 4 does not compile.
declare -A expected kind
compile_error=4
for ((i = 1; i <= n; i++)); do
  id=$(printf 's%02d' "$i")
  dir="$work/subs/$id/$lab"
  mkdir -p "$dir"
  cp "$ref/lab.json" "$dir/lab.json"
  if (( i % 5 == 1 )); then
    copy_files "$ref" "$dir" "${learner_files[@]}"
    kind[$id]="reference"; expected[$id]=$max_points
  elif (( i % 5 == 2 )); then
    copy_files "$starter" "$dir" "${learner_files[@]}"
    kind[$id]="starter"; expected[$id]=0
  else
    task=$(( i % task_count ))
    copy_files "$ref" "$dir" "${learner_files[@]}"
    mapfile -t task_files < <(jq -r ".tasks[$task].files[]" "$ref/lab.json")
    copy_files "$starter" "$dir" "${task_files[@]}"
    points=$(jq ".tasks[$task].points" "$ref/lab.json")
    kind[$id]="task $task starter"; expected[$id]=$(( max_points - points ))
  fi
  if (( i == compile_error )); then
    # A stray line in LRUCache.java (task 3): the grader swaps that file for its starter, so task 3 is lost.
    echo "this line does not compile" >> "$dir/src/main/java/io/prodev/labs/caching/LRUCache.java"
    kind[$id]="${kind[$id]} + LRUCache compile error"
    if [[ ${kind[$id]} != "task 3 starter"* ]]; then
      expected[$id]=$(( ${expected[$id]} - $(jq '.tasks[3].points' "$ref/lab.json") ))
    fi
  fi
  # The Maven baseline's copy: the learner edition with this submission's learner files in place.
  cp -r "$work/starter" "$work/mvn/$id"
  copy_files "$work/subs/$id/$lab" "$work/mvn/$id/$lab" "${learner_files[@]}"
done
cp -r "$work/starter" "$work/mvn/warmup"
log "$n submissions in $work/subs"

# --- timed section: the lock is held throughout, so nothing else builds on these cores --------------------
exec 9>>"$lock"
log "waiting for $lock ..."
flock 9
log "lock held"

grade() { # out-dir [grader options]; the seconds go to stdout; fails if grader.sh had to build the grader first
  local out=$1 start
  shift
  rm -rf "$out"
  start=$(now)
  ./grader.sh grade --lab "$lab" --out "$out" --batch "$work/subs" --jobs "$jobs" "$@" \
    >"$out.stdout" 2>"$out.stderr" 9>&-
  since "$start"
  ! grep -q "building the grader" "$out.stderr"
}

# grader.sh rebuilds the grader when a source is newer than grader/target/runtime-classpath.txt, but the build
# leaves that file alone when the class path is unchanged, so after any edit every call rebuilds. Build here and
# date the stamp to the build's start: an edit made during or after the build still triggers a rebuild.
build_grader() {
  local start
  start=$(date +%s.%N)
  log "building the grader (not timed) ..."
  ./mvnw -q -B -pl grader -am process-classes 9>&- || return 1
  touch -d "@$start" grader/target/runtime-classpath.txt
  log "warm-up: one grader call (not timed) ..."
  rm -rf "$work/warmup-out"
  ./grader.sh grade --lab "$lab" --out "$work/warmup-out" "$work/subs/s01" >/dev/null 2>"$work/warmup-out.stderr" 9>&-
}

log "warm-up: one Maven run on the learner edition (not timed) ..."
(cd "$work/mvn/warmup" && ./mvnw -o -q -B -pl "$lab" test -Dsurefire.failIfNoSpecifiedTests=false \
  >"$work/mvn/warmup.log" 2>&1 9>&- || true)

for attempt in 1 2 3; do
  if ! build_grader; then
    log "the grader does not build now (its sources are being edited?): trying again in 30 s"
    sleep 30
    continue
  fi
  log "timing the grader: $n submissions, --jobs $jobs ..."
  if grader_s=$(grade "$work/out"); then
    break
  fi
  log "the grader's sources changed before the timed run, so it rebuilt itself: timing again"
done
[[ -n "${grader_s:-}" && -f "$work/out/gradebook.csv" ]] && ! grep -q "building the grader" "$work/out.stderr" \
  || { log "could not time the grader: its sources kept changing or did not build"; exit 3; }

log "timing the grader with --fresh-jvms (a test JVM per submission; for comparison, no target) ..."
fresh_s=$(grade "$work/out-fresh" --fresh-jvms) || fresh_s="?"

log "timing the Maven baseline: $n submissions, one after another ..."
start=$(now)
for ((i = 1; i <= n; i++)); do
  id=$(printf 's%02d' "$i")
  (cd "$work/mvn/$id" && ./mvnw -o -q -B -pl "$lab" test -Dsurefire.failIfNoSpecifiedTests=false \
    >"$work/mvn/$id.log" 2>&1 9>&- || true)
done
maven_s=$(since "$start")
echo "grader_s=$grader_s fresh_s=$fresh_s maven_s=$maven_s" >"$work/timings"

flock -u 9
exec 9>&-
log "lock released"

# --- sanity: the grader's totals against the mix, Maven's test counts ------------------------------------
gradebook="$work/out/gradebook.csv"
total_col=$(head -1 "$gradebook" | tr ',' '\n' | grep -nx total | cut -d: -f1)
wrong=0
for ((i = 1; i <= n; i++)); do
  id=$(printf 's%02d' "$i")
  got=$(awk -F, -v id="$id" -v c="$total_col" '$1 == id { print $c }' "$gradebook")
  if [[ "${got%.*}" != "${expected[$id]}" ]]; then
    log "$id (${kind[$id]}): grader gave ${got:-nothing}, expected ${expected[$id]}"
    wrong=$((wrong + 1))
  fi
done
# The same submissions graded in warm JVMs and in fresh ones must get the same totals.
same_fresh="?"
if [[ -f "$work/out-fresh/gradebook.csv" ]]; then
  same_fresh=0
  for ((i = 1; i <= n; i++)); do
    id=$(printf 's%02d' "$i")
    warm=$(awk -F, -v id="$id" -v c="$total_col" '$1 == id { print $c }' "$gradebook")
    fresh=$(awk -F, -v id="$id" -v c="$total_col" '$1 == id { print $c }' "$work/out-fresh/gradebook.csv")
    if [[ -n "$warm" && "$warm" == "$fresh" ]]; then
      same_fresh=$((same_fresh + 1))
    else
      log "$id: warm JVM gave ${warm:-nothing}, fresh JVM gave ${fresh:-nothing}"
    fi
  done
fi
maven_tests=$(sed -n 's/.*Tests run: \([0-9]*\), Failures.*/\1/p' "$work/mvn/s01.log" | tail -1)
if [[ -z "$maven_tests" ]]; then # -q prints no summary when every test passes: count the surefire reports
  maven_tests=$(cat "$work/mvn/s01/$lab"/target/surefire-reports/TEST-*.xml | grep -c '<testcase ' || true)
fi
grader_tests=$(jq '.tests | length' "$work/out/s01/results.json" 2>/dev/null || echo "?")

# --- report -----------------------------------------------------------------------------------------------
awk -v n="$n" -v g="$grader_s" -v f="$fresh_s" -v m="$maven_s" -v jobs="$jobs" -v date="$(date -u '+%Y-%m-%d %H:%M UTC')" \
    -v cores="$(nproc)" -v java="$(java -version 2>&1 | head -1)" -v wrong="$wrong" \
    -v gt="$grader_tests" -v mt="$maven_tests" -v sf="$same_fresh" 'BEGIN {
  gs = g / n; ms = m / n; ratio = m / g
  printf "grade-vs-maven: %d caching-lab submissions, %s\n", n, date
  printf "machine: nproc=%s, %s\n\n", cores, java
  printf "%-34s %9s %15s\n", "", "total (s)", "per submission"
  printf "%-34s %9.1f %13.2f s\n", "grader (grade --batch, --jobs " jobs ")", g, gs
  if (f != "?") printf "%-34s %9.1f %13.2f s\n", "grader with --fresh-jvms", f, f / n
  printf "%-34s %9.1f %13.2f s\n", "maven (mvnw -o test, sequential)", m, ms
  printf "%-34s %9.1f x\n\n", "ratio maven / grader", ratio
  printf "target: grader >= 10x faster than Maven:  %s (%.1fx)\n", (ratio >= 10 ? "PASS" : "MISS"), ratio
  printf "target: grader <= 1.5 s per submission:   %s (%.2f s)\n", (gs <= 1.5 ? "PASS" : "MISS"), gs
  printf "\nnote: the grader runs visible + hidden tests (%s per submission); the Maven baseline runs the\n", gt
  printf "learner edition, which has only the visible tests (%s), which favours Maven; so does the submission\n", mt
  printf "that does not compile, which Maven gives up on before running any test.\n"
  printf "grader totals matching the generated mix: %d/%d\n", n - wrong, n
  printf "totals the same in warm and in fresh JVMs: %s/%d\n", sf, n
}'
