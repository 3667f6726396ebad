package bookbot.sandbox.notion;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import bookbot.sandbox.faults.FakeApi;
import bookbot.sandbox.faults.Fault;
import bookbot.sandbox.faults.FaultInjector;
import bookbot.sandbox.faults.SandboxSettings;

/**
 * The Notion API calls bookbot makes (version 2022-06-28): create, retrieve, update and archive pages, query
 * and retrieve the database. 200 on success; Notion's JSON error objects, Retry-After on 429, and now and then an HTML 502 as
 * Notion's load balancer sends. Point NOTION_API_URL at {@code /notion/v1}.
 */
@RestController
@RequestMapping("/notion/v1")
class FakeNotionApi {

    private final NotionWorkspace workspace;
    private final FaultInjector faults;
    private final SandboxSettings settings;

    FakeNotionApi(NotionWorkspace workspace, FaultInjector faults, SandboxSettings settings) {
        this.workspace = workspace;
        this.faults = faults;
        this.settings = settings;
    }

    @GetMapping("/databases/{id}")
    ResponseEntity<?> retrieveDatabase(@PathVariable String id, @RequestHeader HttpHeaders headers) {
        ResponseEntity<?> refused = refuse(headers);
        if (refused != null) {
            return refused;
        }
        return workspace.database(id).<ResponseEntity<?>>map(database -> ResponseEntity.ok(database.describe()))
                .orElseGet(() -> notFound(id));
    }

    /** Creates a database under the workspace's one page; properties as Notion takes them ({@code {"URL": {"url": {}}}}). */
    @PostMapping("/databases")
    ResponseEntity<?> createDatabase(@RequestHeader HttpHeaders headers, @RequestBody Map<String, Object> body) {
        ResponseEntity<?> refused = refuse(headers);
        if (refused != null) {
            return refused;
        }
        String parent = body.get("parent") instanceof Map<?, ?> p ? (String) p.get("page_id") : null;
        if (!workspace.isParentPage(parent)) {
            return notFound(parent);
        }
        if (!(body.get("properties") instanceof Map<?, ?> properties) || properties.isEmpty()) {
            return error(HttpStatus.BAD_REQUEST, "validation_error", "body.properties should be defined.");
        }
        Map<String, String> schema = new LinkedHashMap<>();
        for (Map.Entry<?, ?> property : properties.entrySet()) {
            Object type = property.getValue() instanceof Map<?, ?> config ? config.keySet().stream()
                    .filter(key -> !"name".equals(key) && !"id".equals(key) && !"type".equals(key) && !"description".equals(key))
                    .findFirst().orElse(null) : null;
            if (type == null) {
                return error(HttpStatus.BAD_REQUEST, "validation_error",
                        "body.properties." + property.getKey() + " should have a type.");
            }
            schema.put((String) property.getKey(), (String) type);
        }
        if (schema.values().stream().filter("title"::equals).count() != 1) {
            return error(HttpStatus.BAD_REQUEST, "validation_error", "Database must have exactly one title property.");
        }
        return ResponseEntity.ok(workspace.createDatabase(plainTitle(body.get("title")), schema).describe());
    }

    private static String plainTitle(Object title) {
        StringBuilder text = new StringBuilder();
        if (title instanceof List<?> parts) {
            for (Object part : parts) {
                if (part instanceof Map<?, ?> p && p.get("text") instanceof Map<?, ?> t && t.get("content") instanceof String s) {
                    text.append(s);
                }
            }
        }
        return text.isEmpty() ? "Untitled" : text.toString();
    }

    @PostMapping("/databases/{id}/query")
    ResponseEntity<?> query(@PathVariable String id, @RequestHeader HttpHeaders headers,
            @RequestBody(required = false) Map<String, Object> body) {
        ResponseEntity<?> refused = refuse(headers);
        if (refused != null) {
            return refused;
        }
        Optional<NotionDatabase> found = workspace.database(id);
        if (found.isEmpty()) {
            return notFound(id);
        }
        NotionDatabase database = found.get();
        Map<String, Object> request = body == null ? Map.of() : body;
        NotionDatabase.Results results;
        try {
            results = database.search(request, faults.get(FakeApi.NOTION).queryLagMs());
        } catch (NotionQuery.Invalid e) {
            return error(HttpStatus.BAD_REQUEST, "validation_error", e.getMessage());
        }
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("object", "list");
        list.put("results", results.pages());
        list.put("next_cursor", results.hasMore() ? String.valueOf(results.nextCursor()) : null);
        list.put("has_more", results.hasMore());
        list.put("type", "page_or_database");
        list.put("page_or_database", Map.of());
        return ResponseEntity.ok(list);
    }

