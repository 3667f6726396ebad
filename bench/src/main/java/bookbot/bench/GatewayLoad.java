package bookbot.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import bookbot.sandbox.client.SignedRequest;

/**
 * Slack's side of the 3-second budget: signed view_submission requests sent at a fixed rate (open loop: on
 * schedule, whether or not earlier ones were answered), each timed from its scheduled send to its answer.
 */
final class GatewayLoad {

    /**
     * @param errors     answers that were not an empty 200 (the form would show an error or nothing)
     * @param overBudget answers that took longer than Slack waits (3 s): Slack shows the member an error
     */
    record Result(String target, double ratePerSecond, int sent, int errors, int overBudget, double p50Ms, double p99Ms,
            double maxMs) {
    }

    static final Duration SLACK_BUDGET = Duration.ofSeconds(3);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    Result run(String target, URI endpoint, IntFunction<SignedRequest> submission, double ratePerSecond, Duration duration)
            throws InterruptedException {
        int count = (int) Math.round(ratePerSecond * duration.toNanos() / 1e9);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger overBudget = new AtomicInteger();
        List<CompletableFuture<?>> answers = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + (long) (i * 1e9 / ratePerSecond);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            SignedRequest signed = submission.apply(i);
            HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(signed.body()));
            signed.headers().forEach(request::header);
            answers.add(http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                double ms = (System.nanoTime() - due) / 1e6;
                latencies.add(ms);
                if (error != null || response.statusCode() != 200 || !response.body().isEmpty()) {
                    errors.incrementAndGet();
                }
                if (ms > SLACK_BUDGET.toMillis()) {
                    overBudget.incrementAndGet();
                }
            }));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).handle((ok, e) -> null).join();
        List<Double> sample = List.copyOf(latencies);
        return new Result(target, ratePerSecond, count, errors.get(), overBudget.get(), Percentiles.of(sample, 50),
                Percentiles.of(sample, 99), Percentiles.of(sample, 100));
    }
}
