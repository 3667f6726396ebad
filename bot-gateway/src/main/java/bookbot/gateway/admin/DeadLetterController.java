package bookbot.gateway.admin;

import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import bookbot.core.deadletter.BatchReport;
import bookbot.core.deadletter.DeadLetterDetail;
import bookbot.core.deadletter.DeadLetterListing;
import bookbot.core.deadletter.DeadLetters;
import bookbot.core.deadletter.DeadLettersUnavailableException;
import jakarta.servlet.http.HttpServletRequest;

/** The dead-letter operations as JSON over HTTP; the CLI's twin (same {@link DeadLetters} underneath). */
@RestController
@Conditional(AdminTokenConfigured.class)
@RequestMapping(AdminApiConfig.PATH + "/dead-letters")
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    DeadLetterListing list(@RequestParam(required = false) String stage, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String olderThan, @RequestParam(required = false) String newerThan,
            @RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) String after) {
        return deadLetters.list(BatchRequest.filter(stage, reason, olderThan, newerThan), limit, after);
    }

    @GetMapping("/{id}")
    ResponseEntity<?> show(@PathVariable String id) {
        return deadLetters.show(id).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> notFound(id));
    }

    @PostMapping("/replay")
    ResponseEntity<?> replay(@RequestBody BatchRequest request, HttpServletRequest http) {
        BatchReport report = deadLetters.replay(request.selection(), request.isDryRun(), request.rate(),
                actor(request, http), DeadLetters.Progress.NONE);
        return answer(request, report);
    }

    @PostMapping("/{id}/replay")
    ResponseEntity<?> replayOne(@PathVariable String id, @RequestBody(required = false) BatchRequest request,
            HttpServletRequest http) {
        return replay(one(id, request), http);
    }

    @PostMapping("/discard")
    ResponseEntity<?> discard(@RequestBody BatchRequest request, HttpServletRequest http) {
        BatchReport report = deadLetters.discard(request.selection(), request.isDryRun(), request.because(),
                actor(request, http), DeadLetters.Progress.NONE);
        return answer(request, report);
    }

    @PostMapping("/{id}/discard")
    ResponseEntity<?> discardOne(@PathVariable String id, @RequestBody(required = false) BatchRequest request,
            HttpServletRequest http) {
        return discard(one(id, request), http);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        String detail = e.getMostSpecificCause().getMessage();
        return ResponseEntity.badRequest().body(Map.of("error", "not a valid request body: "
                + (detail == null ? "unreadable" : detail.lines().findFirst().orElse(detail))));
    }

    @ExceptionHandler(DeadLettersUnavailableException.class)
    ResponseEntity<Map<String, String>> unavailable(DeadLettersUnavailableException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error", e.getMessage()));
    }

    /** Ids given and none of them found: 404, with the (empty) report. */
    private static ResponseEntity<?> answer(BatchRequest request, BatchReport report) {
        boolean byId = request.ids() != null && !request.ids().isEmpty();
        return ResponseEntity.status(byId && report.matched() == 0 ? HttpStatus.NOT_FOUND : HttpStatus.OK).body(report);
    }

    private static BatchRequest one(String id, BatchRequest request) {
        BatchRequest r = request == null ? BatchRequest.EMPTY : request;
        return new BatchRequest(List.of(id), null, null, null, null, null, r.dryRun(), r.ratePerSecond(), r.because(), r.by());
    }

    private static String actor(BatchRequest request, HttpServletRequest http) {
        String who = request.by() == null || request.by().isBlank() ? "someone" : request.by().strip();
        return who + " (admin API from " + http.getRemoteAddr() + ")";
    }

    private static ResponseEntity<Map<String, String>> notFound(String id) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no dead letter " + id));
    }
}
