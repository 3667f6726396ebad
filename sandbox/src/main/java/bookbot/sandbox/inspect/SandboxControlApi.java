package bookbot.sandbox.inspect;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import bookbot.sandbox.faults.FakeApi;
import bookbot.sandbox.faults.FaultInjector;
import bookbot.sandbox.faults.Knobs;
import bookbot.sandbox.faults.SandboxSettings;
import bookbot.sandbox.notion.NotionWorkspace;
import bookbot.sandbox.slack.SlackWorkspace;
import tools.jackson.databind.json.JsonMapper;

/** What tests and people use to steer the fakes and to read back what happened. */
@RestController
@RequestMapping("/_sandbox")
class SandboxControlApi {

    private final NotionWorkspace notion;
    private final SlackWorkspace slack;
    private final FaultInjector faults;
    private final SandboxSettings settings;
    private final JsonMapper json;

    SandboxControlApi(NotionWorkspace notion, SlackWorkspace slack, FaultInjector faults, SandboxSettings settings,
            JsonMapper json) {
        this.json = json;
        this.notion = notion;
        this.slack = slack;
        this.faults = faults;
        this.settings = settings;
    }

    /** @param from skip the first {@code from} pages (creation order), for readers that poll */
    @GetMapping("/notion/pages")
    List<Map<String, Object>> pages(@RequestParam(defaultValue = "0") int from) {
        return notion.clubDatabase().pagesFrom(from);
    }

    @GetMapping("/slack/messages")
    List<SlackWorkspace.PostedMessage> messages() {
        return slack.messages();
    }

    @GetMapping("/slack/ephemeral")
    List<SlackWorkspace.EphemeralMessage> ephemeralMessages() {
        return slack.ephemeralMessages();
    }

    @GetMapping("/slack/views")
    List<SlackWorkspace.OpenedView> views() {
        return slack.views();
    }

    /** Each member's Home tab as last published, by user id. */
    @GetMapping("/slack/home")
    Map<String, Map<String, Object>> homeViews() {
        return slack.homeViews();
    }

    /** Calls per fake: total, answered normally, and each injected fault. */
    @GetMapping("/stats")
    Map<FakeApi, Map<String, Long>> stats() {
        return faults.counts();
    }

    @GetMapping("/knobs")
    Map<FakeApi, Knobs> knobs() {
        Map<FakeApi, Knobs> all = new EnumMap<>(FakeApi.class);
        for (FakeApi api : FakeApi.values()) {
            all.put(api, faults.get(api));
        }
        return all;
    }

    /** Changes only the knobs named in the body, e.g. {@code {"latencyMs":300,"failAuth":true}}. */
    @PostMapping("/knobs/{api}")
    ResponseEntity<?> setKnobs(@PathVariable String api, @RequestBody Map<String, Object> changes) {
        FakeApi target;
        try {
            target = FakeApi.parse(api);
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(Map.of("error", "unknown api " + api + ", use slack, opengraph or notion"));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> merged = json.convertValue(faults.get(target), Map.class);
        merged.putAll(changes);
        try {
            Knobs knobs = json.convertValue(merged, Knobs.class);
            faults.set(target, knobs);
            return ResponseEntity.ok(knobs);
        } catch (RuntimeException e) {
            return ResponseEntity.badRequest().body(Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    /** The next {@code calls} calls to that fake are answered with a 5xx. */
    @PostMapping("/fail-next/{api}")
    ResponseEntity<?> failNext(@PathVariable String api, @RequestParam int calls) {
        try {
            faults.failNext(FakeApi.parse(api), calls);
            return ResponseEntity.ok(Map.of("api", api, "failNext", calls));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(Map.of("error", "unknown api " + api));
        }
    }

    /** Forgets every page, view and message and puts the knobs back to their configured values. */
    @PostMapping("/reset")
    Map<String, Object> reset() {
        notion.reset();
        slack.reset();
        faults.resetCounts();
        for (FakeApi api : FakeApi.values()) {
            faults.set(api, settings.knobsFor(api));
        }
        return Map.of("reset", true);
    }
}
