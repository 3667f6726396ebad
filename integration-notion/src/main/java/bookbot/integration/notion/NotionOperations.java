package bookbot.integration.notion;

import java.util.List;

import okhttp3.Request;

/**
 * Names a Notion request as Notion's API reference does ({@code pages.create}, {@code databases.query}), for the
 * metrics' {@code operation} tag. Ids in the path never reach a tag.
 */
final class NotionOperations {

    private NotionOperations() {
    }

    static String name(Request request) {
        List<String> segments = request.url().pathSegments();
        List<String> path = segments.subList(segments.indexOf("v1") + 1, segments.size());
        if (path.isEmpty() || path.getFirst().isEmpty()) {
            return "unknown";
        }
        String resource = path.getFirst();
        if (path.size() >= 3) {
            return resource + "." + path.getLast();
        }
        if (resource.equals("search")) {
            return "search";
        }
        boolean one = path.size() == 2;
        String verb = switch (request.method()) {
            case "POST" -> one ? "update" : "create";
            case "PATCH" -> "update";
            case "DELETE" -> "delete";
            default -> one ? "retrieve" : "list";
        };
        return resource + "." + verb;
    }
}
