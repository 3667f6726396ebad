package bookbot.sandbox.launch;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which RabbitMQ to use, read the way the services read it (Spring Boot's {@code SPRING_RABBITMQ_*} variables):
 * {@code SPRING_RABBITMQ_ADDRESSES} (a cluster's {@code host:port,host:port}) or {@code _HOST} and {@code _PORT},
 * then {@code _USERNAME}, {@code _PASSWORD}, {@code _VIRTUAL_HOST}; unset means the local broker as installed. The one
 * reader of those variables for the demo, the harness, the benchmark and the tests.
 *
 * @param addresses   {@code host:port}, comma-separated for a cluster
 */
public record BrokerAddress(String addresses, String username, String password, String virtualHost) {

    public static final BrokerAddress LOCAL = new BrokerAddress("127.0.0.1:5672", "guest", "guest", "/");

    public static BrokerAddress fromEnvironment(Map<String, String> environment) {
        String addresses = value(environment, "ADDRESSES", null);
        if (addresses == null) {
            addresses = value(environment, "HOST", "127.0.0.1") + ":" + value(environment, "PORT", "5672");
        }
        return new BrokerAddress(addresses, value(environment, "USERNAME", "guest"),
                value(environment, "PASSWORD", "guest"), value(environment, "VIRTUAL_HOST", "/"));
    }

    /** The variables that point a service at this broker. */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SPRING_RABBITMQ_ADDRESSES", addresses);
        environment.put("SPRING_RABBITMQ_USERNAME", username);
        environment.put("SPRING_RABBITMQ_PASSWORD", password);
        environment.put("SPRING_RABBITMQ_VIRTUAL_HOST", virtualHost);
        return Map.copyOf(environment);
    }

    /** The first address's host, for tools that take one. */
    public String host() {
        String first = addresses.split(",")[0].trim();
        return first.substring(0, first.lastIndexOf(':'));
    }

    public int port() {
        String first = addresses.split(",")[0].trim();
        return Integer.parseInt(first.substring(first.lastIndexOf(':') + 1));
    }

    /** An {@code amqp://} URI of the first address (PerfTest takes one). */
    public String uri() {
        return "amqp://" + encode(username) + ":" + encode(password) + "@" + host() + ":" + port() + "/"
                + encode(virtualHost);
    }

    @Override
    public String toString() {
        return "BrokerAddress[addresses=" + addresses + ", username=" + username + ", virtualHost=" + virtualHost + "]";
    }

    private static String value(Map<String, String> environment, String name, String otherwise) {
        String value = environment.get("SPRING_RABBITMQ_" + name);
        return value == null || value.isBlank() ? otherwise : value.trim();
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8);
    }
}
