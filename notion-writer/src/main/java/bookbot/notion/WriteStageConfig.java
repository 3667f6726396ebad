package bookbot.notion;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import bookbot.notion.announce.ChannelAnnouncer;
import bookbot.notion.page.NotionPages;

@Configuration(proxyBeanMethods = false)
class WriteStageConfig {

    @Bean
    WriteStage writeStage(NotionPages pages, ChannelAnnouncer announcer, WriterSettings settings) {
        return new WriteStage(pages, announcer, settings.announceClaim(), Clock.systemUTC());
    }
}
