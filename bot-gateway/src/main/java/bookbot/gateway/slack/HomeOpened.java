package bookbot.gateway.slack;

import java.time.Duration;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;

import bookbot.gateway.member.MemberLocaleSettings;
import bookbot.gateway.member.MemberLocales;
import bookbot.gateway.submission.HomeOpenings;

/**
 * A member opened the app's Home tab: Slack is answered at once, then a HOME job is queued for the writer, which
 * publishes the member's Home (in their language: the look-up may take its full time here, nobody waits for it).
 * A lost one costs nothing but a stale Home: the next opening asks again.
 */
@Component
class HomeOpened implements BoltEventHandler<AppHomeOpenedEvent> {

    private static final Logger log = LoggerFactory.getLogger(HomeOpened.class);

    private final HomeOpenings homes;
    private final MemberLocales locales;
    private final AfterAck afterAck;
    private final Duration localeWait;

    HomeOpened(HomeOpenings homes, MemberLocales locales, AfterAck afterAck,
            MemberLocaleSettings settings) {
        this.homes = homes;
        this.locales = locales;
        this.afterAck = afterAck;
        this.localeWait = settings.timeout();
    }

    @Override
    public Response apply(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext context) {
        AppHomeOpenedEvent event = payload.getEvent();
        if (event == null || !"home".equals(event.getTab()) || event.getUser() == null) {
            return context.ack();
        }
        String eventId = payload.getEventId() == null ? UUID.randomUUID().toString() : payload.getEventId();
        String userId = event.getUser();
        afterAck.run("home job for " + userId, () -> {
            if (!homes.opened(eventId, userId, locales.of(userId, localeWait))) {
                log.warn("home job {} for {} not confirmed; the member's next opening asks again", eventId, userId);
            }
        });
        return context.ack();
    }
}
