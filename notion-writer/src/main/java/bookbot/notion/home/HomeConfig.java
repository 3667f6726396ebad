package bookbot.notion.home;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.slack.api.methods.MethodsClient;

import bookbot.integration.notion.BookShelf;
import bookbot.notion.WrittenJobListener;

@Configuration(proxyBeanMethods = false)
class HomeConfig {

    /** The Home tab shows 15 books and the member's own among the 100 latest: one Notion request a minute at most. */
    @Bean
    LatestBooks latestBooks(BookShelf shelf) {
        return new LatestBooks(shelf, 100, Duration.ofMinutes(1), Clock.systemUTC());
    }

    @Bean
    HomeWriter homeWriter(MethodsClient slack, LatestBooks latest, MessageSource messages) {
        return new HomeWriter(slack, latest, new HomeView(messages));
    }

    @Bean
    WrittenJobListener latestBooksFollowShares(LatestBooks latest) {
        return latest::written;
    }
}
