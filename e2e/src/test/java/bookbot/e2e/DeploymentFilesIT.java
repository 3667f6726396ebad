package bookbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import bookbot.sandbox.launch.ModuleJars;

/**
 * docker-compose.yml, the Dockerfile and .env.example, checked without a Docker engine: the compose file's
 * shape (healthy broker first, scalable workers, a sandbox profile, secrets from the environment) and the
 * Dockerfile's layer extraction run on the very jars this build made, and the cluster override. ({@code .ci/run} also
 * runs {@code docker-compose config -q}, with and without the override.)
 */
class DeploymentFilesIT {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> APP_SERVICES = List.of("bot-gateway", "enrich-worker", "notion-writer");

    private final Map<String, Object> compose = load(REPOSITORY.resolve("docker-compose.yml"));
    private final Map<String, Map<String, Object>> services = cast(compose.get("services"));

    @Test
    void theBrokerIsRabbitMq4WithManagementAHealthcheckAndANamedVolume() {
        Map<String, Object> rabbitmq = services.get("rabbitmq");
        assertThat((String) rabbitmq.get("image")).startsWith("rabbitmq:4").contains("management");
        assertThat(rabbitmq).containsKey("healthcheck");
        List<String> volumes = cast(rabbitmq.get("volumes"));
        String named = volumes.getFirst().split(":")[0];
        Map<String, Object> declaredVolumes = cast(compose.get("volumes"));
        assertThat(declaredVolumes.keySet()).contains(named);
    }

    @Test
    void theClusterOverrideMakesThreeNodesThatFindEachOtherAndGivesEveryServiceAllThree() throws IOException {
        Map<String, Map<String, Object>> cluster = cast(load(REPOSITORY.resolve("docker-compose.cluster.yml")).get("services"));
        String formation = Files.readString(REPOSITORY.resolve("deploy/rabbitmq-cluster.conf"));
        List<String> hostnames = List.of(String.valueOf(services.get("rabbitmq").get("hostname")),
                String.valueOf(cluster.get("rabbitmq-2").get("hostname")),
                String.valueOf(cluster.get("rabbitmq-3").get("hostname")));
        for (int i = 0; i < hostnames.size(); i++) {
            assertThat(formation).contains("cluster_formation.classic_config.nodes." + (i + 1) + " = rabbit@" + hostnames.get(i));
        }
        for (String node : List.of("rabbitmq-2", "rabbitmq-3")) {
            assertThat((String) cluster.get(node).get("image")).isEqualTo(services.get("rabbitmq").get("image"));
            List<String> volumes = cast(cluster.get(node).get("volumes"));
            assertThat(volumes).as(node + " keeps its data in a volume of its own")
                    .anyMatch(v -> v.startsWith(node + "-data:/var/lib/rabbitmq"));
            Map<String, Object> environment = cast(cluster.get(node).get("environment"));
            assertThat(String.valueOf(environment.get("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS")))
                    .contains("-setcookie ${RABBITMQ_ERLANG_COOKIE");
        }
        assertThat(Files.readString(REPOSITORY.resolve(".env.example"))).contains("RABBITMQ_ERLANG_COOKIE");
        for (String name : APP_SERVICES) {
            Map<String, Object> environment = cast(cluster.get(name).get("environment"));
            assertThat(String.valueOf(environment.get("SPRING_RABBITMQ_ADDRESSES")).split(","))
                    .as(name + " reaches every node").containsExactly("rabbitmq:5672", "rabbitmq-2:5672", "rabbitmq-3:5672");
        }
    }

    @Test
    void theBrokerKeepsOneNodeNameWhenItsContainerIsRecreated() {
        // Without a fixed hostname the node name (rabbit@<container id>) changes, and with it the data directory.
        assertThat(services.get("rabbitmq").get("hostname")).as("rabbitmq hostname")
                .isInstanceOf(String.class).asString().matches("[a-z][a-z0-9-]*");
    }

