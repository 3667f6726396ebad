package bookbot.notion.home;

import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.model.view.View;

import bookbot.core.digest.SharedBook;
import bookbot.core.job.BookJob;
import bookbot.core.job.JobKind;
import bookbot.integration.slack.SlackFailures;
import bookbot.notion.JobWriter;

/**
 * Publishes a member's Home tab ({@code views.publish}) from the latest books this writer knows. Publishing the
 * same view twice is harmless, so a HOME job needs no lock: each copy publishes what is newest.
 */
public class HomeWriter implements JobWriter {

    private static final Logger log = LoggerFactory.getLogger(HomeWriter.class);

    private final MethodsClient slack;
    private final LatestBooks latest;
    private final HomeView view;

    HomeWriter(MethodsClient slack, LatestBooks latest, HomeView view) {
        this.slack = slack;
        this.latest = latest;
        this.view = view;
    }

    @Override
    public JobKind kind() {
        return JobKind.HOME;
    }

    @Override
    public void write(BookJob job) {
        String userId = job.subject();
        List<SharedBook> books = latest.books();
        Locale locale = Locale.forLanguageTag(job.locale());
        ViewsPublishResponse response = publish(userId, view.build(userId, books, locale, true));
        if (!response.isOk() && "invalid_blocks".equals(response.getError())) {
            // A cover Slack could not fetch spoils the whole view: publish it without covers.
            log.warn("Home of {}: Slack refused the view with covers ({}), publishing it without", userId,
                    response.getResponseMetadata() == null ? "" : response.getResponseMetadata().getMessages());
            response = publish(userId, view.build(userId, books, locale, false));
        }
        SlackFailures.requireOk("views.publish", response);
        log.info("Home of {} published ({} books)", userId, Math.min(books.size(), HomeView.LATEST_SHOWN));
    }

    private ViewsPublishResponse publish(String userId, View home) {
        try {
            return slack.viewsPublish(r -> r.userId(userId).view(home));
        } catch (Exception e) {
            throw SlackFailures.translate("views.publish", e);
        }
    }
}
