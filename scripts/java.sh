# The scripts' shared library, sourced by ./demo, ./harness, ./benchmark, ./bookbot-admin, scripts/* and .ci/run:
# find a JDK 21 or newer without asking anyone to set JAVA_HOME, check the broker, find (or build) a module's jar.
# (The Maven build picks its own JDK with maven-toolchains-plugin; this is for running the jars.)

java_major() {
  "$1" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]) }'
}

find_java_21() {
  local candidate major
  for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    major=$(java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

# require_java_21 WHO: prints the JDK's java, or says WHO needs one and exits.
require_java_21() {
  find_java_21 || { echo "$1 needs a JDK 21 or newer (looked at JAVA_HOME, PATH and /usr/lib/jvm)." >&2; exit 3; }
}

broker_reachable() {
  (exec 3<>"/dev/tcp/${SPRING_RABBITMQ_HOST:-127.0.0.1}/${SPRING_RABBITMQ_PORT:-5672}") 2>/dev/null
}

# require_broker: returns when the broker the services would use answers, else says how to start one and exits.
require_broker() {
  broker_reachable && return 0
  cat >&2 <<MSG
No RabbitMQ at ${SPRING_RABBITMQ_HOST:-127.0.0.1}:${SPRING_RABBITMQ_PORT:-5672}. Start one, for example:
  rabbitmq-server -detached                                   (Debian/Ubuntu: apt-get install rabbitmq-server)
  docker run -d --name rabbitmq -p 5672:5672 rabbitmq:4-management
or point SPRING_RABBITMQ_HOST / _PORT / _USERNAME / _PASSWORD at yours.
MSG
  exit 1
}

# built_jar MODULE [exec]: the module's jar under MODULE/target (the sandbox runs as its -exec jar), or nothing.
built_jar() {
  if [ "${2:-}" = exec ]; then
    { ls "$1"/target/"$1"-*-exec.jar 2>/dev/null || true; } | head -n 1
  else
    { ls "$1"/target/"$1"-*.jar 2>/dev/null || true; } | { grep -v -e '-tests.jar' -e '-exec.jar' || true; } | head -n 1
  fi
}

# build_jars [MAVEN ARGS]: builds what the scripts run, without the tests.
build_jars() {
  echo "Building the jars (./mvnw -DskipTests package)…" >&2
  ./mvnw -q -B -DskipTests package "$@" >&2
}
