package bookbot.enrich;

import java.util.Optional;

import org.springframework.stereotype.Component;

import bookbot.core.job.BookJob;
import bookbot.core.job.BookMetadata;
import bookbot.core.messaging.Stage;
import bookbot.core.worker.StageHandler;
import bookbot.enrich.recommender.RecommenderDirectory;

/** The enrich stage: what the link says about the book (its title without the store's name), and who recommended it. */
@Component
class EnrichStage implements StageHandler {

    private final LinkLookup links;
    private final RecommenderDirectory recommenders;

    EnrichStage(LinkLookup links, RecommenderDirectory recommenders) {
        this.links = links;
        this.recommenders = recommenders;
    }

    @Override
    public Stage stage() {
        return Stage.ENRICH;
    }

    @Override
    public Optional<BookJob> handle(BookJob job) {
        BookMetadata book = StoreTitles.clean(links.lookup(job.recommendation().bookUrl()));
        String name = recommenders.nameOf(job.recommendation().userId()).orElse(null);
        return Optional.of(job.enriched(book, name));
    }
}