    @Test
    void theSandboxListensOnThePortTheOthersAreSentTo() throws IOException {
        Map<String, Object> sandbox = services.get("sandbox");
        // What the sandbox's Spring sees: the image's ENV, replaced by the compose file's environment.
        Map<String, String> environment = new java.util.HashMap<>(dockerfileEnv());
        Map<String, Object> composeEnvironment = cast(sandbox.get("environment"));
        composeEnvironment.forEach((name, value) -> environment.put(name, String.valueOf(value)));
        Map<String, Map<String, Object>> sandboxConfig = cast(load(REPOSITORY.resolve("sandbox/src/main/resources/application.yml")));
        int listens = Integer.parseInt(environment.containsKey("SERVER_PORT") ? environment.get("SERVER_PORT")
                : resolve(String.valueOf(sandboxConfig.get("server").get("port")), environment));

        String composeText = Files.readString(REPOSITORY.resolve("docker-compose.yml"));
        Matcher sentTo = Pattern.compile("//sandbox:(\\d+)").matcher(composeText);
        int urls = 0;
        while (sentTo.find()) {
            assertThat(Integer.parseInt(sentTo.group(1))).as("sandbox URL at " + sentTo.group()).isEqualTo(listens);
            urls++;
        }
        assertThat(urls).as("URLs of the sandbox in the compose file").isGreaterThanOrEqualTo(4);
        List<String> ports = cast(sandbox.get("ports"));
        assertThat(ports.getFirst()).as("published container port").endsWith(":" + listens);
        Map<String, List<String>> healthcheck = cast(sandbox.get("healthcheck"));
        assertThat(String.join(" ", healthcheck.get("test"))).as("healthcheck").contains("/" + listens);
    }

    @Test
    void publishedHostPortsAreVariablesSoATakenPortCanBeAvoided() {
        services.forEach((name, service) -> {
            List<String> ports = cast(service.getOrDefault("ports", List.of()));
            ports.forEach(port -> assertThat(port).as(name + " port")
                    .matches("(127\\.0\\.0\\.1:)?\\$\\{[A-Z0-9_]+-\\d+}:\\d+"));
        });
    }

    @Test
    void dockerWaitsLongerThanTheWorkersGracefulShutdownBeforeKillingThem() {
        for (String worker : List.of("enrich-worker", "notion-writer")) {
            Object period = services.get(worker).get("stop_grace_period");
            assertThat(period).as(worker + " stop_grace_period (Docker's default is 10 s)").isNotNull();
            assertThat(composeDuration(String.valueOf(period))).as(worker + " stop_grace_period")
                    .isGreaterThan(Duration.ofSeconds(90));
        }
    }

    @Test
    void everyServiceWaitsForAHealthyBroker() {
        for (String name : APP_SERVICES) {
            Map<String, Map<String, Object>> dependsOn = cast(services.get(name).get("depends_on"));
            assertThat(dependsOn.get("rabbitmq")).as(name).containsEntry("condition", "service_healthy");
        }
    }

    @Test
    void workerContainersCanBeScaled() {
        for (String worker : List.of("enrich-worker", "notion-writer")) {
            assertThat(services.get(worker)).as(worker + ": a fixed host port or name would stop --scale")
                    .doesNotContainKeys("ports", "container_name");
        }
    }

    @Test
    void theSandboxAndTheDemoRunOnlyInTheSandboxProfile() {
        assertThat(services.get("sandbox").get("profiles")).isEqualTo(List.of("sandbox"));
        assertThat(services.get("demo").get("profiles")).isEqualTo(List.of("sandbox"));
        APP_SERVICES.forEach(name -> assertThat(services.get(name)).as(name).doesNotContainKey("profiles"));
    }

