package bookbot.notion.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.Test;

import bookbot.integration.notion.NotionDatabaseException;
import bookbot.integration.notion.NotionDatabases;
import bookbot.integration.notion.PropertyNames;

class DatabaseSchemaGateTest {

    private static final NotionDatabases.Checked FITS = new NotionDatabases.Checked("db-1", "Books", "u", List.of());

    @Test
    void whileNotionCannotAnswerTheWriterAsksAgainAndChecksOnceItCan() {
        ScriptedDatabases databases = new ScriptedDatabases(unavailable(), unavailable());
        databases.then(FITS);

        new DatabaseSchemaGate(databases, "db-1", Duration.ofSeconds(10), Duration.ofMillis(10)).check();

        assertThat(databases.calls).isEqualTo(3);
    }

    @Test
    void anUnfitDatabaseFoundAfterWaitingStillStopsTheWriter() {
        ScriptedDatabases databases = new ScriptedDatabases(unavailable());
        databases.then(new NotionDatabases.Checked("db-1", "Books", "u", List.of("no property \"Job ID\"")));

        assertThatThrownBy(() -> new DatabaseSchemaGate(databases, "db-1", Duration.ofSeconds(10), Duration.ofMillis(10))
                .check()).isInstanceOf(DatabaseUnfitException.class);
        assertThat(databases.calls).isEqualTo(2);
    }

    @Test
    void afterTheWaitTheWriterStartsUnchecked() {
        ScriptedDatabases databases = new ScriptedDatabases();

        long start = System.nanoTime();
        new DatabaseSchemaGate(databases, "db-1", Duration.ofMillis(300), Duration.ofMillis(50)).check();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(databases.calls).isGreaterThan(1);
    }

    @Test
    void aRefusedTokenStopsTheWriterWithoutWaiting() {
        ScriptedDatabases databases = new ScriptedDatabases(
                new NotionDatabaseException(NotionDatabaseException.Kind.REFUSED, "Notion refused NOTION_TOKEN", null));

        assertThatThrownBy(() -> new DatabaseSchemaGate(databases, "db-1", Duration.ofSeconds(10), Duration.ofMillis(10))
                .check()).isInstanceOf(DatabaseUnfitException.class);
        assertThat(databases.calls).isEqualTo(1);
    }

    private static NotionDatabaseException unavailable() {
        return new NotionDatabaseException(NotionDatabaseException.Kind.UNAVAILABLE, "connection refused", null);
    }

    /** Throws the given failures in turn, then answers {@code then}; with no answer set, fails for ever. */
    private static final class ScriptedDatabases extends NotionDatabases {

        private final Deque<NotionDatabaseException> failures;
        private NotionDatabases.Checked answer;
        int calls;

        ScriptedDatabases(NotionDatabaseException... failures) {
            super(null, PropertyNames.DEFAULTS);
            this.failures = new ArrayDeque<>(List.of(failures));
        }

        void then(NotionDatabases.Checked answer) {
            this.answer = answer;
        }

        @Override
        public Checked check(String databaseId) {
            calls++;
            if (!failures.isEmpty()) {
                throw failures.poll();
            }
            if (answer == null) {
                throw unavailable();
            }
            return answer;
        }
    }
}
