package bookbot.sandbox.opengraph;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import bookbot.sandbox.faults.FakeApi;
import bookbot.sandbox.faults.Fault;
import bookbot.sandbox.faults.FaultInjector;
import bookbot.sandbox.faults.SandboxSettings;

/**
 * OpenGraph.io's {@code GET /api/1.1/site/{url-encoded target}?app_id=…}. Point OPENGRAPH_API_URL at
 * {@code /opengraph/api/1.1}. Errors come in both shapes seen from the real service.
 */
@RestController
@RequestMapping("/opengraph/api/1.1")
class FakeOpenGraphApi {

    private final FaultInjector faults;
    private final SandboxSettings settings;

    FakeOpenGraphApi(FaultInjector faults, SandboxSettings settings) {
        this.faults = faults;
        this.settings = settings;
    }

    @GetMapping("/site/{target}")
    ResponseEntity<Map<String, Object>> site(@PathVariable String target,
            @RequestParam(name = "app_id", required = false) String appId) {
        Fault fault = faults.apply(FakeApi.OPENGRAPH);
        if (fault == Fault.UNAUTHORIZED || appId == null || !appId.equals(settings.opengraphAppId())) {
            return error(HttpStatus.UNAUTHORIZED, "Invalid App ID", "INVALID_APP_ID");
        }
        switch (fault) {
            case RATE_LIMITED -> {
                return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                        .header(HttpHeaders.RETRY_AFTER, String.valueOf(faults.get(FakeApi.OPENGRAPH).retryAfterSeconds()))
                        .body(errorBody("Too many concurrent requests for your plan", "RATE_LIMITED"));
            }
            case SERVER_ERROR -> {
                return ThreadLocalRandom.current().nextBoolean()
                        ? error(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error, please retry", "INTERNAL_ERROR")
                        : error(HttpStatus.BAD_GATEWAY, "Target site unavailable", "TARGET_UNAVAILABLE");
            }
            case TIMEOUT -> {
                return error(HttpStatus.GATEWAY_TIMEOUT, "Timed out fetching the target", "TIMEOUT");
            }
            default -> {
            }
        }
        if (!target.startsWith("http://") && !target.startsWith("https://")) {
            return error(HttpStatus.BAD_REQUEST, "The URL must be encoded and start with http(s)://", "BAD_URL");
        }
        OpenGraphCorpus.Page page = OpenGraphCorpus.find(target).orElse(null);
        if (page == null && settings.unknownUrls() == SandboxSettings.UnknownUrls.NOT_FOUND) {
            // The second error shape reported for the real service.
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(Map.of("error", Map.of("code", 404, "message", "Not Found: the target returned 404")));
        }
        return ResponseEntity.ok(answer(page != null ? page : OpenGraphCorpus.plausible(target)));
    }

    private static Map<String, Object> answer(OpenGraphCorpus.Page page) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("hybridGraph", page.hybridGraph());
        body.put("openGraph", page.openGraph());
        body.put("htmlInferred", page.htmlInferred());
        body.put("requestInfo", Map.of("redirects", 0, "host", java.net.URI.create(page.url()).getHost(),
                "responseCode", 200, "cache_ok", true, "max_cache_age", 432_000_000L, "full_render", false,
                "use_proxy", false, "responseContentType", "text/html; charset=utf-8"));
        body.put("is_cache", false);
        body.put("url", page.url());
        body.put("timestamp", System.currentTimeMillis());
        return body;
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message, String code) {
        return ResponseEntity.status(status).body(errorBody(message, code));
    }

    private static Map<String, Object> errorBody(String message, String code) {
        return Map.of("error", true, "message", message, "code", code);
    }
}
