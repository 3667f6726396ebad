# syntax=docker/dockerfile:1
# One recipe for every bookbot image; the module to build is the only thing that changes:
#   docker build --build-arg MODULE=enrich-worker -t bookbot/enrich-worker .
# docker-compose.yml builds bot-gateway, enrich-worker, notion-writer and sandbox this way.

ARG MODULE=bot-gateway

# 1. Build the module's jar with the pom and the Maven command CI uses (CI runs the tests; this skips them).
FROM maven:3.9-eclipse-temurin-21 AS build
ARG MODULE
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -DskipTests -pl "$MODULE" -am package
# Split the executable jar into layers (libraries change less often than bookbot's own classes).
RUN jar=$(ls "$MODULE"/target/"$MODULE"-*-exec.jar 2>/dev/null \
          || ls "$MODULE"/target/"$MODULE"-*.jar | grep -v -e '-tests.jar$' -e '-plain.jar$' | head -n 1) \
 && java -Djarmode=tools -jar "$jar" extract --layers --launcher --destination /layers

# 2. Run on a JRE as an unprivileged user, heap sized from the container's memory limit.
FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin bookbot
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER bookbot
# Workers serve Actuator (health, metrics) on SERVER_PORT; the gateway serves Slack there and Actuator on
# MANAGEMENT_PORT (docker-compose.yml sets 8090), so the healthcheck asks MANAGEMENT_PORT.
# The start period is long because six JVMs starting at once on 2 busy cores (--scale enrich-worker=3) took
# ~115 s to be ready, and compose's `up` gives up on a dependency marked unhealthy; a ready service is healthy
# at its first passing check whatever the period.
ENV SERVER_PORT=8080 MANAGEMENT_PORT=8080
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=180s --retries=3 CMD \
  bash -c 'exec 3<>/dev/tcp/127.0.0.1/$MANAGEMENT_PORT && printf "GET /actuator/health/readiness HTTP/1.0\r\n\r\n" >&3 && head -n 1 <&3 | grep -q " 200 "'
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "org.springframework.boot.loader.launch.JarLauncher"]
