# Shared by run-local, stop-local and dev-token. Sourced, not executed.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# The cluster (./deploy/run-local --cluster) keeps its data apart from the plain stack's: its topics live on other
# brokers, and one stack's database would not match the other's topics. QRTRACE_CLUSTER=true|false chooses (run-local
# sets it); otherwise the cluster is meant while it runs (the marker below), the plain stack when it does not.
CLUSTER_STACK="$ROOT/target/local-cluster"
if [ -n "${QRTRACE_STACK_DIR:-}" ]; then
  STACK=$QRTRACE_STACK_DIR
elif [ "${QRTRACE_CLUSTER:-}" = true ] || { [ -z "${QRTRACE_CLUSTER:-}" ] && [ -f "$CLUSTER_STACK/cluster-running" ]; }; then
  STACK=$CLUSTER_STACK
else
  STACK="$ROOT/target/local-stack"
fi
CLUSTER=false
if [ "${QRTRACE_CLUSTER:-}" = true ] || { [ -z "${QRTRACE_CLUSTER:-}" ] && [ -f "$STACK/cluster-running" ]; }; then CLUSTER=true; fi
PG_PORT=${PG_PORT:-5433}
KAFKA_PORT=${KAFKA_PORT:-9092}
VENUE_PORT=${VENUE_PORT:-8081}
CHECKIN_PORT=${CHECKIN_PORT:-8082}
TRACING_PORT=${TRACING_PORT:-8083}
SMSC_PORT=${SMSC_PORT:-2775}
SMSC_HTTP_PORT=${SMSC_HTTP_PORT:-2776}
KEYCLOAK_PORT=${KEYCLOAK_PORT:-8180}
CONSOLE_PORT=${CONSOLE_PORT:-8084}
# The cluster's second instance of each service, and its three Kafka nodes: node n serves clients on
# KAFKA_PORT + 2(n-1) and its controller on the port after that (9092/9093, 9094/9095, 9096/9097).
VENUE2_PORT=${VENUE2_PORT:-8091}
CHECKIN2_PORT=${CHECKIN2_PORT:-8092}
TRACING2_PORT=${TRACING2_PORT:-8093}
KAFKA_NODES=(1 2 3)
kafka_node_port() { echo $((KAFKA_PORT + 2 * ($1 - 1))); }
if $CLUSTER; then
  KAFKA_COMPONENTS=(kafka-1 kafka-2 kafka-3)
  KAFKA_BOOTSTRAP_SERVERS=$(for n in "${KAFKA_NODES[@]}"; do printf '127.0.0.1:%s,' "$(kafka_node_port "$n")"; done)
  KAFKA_BOOTSTRAP_SERVERS=${KAFKA_BOOTSTRAP_SERVERS%,}
  KAFKA_VOTERS=$(for n in "${KAFKA_NODES[@]}"; do printf '%s@127.0.0.1:%s,' "$n" "$(( $(kafka_node_port "$n") + 1 ))"; done)
  KAFKA_VOTERS=${KAFKA_VOTERS%,}
  SERVICE_COMPONENTS=(venue-service venue-service-2 checkin-service checkin-service-2 tracing-service tracing-service-2)
else
  KAFKA_COMPONENTS=(kafka)
  KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT"
  SERVICE_COMPONENTS=(venue-service checkin-service tracing-service)
fi
# The realm the services trust besides the development signer, and the console signs in with.
OIDC_ISSUER="http://127.0.0.1:$KEYCLOAK_PORT/realms/qrtrace"
DEMO_JURISDICTION=${DEMO_JURISDICTION:-30}
INFRA_LOG_OPTS="-Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS -Dorg.slf4j.simpleLogger.log.org.apache.kafka=warn -Dorg.slf4j.simpleLogger.log.kafka=warn"

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

