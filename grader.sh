#!/usr/bin/env bash
# Runs the instructor's grader from the repo root: ./grader.sh starter | grade | merge | check [--help]
# Builds the grader with the Maven wrapper the first time and after its sources change, then starts it
# on its own runtime class path (no fat jar).
set -euo pipefail
root=$(cd "$(dirname "$0")" && pwd)
classpath_file="$root/grader/target/runtime-classpath.txt"

if [ ! -f "$classpath_file" ] || [ ! -d "$root/grader/target/classes" ] \
   || [ -n "$(find "$root/grader/src/main" "$root/labkit/src/main" "$root/pom.xml" "$root/grader/pom.xml" \
                   -newer "$classpath_file" -print -quit 2>/dev/null)" ]; then
  echo "grader: building the grader once ..." >&2
  "$root/mvnw" -q -B -pl grader -am process-classes >&2
  # Maven leaves the class path file alone when the class path did not change: mark this build.
  touch "$classpath_file"
fi

java_cmd=java
[ -n "${JAVA_HOME:-}" ] && java_cmd="$JAVA_HOME/bin/java"
# C1 only, serial GC: a grading run lasts seconds to minutes, too short for C2's compiling of javac to pay
# back its CPU on two cores (measured in grader/README.md), and one heap needs no parallel collector.
exec "$java_cmd" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dprodev.repo="$root" -cp "$root/grader/target/classes:$(cat "$classpath_file")" \
  io.prodev.labs.grader.GraderMain "$@"
