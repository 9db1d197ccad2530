#!/usr/bin/env bash
# Tests the ./noether launcher's build step without Maven or a network: a fake `mvn` and a fake `java` on PATH
# act out each case (first run with an empty local repository, a real compile error, a warm build), and the test
# checks what the launcher prints and which Maven commands it ran. Run: bash noether-cli/src/test/shell/launcher-test.sh
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
launcher="$here/../../../../noether"
work="$(mktemp -d "${TMPDIR:-/tmp}/noether-launcher-test.XXXXXX")"
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/bin"
# The fake Maven: FAKE_MVN_CASE says how it behaves; every call is appended to $work/mvn-calls.
cat > "$work/bin/mvn" <<'FAKE'
#!/usr/bin/env bash
echo "$*" >> "$FAKE_MVN_CALLS"
offline=no
for a in "$@"; do [ "$a" = "-o" ] && offline=yes; done
succeed() {
  if [[ " $* " == *" -Pspark "* ]]; then
    mkdir -p noether-spark/target/lib
    echo jar > noether-spark/target/noether-spark.jar
  else
    mkdir -p noether-cli/target/lib
    echo jar > noether-cli/target/noether-cli.jar
  fi
  exit 0
}
case "$FAKE_MVN_CASE" in
  warm) succeed "$@" ;;
  first-run|online-fails)
    if [ "$offline" = yes ]; then
      echo "[ERROR] Plugin org.apache.maven.plugins:maven-resources-plugin:3.3.1 or one of its dependencies could not be resolved: Cannot access central in offline mode and the artifact org.apache.maven.plugins:maven-resources-plugin:jar:3.3.1 has not been downloaded from it before. -> [Help 1]"
      echo "[ERROR] [Help 1] (Maven's help page for PluginResolutionException)"
      exit 1
    fi
    echo "Downloaded from central: org/example/thing.jar"
    [ "$FAKE_MVN_CASE" = first-run ] && succeed "$@"
    echo "[ERROR] Failed to execute goal: could not transfer artifact (network unreachable)"
    exit 1 ;;
  compile-error)
    echo "[ERROR] COMPILATION ERROR :"
    echo "[ERROR] /src/Foo.java:[3,1] class, interface, enum, or record expected"
    exit 1 ;;
esac
echo "fake mvn: unknown FAKE_MVN_CASE '$FAKE_MVN_CASE'" >&2
exit 99
FAKE
cat > "$work/bin/java" <<'FAKE'
#!/usr/bin/env bash
if [ -n "${FAKE_JAVA_DETAILS:-}" ]; then
  prev=""
  for a in "$@"; do [ "$prev" = "-cp" ] && echo "cp: $a"; prev="$a"; done
  echo "SPARK_LOCAL_IP=${SPARK_LOCAL_IP:-}"
fi
echo "java ran: ${*: -1}"
FAKE
chmod +x "$work/bin/mvn" "$work/bin/java"

failures=0
fail() {
  echo "FAIL [$case]: $*" >&2
  failures=$((failures + 1))
}

