package bookbot.gateway.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The Slack app manifest shipped in the repository matches what the gateway serves and calls. */
class SlackManifestTest {

    private final Map<String, Object> manifest = load();

    @Test
    void theCommandAndInteractivityPointAtTheGatewaysEndpoint() {
        Map<String, Object> command = first(list(map(manifest, "features"), "slash_commands"));
        assertThat(command.get("command")).isEqualTo("/book");
        assertThat((String) command.get("url")).endsWith(BoltConfig.SLACK_EVENTS_PATH);

        Map<String, Object> interactivity = map(map(manifest, "settings"), "interactivity");
        assertThat(interactivity.get("is_enabled")).isEqualTo(true);
        assertThat((String) interactivity.get("request_url")).endsWith(BoltConfig.SLACK_EVENTS_PATH);
    }

    @Test
    void theBotHasTheScopesOfTheMethodsBookbotCalls() {
        List<Object> scopes = list(map(map(manifest, "oauth_config"), "scopes"), "bot");

        // commands: /book; views.open needs no scope; chat:write: chat.postMessage and chat.postEphemeral;
        // users:read: users.info; channels:history: conversations.history (was this job announced already?)
        assertThat(scopes).contains("commands", "chat:write", "users:read", "channels:history");
    }

    @Test
    void bothShortcutsAreDeclaredWithTheCallbackIdsTheGatewayServes() {
        List<Object> shortcuts = list(map(manifest, "features"), "shortcuts");

        assertThat(shortcuts).extracting(s -> ((Map<?, ?>) s).get("type") + ":" + ((Map<?, ?>) s).get("callback_id"))
                .containsExactlyInAnyOrder("global:" + OpenEmptyForm.SHORTCUT_CALLBACK_ID,
                        "message:" + ShareFromMessage.CALLBACK_ID);
    }

    @Test
    void theHomeTabIsOnAndItsOpeningIsSentToTheGateway() {
        assertThat(map(map(manifest, "features"), "app_home").get("home_tab_enabled")).isEqualTo(true);

        Map<String, Object> events = map(map(manifest, "settings"), "event_subscriptions");
        assertThat((String) events.get("request_url")).endsWith(BoltConfig.SLACK_EVENTS_PATH);
        assertThat(list(events, "bot_events")).containsExactly("app_home_opened");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> parent, String key) {
        return (List<Object>) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> first(List<Object> list) {
        return (Map<String, Object>) list.getFirst();
    }

    private static Map<String, Object> load() {
        try {
            return new Yaml().load(Files.readString(Path.of("../slack/manifest.yml")));
        } catch (IOException e) {
            throw new IllegalStateException("slack/manifest.yml not found next to the modules", e);
        }
    }
}
