package bookbot.integration.notion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import bookbot.core.http.HttpClientFactory;
import notion.api.v1.NotionClient;

class NotionDatabasesTest {

    @Test
    void aNotionThatRefusesConnectionsIsUnavailableNotAConfigurationError() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        NotionSettings settings = new NotionSettings("secret_t", "db-1", "http://127.0.0.1:" + closedPort + "/v1",
                Duration.ofSeconds(2), Duration.ofSeconds(2), PropertyNames.DEFAULTS, 3);
        try (NotionClient client = NotionClientConfig.create(settings, HttpClientFactory.unmeasured())) {
            NotionDatabaseException refused = catchThrowableOfType(NotionDatabaseException.class,
                    () -> new NotionDatabases(client, PropertyNames.DEFAULTS).check("db-1"));

            assertThat(refused).isNotNull();
            assertThat(refused.kind()).isEqualTo(NotionDatabaseException.Kind.UNAVAILABLE);
        }
    }
}
