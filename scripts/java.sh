# Sourced by ./demo and .ci/run: finds a JDK 21 or newer without asking anyone to set JAVA_HOME.
# (The Maven build picks its own with maven-toolchains-plugin; this is for running the jars.)

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

broker_reachable() {
  (exec 3<>"/dev/tcp/${SPRING_RABBITMQ_HOST:-127.0.0.1}/${SPRING_RABBITMQ_PORT:-5672}") 2>/dev/null
}