# keycloak_home: the Keycloak distribution the build unpacked (deploy/pom.xml), in KC_HOME.
keycloak_home() {
  KC_HOME=$(ls -d "$ROOT"/deploy/target/keycloak/keycloak-*/ 2>/dev/null | head -n 1)
  [ -n "$KC_HOME" ] && [ -x "$KC_HOME/bin/kc.sh" ] || return 1
  KC_HOME=${KC_HOME%/}
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# launch NAME: starts one component in the background with its pid file and log (used by run-local and by the
# fault tests, which kill -9 a component and launch it again). Each service gets only the secrets it needs.
launch() {
  local name=$1
  [ -n "${JAVA:-}" ] || find_java
  [ -n "${LAUNCHER_CP:-}" ] || launcher_cp || fail "the launcher is not built"
  mkdir -p "$STACK/logs" "$STACK/pids"
  (
    set -a; . "$STACK/secrets.env"; set +a
    export KAFKA_BOOTSTRAP="$KAFKA_BOOTSTRAP_SERVERS" QRTRACE_JWT_PUBLIC_KEY_LOCATION="$STACK/keys/jwt-public.pem"
    # The services accept Keycloak's tokens of this realm too (keys from its discovery document), and the dev signer's.
    export QRTRACE_OIDC_ISSUER="$OIDC_ISSUER"
    # Only Keycloak and the console know the console's client secret; only Keycloak its first admin's password.
    local idp_secrets=(-u QRTRACE_CONSOLE_CLIENT_SECRET -u KC_BOOTSTRAP_ADMIN_PASSWORD)
    # Where an SMS sender finds the local SMSC. Only tracing-service sends SMS (issue #18): only it keeps the password.
    export QRTRACE_SMPP_HOST=127.0.0.1 QRTRACE_SMPP_PORT="$SMSC_PORT" QRTRACE_SMPP_SYSTEM_ID="${QRTRACE_SMPP_SYSTEM_ID:-qrtrace}"
    # A cluster's second instance of a service talks to the second instances of the others (as if behind its own
    # load-balancer address); each instance has its own port, log and pid file.
    local port venue_port checkin_port tracing_port
    port=$(component_port "$name")
    venue_port=$VENUE_PORT checkin_port=$CHECKIN_PORT tracing_port=$TRACING_PORT
    case "$name" in *-2) venue_port=$VENUE2_PORT checkin_port=$CHECKIN2_PORT tracing_port=$TRACING2_PORT ;; esac
    case "$name" in
      postgres) cmd=("$JAVA" -Xmx256m $INFRA_LOG_OPTS -cp "$LAUNCHER_CP" org.qrtrace.deploy.LocalStackMain postgres "$STACK" "$PG_PORT") ;;
      kafka) cmd=("$JAVA" ${KAFKA_HEAP:--Xmx768m} $INFRA_LOG_OPTS -cp "$LAUNCHER_CP" org.qrtrace.deploy.LocalStackMain kafka "$STACK" "$KAFKA_PORT") ;;
      kafka-[0-9]) cmd=("$JAVA" ${KAFKA_HEAP:--Xmx768m} $INFRA_LOG_OPTS -cp "$LAUNCHER_CP" org.qrtrace.deploy.LocalStackMain kafka-node
          "$STACK" "${name#kafka-}" "$port" "$((port + 1))" "$KAFKA_VOTERS") ;;
      # Settings from the environment: SMSC_RECEIPT_DELAY, SMSC_FAILURE_RATE, SMSC_FAILURE_SEED, SMSC_MAX_SUBMITS_PER_SECOND.
      smsc) cmd=("$JAVA" -Xmx128m $INFRA_LOG_OPTS -cp "$LAUNCHER_CP" org.qrtrace.deploy.LocalStackMain smsc "$STACK" "$SMSC_PORT" "$SMSC_HTTP_PORT") ;;
      venue-service|venue-service-2) cmd=(env "${idp_secrets[@]}" -u QRTRACE_PEPPER -u QRTRACE_SEAL_PUBLIC_KEY -u QRTRACE_SEAL_PRIVATE_KEY -u TRACING_DB_PASSWORD -u QRTRACE_SMPP_PASSWORD
          VENUE_PORT="$port" VENUE_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/venue" VENUE_DB_USER=venue_svc
          QRTRACE_PUBLIC_BASE_URL="http://127.0.0.1:$CHECKIN_PORT"
          "$JAVA" -Xmx512m -jar "$ROOT/venue-service/target/quarkus-app/quarkus-run.jar") ;;
      checkin-service|checkin-service-2) cmd=(env "${idp_secrets[@]}" -u QRTRACE_QR_MASTER_KEY -u QRTRACE_SEAL_PRIVATE_KEY -u VENUE_DB_PASSWORD -u TRACING_DB_PASSWORD -u QRTRACE_SMPP_PASSWORD
          CHECKIN_PORT="$port" QRTRACE_CHECKIN_VENUE_SERVICE_URL="http://127.0.0.1:$venue_port"
          QRTRACE_CHECKIN_EXPOSURE_SITES_FEED_URL="http://127.0.0.1:$tracing_port/api/v1/exposure-sites"
          QRTRACE_CHECKIN_EXPOSURE_SITES_PAGE_URL="http://127.0.0.1:$tracing_port/exposure-sites"
          QRTRACE_PUBLIC_BASE_URL="http://127.0.0.1:$CHECKIN_PORT" ${CHECKIN_EXTRA_ENV:-}
          "$JAVA" ${CHECKIN_JAVA_OPTS:--Xmx1g} -jar "$ROOT/checkin-service/target/quarkus-app/quarkus-run.jar") ;;
      tracing-service|tracing-service-2) cmd=(env "${idp_secrets[@]}" -u QRTRACE_QR_MASTER_KEY -u QRTRACE_SEAL_PUBLIC_KEY -u VENUE_DB_PASSWORD
          QRTRACE_SMPP_ENABLED="${QRTRACE_SMPP_ENABLED:-true}" TRACING_PORT="$port" TRACING_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/tracing" TRACING_DB_USER=tracing_svc
          ${TRACING_EXTRA_ENV:-} "$JAVA" -Xmx768m -jar "$ROOT/tracing-service/target/quarkus-app/quarkus-run.jar") ;;
      # A real Keycloak (start-dev: its own H2 database, here in STACK/keycloak) with realm qrtrace imported: production's
      # realm (deploy/k8s/base/keycloak/qrtrace-realm.json) plus the demo users and client (deploy/keycloak/demo-realm.json);
      # Keycloak fills its ${...} placeholders from this environment.
      keycloak) keycloak_home || fail "Keycloak is not unpacked (deploy/target/keycloak): run ./mvnw -DskipTests install"
          mkdir -p "$STACK/keycloak"
          # The realm's login theme (Vietnamese words on Keycloak's pages), as deploy/k8s mounts it.
          rm -rf "$KC_HOME/themes/qrtrace" && mkdir -p "$KC_HOME/themes/qrtrace/login/messages"
          cp "$ROOT/deploy/k8s/base/keycloak/theme/theme.properties" "$KC_HOME/themes/qrtrace/login/"
          cp "$ROOT"/deploy/k8s/base/keycloak/theme/messages_*.properties "$KC_HOME/themes/qrtrace/login/messages/"
          "$JAVA" -cp "$LAUNCHER_CP" org.qrtrace.deploy.LocalStackMain realm "$KC_HOME/data/import/qrtrace-realm.json" \
            "$ROOT/deploy/k8s/base/keycloak/qrtrace-realm.json" "$ROOT/deploy/keycloak/demo-realm.json" || fail "cannot write the realm"
          cmd=(env -u QRTRACE_PEPPER -u QRTRACE_SEAL_PUBLIC_KEY -u QRTRACE_SEAL_PRIVATE_KEY -u QRTRACE_QR_MASTER_KEY
          -u VENUE_DB_PASSWORD -u TRACING_DB_PASSWORD -u QRTRACE_SMPP_PASSWORD
          JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$JAVA")")")" KC_BOOTSTRAP_ADMIN_USERNAME=admin
          JAVA_OPTS_KC_HEAP="${KEYCLOAK_HEAP:--Xms64m -Xmx512m}"
          QRTRACE_CONSOLE_URL="http://127.0.0.1:$CONSOLE_PORT" QRTRACE_KEYCLOAK_SSL_REQUIRED=none
          "$KC_HOME/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT"
          --hostname="http://127.0.0.1:$KEYCLOAK_PORT" --import-realm
          --db-url="jdbc:h2:file:$STACK/keycloak/keycloakdb;NON_KEYWORDS=VALUE") ;;
      officer-console) cmd=(env -u QRTRACE_PEPPER -u QRTRACE_SEAL_PUBLIC_KEY -u QRTRACE_SEAL_PRIVATE_KEY -u QRTRACE_QR_MASTER_KEY
          -u VENUE_DB_PASSWORD -u TRACING_DB_PASSWORD -u QRTRACE_SMPP_PASSWORD -u KC_BOOTSTRAP_ADMIN_PASSWORD
          CONSOLE_PORT="$CONSOLE_PORT" QRTRACE_CONSOLE_SECURE_COOKIES=false QRTRACE_CONSOLE_VENUE_URL="http://127.0.0.1:$VENUE_PORT"
          QRTRACE_CONSOLE_CHECKIN_URL="http://127.0.0.1:$CHECKIN_PORT" QRTRACE_CONSOLE_TRACING_URL="http://127.0.0.1:$TRACING_PORT"
          "$JAVA" -Xmx256m -jar "$ROOT/officer-console/target/quarkus-app/quarkus-run.jar") ;;
      *) fail "unknown component $name" ;;
    esac
    cd "$ROOT"
    [ -f "$STACK/logs/$name.log" ] && mv -f "$STACK/logs/$name.log" "$STACK/logs/$name.log.1"
    nohup "${cmd[@]}" >"$STACK/logs/$name.log" 2>&1 &
    echo $! >"$STACK/pids/$name.pid"
  )
}

