package bookbot.sandbox.launch;

import java.nio.file.Path;
import java.util.Map;

/**
 * How to start the pipeline against the sandbox.
 *
 * @param repository a built checkout: the sandbox's jar, and the services' unless {@code servicesFrom} says otherwise
 * @param java       the java executable (21 or newer) to run the jars with
 * @param logs       where each service writes its log
 * @param broker     the SPRING_RABBITMQ_* variables of the broker to use
 * @param namespace  prefix of the exchanges and queues this pipeline uses
 * @param serviceEnvironment extra variables for gateway and workers (e.g. BOOKBOT_WORKER_CONCURRENCY)
 * @param servicesFrom a built checkout whose gateway and worker jars run, e.g. an earlier release's, to compare
 */
public record PipelineSettings(Path repository, Path java, Path logs, Map<String, String> broker, String namespace,
        int sandboxPort, int gatewayPort, Map<String, String> serviceEnvironment, Path servicesFrom) {

    /** Every jar from one checkout. */
    public PipelineSettings(Path repository, Path java, Path logs, Map<String, String> broker, String namespace,
            int sandboxPort, int gatewayPort, Map<String, String> serviceEnvironment) {
        this(repository, java, logs, broker, namespace, sandboxPort, gatewayPort, serviceEnvironment, repository);
    }

    /** The jar a service runs from. */
    public Path jar(Service service) {
        return service.jar(service == Service.SANDBOX ? repository : servicesFrom);
    }

    /** The credentials the services and the sandbox share: real-looking, never real. */
    public static final String SLACK_BOT_TOKEN = "xoxb-7391048265-5820374619283-kQ3vN8zR2xW5mT1pL6sB9cHd";
    public static final String SLACK_SIGNING_SECRET = "8f14e45fceea167a5a36dedd4bea2543";
    public static final String OPENGRAPH_APP_ID = "4f9c2e7a1b3d4e8f9a6c5d2b";
    public static final String NOTION_TOKEN = "secret_Q7mZ2xV9kR4pT1wN8sL3cJ6hB5fD0gYa2eUo9iXq4Kz";
    public static final String NOTION_DATABASE_ID = "5d2c7a1e-8f3b-4c6d-9e0a-1b2c3d4e5f60";
    /** The sandbox page under which {@code bookbot-admin notion setup} may create databases. */
    public static final String NOTION_PARENT_PAGE_ID = "0b00c1ab-0000-4000-8000-000000000001";

    public String sandboxUrl() {
        return "http://127.0.0.1:" + sandboxPort;
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + gatewayPort;
    }
}