    @Test
    void secretsComeFromTheEnvironmentAndEveryVariableIsInEnvExample() throws IOException {
        for (String name : APP_SERVICES) {
            Map<String, Object> environment = cast(services.get(name).get("environment"));
            environment.forEach((variable, value) -> {
                if (variable.matches(".*(TOKEN|SECRET|PASSWORD).*")) {
                    assertThat(String.valueOf(value)).as(name + " " + variable + " comes from a variable")
                            .matches("\\$\\{[A-Z0-9_]+[-:?]?[^}]*}");
                }
            });
        }
        String composeText = Files.readString(REPOSITORY.resolve("docker-compose.yml"));
        String example = Files.readString(REPOSITORY.resolve(".env.example"));
        Matcher variable = Pattern.compile("\\$\\{([A-Z0-9_]+)").matcher(composeText);
        while (variable.find()) {
            assertThat(example).as(".env.example names " + variable.group(1))
                    .containsPattern("(?m)^#?" + variable.group(1) + "=");
        }
        assertThat(Files.readAllLines(REPOSITORY.resolve(".gitignore"))).contains(".env");
        assertThat(Files.readAllLines(REPOSITORY.resolve(".dockerignore"))).contains(".env");
    }

    @Test
    void theDockerfilesLayersComeOutOfTheJarsThisBuildMade(@TempDir Path layers) throws Exception {
        String dockerfile = Files.readString(REPOSITORY.resolve("Dockerfile"));
        List<String> copiedLayers = new ArrayList<>();
        Matcher copy = Pattern.compile("COPY --from=build /layers/([a-z-]+)/").matcher(dockerfile);
        while (copy.find()) {
            copiedLayers.add(copy.group(1));
        }
        Matcher entrypoint = Pattern.compile("\"(org\\.springframework\\.boot\\.loader\\.launch\\.\\w+)\"]").matcher(dockerfile);
        assertThat(entrypoint.find()).isTrue();
        String launcher = entrypoint.group(1).replace('.', '/') + ".class";
        assertThat(copiedLayers).hasSize(4);

        List<String> modules = new ArrayList<>(APP_SERVICES);
        modules.add("sandbox");
        for (String module : modules) {
            Map<String, Map<String, Object>> build = cast(services.get(module).get("build"));
            assertThat(build.get("args")).as(module).containsEntry("MODULE", module);
            Path jar = ModuleJars.find(REPOSITORY, module, module.equals("sandbox") ? "-exec.jar" : ".jar");
            Path out = layers.resolve(module);
            // The Dockerfile's own command.
            run(List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--layers", "--launcher",
                    "--destination", out.toString()));
            for (String layer : copiedLayers) {
                assertThat(out.resolve(layer)).as(module + " layer " + layer).isDirectory();
            }
            assertThat(out.resolve("spring-boot-loader").resolve(launcher)).as(module + " launcher").exists();
            assertThat(out.resolve("application/BOOT-INF/classes/bookbot")).as(module + " classes").isDirectory();
        }
    }

    /** The ENV lines of the Dockerfile's last stage, where the services run. */
    private static Map<String, String> dockerfileEnv() throws IOException {
        String dockerfile = Files.readString(REPOSITORY.resolve("Dockerfile"));
        String runStage = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
        Map<String, String> env = new java.util.HashMap<>();
        Matcher line = Pattern.compile("(?m)^ENV (.+)$").matcher(runStage);
        while (line.find()) {
            Matcher pair = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\\S*)").matcher(line.group(1));
            while (pair.find()) {
                env.put(pair.group(1), pair.group(2));
            }
        }
        return env;
    }

    /** A Spring placeholder such as {@code ${SANDBOX_PORT:9000}} against the environment. */
    private static String resolve(String value, Map<String, String> environment) {
        Matcher placeholder = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+):([^}]*)}").matcher(value);
        if (!placeholder.matches()) {
            return value;
        }
        return environment.getOrDefault(placeholder.group(1), placeholder.group(2));
    }

    /** Compose's durations: {@code 100s}, {@code 1m40s}, {@code 1h}, {@code 500ms}. */
    private static Duration composeDuration(String text) {
        Matcher part = Pattern.compile("(\\d+)(ms|us|h|m|s)").matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (part.find() && part.start() == end) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "ms" -> Duration.ofMillis(amount);
                default -> Duration.ofNanos(amount * 1000);
            });
            end = part.end();
        }
        assertThat(end).as("a compose duration: " + text).isEqualTo(text.length()).isPositive();
        return total;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElseThrow();
    }

    private static Map<String, Object> load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
