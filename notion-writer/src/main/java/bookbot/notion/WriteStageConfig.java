package bookbot.notion;

import java.time.Clock;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory.ConfirmType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import bookbot.core.messaging.BrokerConnections;
import bookbot.core.messaging.Topology;
import bookbot.notion.announce.ChannelAnnouncer;
import bookbot.notion.fence.JobFence;
import bookbot.notion.page.NotionPages;

@Configuration(proxyBeanMethods = false)
class WriteStageConfig {

    /**
     * On a connection of its own, not the consumers': when the broker drops the connection a job was delivered
     * on and hands the job to another writer, this writer's lock still holds while it finishes.
     */
    @Bean(destroyMethod = "close")
    JobFence jobFence(BrokerConnections connections, Topology topology, WriterSettings settings) {
        return new JobFence(connections.open("bookbot-writer-fence", ConfirmType.NONE), topology,
                settings.lockLinger());
    }

    @Bean
    WriteStage writeStage(NotionPages pages, ChannelAnnouncer announcer, JobFence fence, WriterSettings settings) {
        return new WriteStage(pages, announcer, fence, settings.announceClaim(), Clock.systemUTC());
    }
}