# Runs the launcher in a fresh fake repository root; leaves rc, out, err and calls.
run_case() {
  case="$1"
  shift
  local args=("$@")
  [ ${#args[@]} -eq 0 ] && args=(groups)
  local root="$work/$case"
  rm -rf "$root" && mkdir -p "$root/noether-cli/src/main/java"
  cp "$launcher" "$root/noether"
  echo '<project/>' > "$root/pom.xml"
  : > "$work/mvn-calls"
  set +e
  (cd "$root" && PATH="$work/bin:$PATH" FAKE_MVN_CASE="$case" FAKE_MVN_CALLS="$work/mvn-calls" \
      ./noether "${args[@]}") > "$work/out" 2> "$work/err" < /dev/null
  rc=$?
  set -e
  out="$(cat "$work/out")"
  err="$(cat "$work/err")"
  calls="$(cat "$work/mvn-calls")"
}

# A first run: the offline attempt fails for want of dependencies; nothing of it shows, one line announces the
# download, Maven's own output follows, and the command runs.
run_case first-run
[ "$rc" -eq 0 ] || fail "exit code $rc, expected 0; stderr: $err"
grep -q '\[ERROR\]' <<<"$err" && fail "printed [ERROR] on a normal first run: $err"
[ "$(grep -c 'downloading dependencies (first run, about [0-9]* MB)' <<<"$err")" -eq 1 ] \
    || fail "expected one 'downloading dependencies' line: $err"
grep -q 'Downloaded from central' <<<"$err" || fail "Maven's own download output is hidden: $err"
[ "$(wc -l <<<"$calls")" -eq 2 ] || fail "expected an offline then an online Maven call, got: $calls"
grep -q -- ' -o ' <<<"$(head -n 1 <<<"$calls") " || fail "first call is not offline: $calls"
grep -q -- ' -o ' <<<"$(tail -n 1 <<<"$calls") " && fail "second call is offline too: $calls"
grep -q -- ' -q ' <<<"$(tail -n 1 <<<"$calls") " && fail "the online call is quiet, hiding Maven's progress: $calls"
[ "$out" = "java ran: groups" ] || fail "the command did not run after the build: '$out'"

# A real build failure (a compile error) shows Maven's output, is not retried online, and stops.
run_case compile-error
[ "$rc" -eq 1 ] || fail "exit code $rc, expected 1"
grep -q 'COMPILATION ERROR' <<<"$err" || fail "Maven's error output is hidden: $err"
grep -q 'build failed' <<<"$err" || fail "no 'build failed' line: $err"
grep -q 'downloading dependencies' <<<"$err" && fail "a compile error was taken for a first run: $err"
[ "$(wc -l <<<"$calls")" -eq 1 ] || fail "a compile error was retried: $calls"
[ -z "$out" ] || fail "the command ran after a failed build: '$out'"

# The download itself fails: Maven's output shows and the launcher stops.
run_case online-fails
[ "$rc" -eq 1 ] || fail "exit code $rc, expected 1"
grep -q 'network unreachable' <<<"$err" || fail "the online failure is hidden: $err"
grep -q 'build failed' <<<"$err" || fail "no 'build failed' line: $err"
[ -z "$out" ] || fail "the command ran after a failed build: '$out'"

# A warm cache: one quiet offline build, then the command.
run_case warm
[ "$rc" -eq 0 ] || fail "exit code $rc, expected 0; stderr: $err"
[ "$err" = "noether: building the command line (first run or sources changed)..." ] || fail "unexpected stderr: $err"
[ "$(wc -l <<<"$calls")" -eq 1 ] || fail "expected one Maven call: $calls"
[ "$out" = "java ran: groups" ] || fail "the command did not run: '$out'"

# A Spark run (reproduce --master local[2]) builds the optional noether-spark module first, once, and runs on its
# class path with the loopback address; a later Spark run does not build again.
export FAKE_JAVA_DETAILS=1
run_case warm reproduce --master 'local[2]'
[ "$rc" -eq 0 ] || fail "exit code $rc, expected 0; stderr: $err"
[ "$(wc -l <<<"$calls")" -eq 2 ] || fail "expected a CLI build and a Spark build: $calls"
grep -q -- '-Pspark -pl noether-spark -am' <<<"$(tail -n 1 <<<"$calls")" || fail "no Spark build: $calls"
grep -q 'building Spark support' <<<"$err" || fail "no line announcing the Spark build: $err"
grep -q '^cp: .*noether-spark/target/noether-spark.jar' <<<"$out" || fail "not run on Spark's class path: $out"
grep -q '^SPARK_LOCAL_IP=127.0.0.1$' <<<"$out" || fail "SPARK_LOCAL_IP not set to loopback: $out"
: > "$work/mvn-calls"
(cd "$work/warm" && PATH="$work/bin:$PATH" FAKE_MVN_CASE=warm FAKE_MVN_CALLS="$work/mvn-calls" \
    ./noether reproduce --master=local[2]) > "$work/out" 2> "$work/err" < /dev/null
[ ! -s "$work/mvn-calls" ] || fail "a second Spark run built again: $(cat "$work/mvn-calls")"
grep -q 'noether-spark.jar' "$work/out" || fail "--master=URL is not recognised: $(cat "$work/out")"
run_case warm groups
grep -q 'noether-spark' <<<"$calls$out" && fail "a run without --master touched Spark: $calls $out"
unset FAKE_JAVA_DETAILS

if [ "$failures" -gt 0 ]; then
  echo "launcher-test: $failures check(s) failed" >&2
  exit 1
fi
echo "launcher-test: all checks passed"
