package bookbot.integration.notion;

import java.util.List;
import java.util.Map;

import bookbot.integration.notion.NotionDatabaseException.Kind;
import notion.api.v1.NotionClient;
import notion.api.v1.exception.NotionAPIError;
import notion.api.v1.model.common.RichTextType;
import notion.api.v1.model.databases.Database;
import notion.api.v1.model.databases.DatabaseParent;
import notion.api.v1.model.databases.DatabaseProperty;

/** Creates the club's book database and checks that a database fits what the writer puts in it. */
public class NotionDatabases {

    /**
     * A database as Notion described it, and what it lacks for bookbot.
     *
     * @param missingOptional the optional properties it lacks: the writer does without them
     */
    public record Checked(String id, String title, String url, List<String> problems, List<String> missingOptional) {

        public Checked(String id, String title, String url, List<String> problems) {
            this(id, title, url, problems, List.of());
        }

        public boolean fits() {
            return problems.isEmpty();
        }
    }

    private final NotionClient notion;
    private final BookDatabaseSchema schema;

    public NotionDatabases(NotionClient notion, PropertyNames names) {
        this.notion = notion;
        this.schema = new BookDatabaseSchema(names);
    }

    public Checked check(String databaseId) {
        Database database = call("database " + databaseId, () -> notion.retrieveDatabase(databaseId));
        Map<String, DatabaseProperty> properties = database.getProperties() == null ? Map.of() : database.getProperties();
        return new Checked(database.getId(), plain(database.getTitle()), database.getUrl(), schema.problems(properties),
                schema.missingOptional(properties));
    }

    /** Creates a database with every property bookbot needs under the page, which must be shared with the integration. */
    public Checked create(String parentPageId, String title) {
        DatabaseProperty.RichText titleText = new DatabaseProperty.RichText(RichTextType.Text,
                new DatabaseProperty.RichText.Text(title, null), null, title, null);
        Database created = call("page " + parentPageId, () -> notion.createDatabase(DatabaseParent.page(parentPageId),
                List.of(titleText), schema.forCreation(), null, null, null, null));
        return check(created.getId());
    }

    /** Requests made at once, their failures told as {@link NotionDatabaseException}s: for bookbot-admin. */
    public static NotionCaller reportingCaller() {
        return new NotionCaller() {
            @Override
            public <T> T call(String operation, java.util.concurrent.Callable<T> request) {
                return NotionDatabases.call(operation, request::call);
            }
        };
    }

    private interface NotionCall<T> {
        T call() throws Exception;
    }

    private static <T> T call(String what, NotionCall<T> request) {
        try {
            return request.call();
        } catch (NotionAPIError e) {
            int status = e.getHttpResponse().getStatus();
            String said = e.getError() == null ? "HTTP " + status : e.getError().getCode() + ": " + e.getError().getMessage();
            throw switch (status) {
                case 401 -> new NotionDatabaseException(Kind.REFUSED,
                        "Notion refused NOTION_TOKEN (" + said + "): use the integration's internal token", e);
                case 403, 404 -> new NotionDatabaseException(Kind.NOT_FOUND, "Notion shows this integration no "
                        + what + " (" + said + "): open it in Notion, ••• → Connections, and add the integration", e);
                case 400 -> new NotionDatabaseException(Kind.REFUSED, "Notion refused the request for " + what
                        + " (" + said + ")", e);
                default -> new NotionDatabaseException(Kind.UNAVAILABLE, "Notion could not answer about " + what
                        + " (" + said + ")", e);
            };
        } catch (Exception e) {
            // Exception, not RuntimeException: the SDK (Kotlin) throws IOExceptions such as ConnectException unchecked.
            throw new NotionDatabaseException(Kind.UNAVAILABLE, "Notion could not be asked about " + what + ": " + e, e);
        }
    }

    private static String plain(List<DatabaseProperty.RichText> title) {
        if (title == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        title.forEach(part -> text.append(part.getPlainText() == null ? "" : part.getPlainText()));
        return text.toString();
    }
}
