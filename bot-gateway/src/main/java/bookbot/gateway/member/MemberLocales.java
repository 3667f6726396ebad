package bookbot.gateway.member;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each member's language, remembered: Slack's 3 s leave no room for a users.info call per request. A known member
 * costs a map look-up; a member seen for the first time waits at most {@code firstLookupWait} for Slack's answer and
 * otherwise gets the default language this once. An expired entry is refreshed in the background while the member
 * keeps the known language. Look-ups run on virtual threads, one at a time per member.
 */
public class MemberLocales implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MemberLocales.class);

    private record Known(Locale locale, Instant freshUntil) {
    }

    private final LocaleLookup lookup;
    private final Locale fallback;
    private final MemberLocaleSettings settings;
    private final Clock clock;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Known> known = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Locale>> inFlight = new ConcurrentHashMap<>();

    public MemberLocales(LocaleLookup lookup, Locale fallback, MemberLocaleSettings settings, Clock clock) {
        this.lookup = lookup;
        this.fallback = fallback;
        this.settings = settings;
        this.clock = clock;
    }

    /** The member's language, waiting at most the configured first-look-up wait. */
    public Locale of(String userId) {
        return of(userId, settings.firstLookupWait());
    }

    /** The member's language, waiting at most {@code wait} when the member is not known yet. */
    public Locale of(String userId, Duration wait) {
        if (userId == null || userId.isBlank()) {
            return fallback;
        }
        Known entry = known.get(userId);
        if (entry != null) {
            if (clock.instant().isAfter(entry.freshUntil())) {
                lookUp(userId);
            }
            return entry.locale();
        }
        try {
            return lookUp(userId).get(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return fallback;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback;
        }
    }

    /** The language the gateway speaks to a member it knows nothing of. */
    public Locale fallback() {
        return fallback;
    }

    private CompletableFuture<Locale> lookUp(String userId) {
        CompletableFuture<Locale> started = new CompletableFuture<>();
        CompletableFuture<Locale> running = inFlight.putIfAbsent(userId, started);
        if (running != null) {
            return running;
        }
        try {
            executor.execute(() -> {
                try {
                    started.complete(ask(userId));
                } finally {
                    inFlight.remove(userId, started);
                }
            });
        } catch (RuntimeException e) {
            // Closing: no more look-ups.
            inFlight.remove(userId, started);
            started.complete(fallback);
        }
        return started;
    }

    private Locale ask(String userId) {
        try {
            Optional<String> slackLocale = lookup.slackLocaleOf(userId);
            Locale locale = SlackLocales.toBundleLocale(slackLocale.orElse(null), fallback);
            remember(userId, locale, settings.ttl());
            return locale;
        } catch (RuntimeException e) {
            Known previous = known.get(userId);
            Locale locale = previous == null ? fallback : previous.locale();
            log.warn("no Slack locale for {} ({}): {} for the next {}", userId, e.getMessage(), locale,
                    settings.failureTtl());
            remember(userId, locale, settings.failureTtl());
            return locale;
        }
    }

    private void remember(String userId, Locale locale, Duration ttl) {
        Instant now = clock.instant();
        if (known.size() >= settings.maxMembers()) {
            known.values().removeIf(k -> now.isAfter(k.freshUntil()));
            if (known.size() >= settings.maxMembers()) {
                known.clear();
            }
        }
        known.put(userId, new Known(locale, now.plus(ttl)));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