    @PostMapping("/pages")
    ResponseEntity<?> createPage(@RequestHeader HttpHeaders headers, @RequestBody Map<String, Object> body) {
        ResponseEntity<?> refused = refuse(headers);
        if (refused != null) {
            return refused;
        }
        String parent = body.get("parent") instanceof Map<?, ?> p
                ? (String) (p.containsKey("database_id") ? p.get("database_id") : p.get("data_source_id")) : null;
        Optional<NotionDatabase> found = workspace.database(parent);
        if (found.isEmpty()) {
            return notFound(parent);
        }
        NotionDatabase database = found.get();
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = body.get("properties") instanceof Map<?, ?> m
                ? (Map<String, Object>) m : Map.of();
        Optional<String> problem = database.validate(properties);
        if (problem.isPresent()) {
            return error(HttpStatus.BAD_REQUEST, "validation_error", problem.get());
        }
        faults.delayCreate(FakeApi.NOTION);
        Map<String, Object> page = database.create(body);
        if (faults.loseCreateAnswer(FakeApi.NOTION)) {
            return error(HttpStatus.GATEWAY_TIMEOUT, "gateway_timeout", "Notion timed out.");
        }
        return ResponseEntity.ok(page);
    }

    /** Changes the properties named in the body and/or archives the page ({@code "archived": true}). */
    @PatchMapping("/pages/{id}")
    ResponseEntity<?> updatePage(@PathVariable String id, @RequestHeader HttpHeaders headers,
            @RequestBody Map<String, Object> body) {
        ResponseEntity<?> refused = refuse(headers);
        if (refused != null) {
            return refused;
        }
        Optional<NotionDatabase> found = workspace.databaseOfPage(id);
        if (found.isEmpty()) {
            return notFound(id);
        }
        NotionDatabase database = found.get();
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = body.get("properties") instanceof Map<?, ?> m
                ? (Map<String, Object>) m : Map.of();
        Optional<String> problem = database.validate(properties);
        if (problem.isPresent()) {
            return error(HttpStatus.BAD_REQUEST, "validation_error", problem.get());
        }
        Boolean archived = body.get("archived") instanceof Boolean b ? b
                : body.get("in_trash") instanceof Boolean b ? b : null;
        return database.update(id, properties, archived).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> notFound(id));
    }

    @GetMapping("/pages/{id}")
    ResponseEntity<?> retrievePage(@PathVariable String id, @RequestHeader HttpHeaders headers) {
        ResponseEntity<?> refused = refuse(headers);
        if (refused != null) {
            return refused;
        }
        return workspace.findPage(id).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> notFound(id));
    }

    /** Latency and injected faults first, then the checks every real Notion request goes through. */
    private ResponseEntity<?> refuse(HttpHeaders headers) {
        Fault fault = faults.apply(FakeApi.NOTION);
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (fault == Fault.UNAUTHORIZED || authorization == null
                || !authorization.equals("Bearer " + settings.notionToken())) {
            return error(HttpStatus.UNAUTHORIZED, "unauthorized", "API token is invalid.");
        }
        if (headers.getFirst("Notion-Version") == null) {
            return error(HttpStatus.BAD_REQUEST, "missing_version", "Notion-Version header failed validation.");
        }
        return switch (fault) {
            case RATE_LIMITED -> ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(faults.get(FakeApi.NOTION).retryAfterSeconds()))
                    .body(errorBody(429, "rate_limited", "You have been rate limited. Please try again in a few minutes."));
            case SERVER_ERROR -> serverError();
            case TIMEOUT -> error(HttpStatus.GATEWAY_TIMEOUT, "gateway_timeout", "Notion timed out.");
            default -> null;
        };
    }

    private static ResponseEntity<?> serverError() {
        return switch (ThreadLocalRandom.current().nextInt(3)) {
            case 0 -> error(HttpStatus.INTERNAL_SERVER_ERROR, "internal_server_error", "Unexpected error.");
            case 1 -> ResponseEntity.status(HttpStatus.BAD_GATEWAY).contentType(MediaType.TEXT_HTML)
                    .body("<html><body><h1>502 Bad Gateway</h1></body></html>");
            default -> error(HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable", "Notion is unavailable.");
        };
    }

    private static ResponseEntity<?> notFound(String id) {
        return error(HttpStatus.NOT_FOUND, "object_not_found", "Could not find object with ID: " + id
                + ". Make sure the relevant pages and databases are shared with your integration.");
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(errorBody(status.value(), code, message));
    }

    private static Map<String, Object> errorBody(int status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("object", "error");
        body.put("status", status);
        body.put("code", code);
        body.put("message", message);
        body.put("request_id", UUID.randomUUID().toString());
        return body;
    }
}
