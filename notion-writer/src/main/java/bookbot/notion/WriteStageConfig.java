package bookbot.notion;

import java.time.Clock;
import java.util.List;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory.ConfirmType;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.slack.api.methods.MethodsClient;

import bookbot.core.messaging.BrokerConnections;
import bookbot.core.messaging.Topology;
import bookbot.notion.announce.ChannelAnnouncer;
import bookbot.notion.fence.JobFence;
import bookbot.notion.share.EditWriter;
import bookbot.notion.share.ShareWriter;
import bookbot.notion.share.WithdrawWriter;
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
    ChannelAnnouncer channelAnnouncer(MethodsClient slack, MessageSource messages, WriterSettings settings) {
        return new ChannelAnnouncer(slack, messages, settings.channelLocale());
    }

    @Bean
    ShareWriter shareWriter(NotionPages pages, ChannelAnnouncer announcer, JobFence fence, WriterSettings settings) {
        return new ShareWriter(pages, announcer, fence, settings.announceClaim(), Clock.systemUTC());
    }

    @Bean
    EditWriter editWriter(NotionPages pages, ChannelAnnouncer announcer, JobFence fence) {
        return new EditWriter(pages, announcer, fence, Clock.systemUTC());
    }

    @Bean
    WithdrawWriter withdrawWriter(NotionPages pages, ChannelAnnouncer announcer, JobFence fence) {
        return new WithdrawWriter(pages, announcer, fence, Clock.systemUTC());
    }

    @Bean
    WriteStage writeStage(List<JobWriter> writers, List<WrittenJobListener> listeners) {
        return new WriteStage(writers, listeners);
    }
}