component_port() {
  case "$1" in
    postgres) echo "$PG_PORT" ;; kafka) echo "$KAFKA_PORT" ;; smsc) echo "$SMSC_HTTP_PORT" ;; venue-service) echo "$VENUE_PORT" ;;
    checkin-service) echo "$CHECKIN_PORT" ;; tracing-service) echo "$TRACING_PORT" ;;
    venue-service-2) echo "$VENUE2_PORT" ;; checkin-service-2) echo "$CHECKIN2_PORT" ;; tracing-service-2) echo "$TRACING2_PORT" ;;
    kafka-[0-9]) kafka_node_port "${1#kafka-}" ;;
    keycloak) echo "$KEYCLOAK_PORT" ;; officer-console) echo "$CONSOLE_PORT" ;;
  esac
}

is_ready() {
  case "$1" in
    postgres) grep -q "postgres ready" "$STACK/logs/postgres.log" ;;
    kafka|kafka-[0-9]) port_in_use "$(component_port "$1")" && grep -q "kafka ready" "$STACK/logs/$1.log" ;;
    # /health, not /messages: the message log grows with every benchmark run, and readiness should not read it.
    smsc) grep -q "smsc ready" "$STACK/logs/smsc.log" && curl -sf --max-time 5 "http://127.0.0.1:$SMSC_HTTP_PORT/health" ;;
    # Ready once the realm is imported and its discovery document served (what the services and the console read).
    keycloak) curl -sf --max-time 5 "$OIDC_ISSUER/.well-known/openid-configuration" ;;
    *) curl -sf "http://127.0.0.1:$(component_port "$1")/q/health/ready" ;;
  esac
}

# wait_ready NAME [SECONDS]: waits, showing progress, until the component is ready; fails if it dies first.
wait_ready() {
  local name=$1 seconds=${2:-180} waited=0 start=$SECONDS
  printf '    waiting for %s ' "$name"
  until is_ready "$name" >/dev/null 2>&1; do
    waited=$((SECONDS - start))
    if ! pid_alive "$STACK/pids/$name.pid"; then
      printf '\n'; tail -n 30 "$STACK/logs/$name.log" >&2 || true
      fail "$name stopped while starting; its log is $STACK/logs/$name.log"
    fi
    if [ "$waited" -ge "$seconds" ]; then
      printf '\n'; fail "$name was not ready after ${seconds}s; see $STACK/logs/$name.log"
    fi
    sleep 1; printf '.'
  done
  printf ' ready (%ss)\n' "$((SECONDS - start))"
}
