package bookbot.notion.digest;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.slack.api.methods.MethodsClient;

import bookbot.core.messaging.ConfirmedPublisher;
import bookbot.core.messaging.JobMessages;
import bookbot.core.messaging.Topology;
import bookbot.integration.notion.BookShelf;
import bookbot.notion.announce.ChannelAnnouncer;
import bookbot.notion.fence.JobFence;

/** The monthly digest: its writer always (a digest job may come from bookbot-admin), its schedule when a channel is set. */
@Configuration(proxyBeanMethods = false)
class DigestConfig {

    @Bean
    DigestWriter digestWriter(BookShelf shelf, ChannelAnnouncer announcer, MethodsClient slack, JobFence fence,
            DigestSettings settings) {
        return new DigestWriter(shelf, announcer, new DigestPoster(slack), fence, settings, shelf.databaseUrl(),
                Clock.systemUTC(), duration -> Thread.sleep(duration));
    }

    @Bean
    @ConditionalOnExpression("'${bookbot.digest.channel:}' != ''")
    DigestSchedule digestSchedule(DigestSettings settings, ConfirmedPublisher publisher, JobMessages messages,
            Topology topology) {
        return new DigestSchedule(settings, publisher, messages, topology, Clock.systemUTC());
    }
}
