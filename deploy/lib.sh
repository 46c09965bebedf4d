# Shared by run-local, stop-local and dev-token. Sourced, not executed.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STACK="${QRTRACE_STACK_DIR:-$ROOT/target/local-stack}"
PG_PORT=${PG_PORT:-5433}
KAFKA_PORT=${KAFKA_PORT:-9092}
VENUE_PORT=${VENUE_PORT:-8081}
CHECKIN_PORT=${CHECKIN_PORT:-8082}
TRACING_PORT=${TRACING_PORT:-8083}
DEMO_JURISDICTION=${DEMO_JURISDICTION:-30}

say() { printf '%s\n' "$*"; }
fail() { printf 'error: %s\n' "$*" >&2; exit 1; }

find_java() {
  local candidate
  for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java 2>/dev/null)"; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    local major
    major=$("$candidate" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1)
    if [ -n "$major" ] && [ "$major" -ge 17 ]; then JAVA="$candidate"; return 0; fi
  done
  fail "Java 17 or newer is needed and none was found. Install one (Debian: apt-get install -y openjdk-17-jdk-headless) or set JAVA_HOME."
}

launcher_cp() {
  local jar
  jar=$(ls "$ROOT"/deploy/target/deploy-*.jar 2>/dev/null | grep -v sources | head -n 1)
  [ -n "$jar" ] && [ -d "$ROOT/deploy/target/lib" ] || return 1
  LAUNCHER_CP="$jar:$ROOT/deploy/target/lib/*"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
