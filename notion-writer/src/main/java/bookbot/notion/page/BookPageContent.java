package bookbot.notion.page;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import bookbot.integration.notion.PropertyNames;
import bookbot.core.job.BookJob;
import bookbot.core.job.BookKey;
import notion.api.v1.model.blocks.Block;
import notion.api.v1.model.blocks.ImageBlock;
import notion.api.v1.model.common.ExternalFileDetails;
import notion.api.v1.model.common.File;
import notion.api.v1.model.common.RichTextType;
import notion.api.v1.model.databases.DatabaseProperty;
import notion.api.v1.model.pages.PageParent;
import notion.api.v1.model.pages.PageProperty;
import notion.api.v1.request.pages.CreatePageRequest;

/**
 * What the page of a job contains: the original bot's properties plus the job id and the date, the cover
 * as page cover and as an image block. Long text is split into several rich-text parts, because Notion
 * takes at most 2,000 characters per part.
 */
public class BookPageContent {

    static final int RICH_TEXT_LIMIT = 2000;
    private static final int MAX_PARTS = 100;

    private final PropertyNames names;
    private final String databaseId;
    private final PageFormat format;

    public BookPageContent(PropertyNames names, String databaseId) {
        this(names, databaseId, PageFormat.FULL);
    }

    public BookPageContent(PropertyNames names, String databaseId, PageFormat format) {
        this.names = names;
        this.databaseId = databaseId;
        this.format = format;
    }

    public PageFormat format() {
        return format;
    }


    /** @param claim the writer's claim on the announcement, stored with the page so no copy of the job posts too */
    public CreatePageRequest pageFor(BookJob job, Announcement.Claimed claim) {
        return pageFor(job, Share.of(job, job.jobId()), claim);
    }

    /**
     * The page of a share: a new share's, or one an edit moves to another book (its job the edit, its
     * announcement where the share's message already is).
     */
    public CreatePageRequest pageFor(BookJob job, Share share, Announcement announcement) {
        String cover = job.book() == null ? null : job.book().imageUrl();
        Map<String, PageProperty> properties = properties(job, share);
        properties.put(names.slackMessage(), textProperty(announcement.text()));
        return new CreatePageRequest(
                PageParent.database(databaseId),
                properties,
                cover == null ? List.of() : List.of(imageBlock(cover)),
                null,
                cover == null ? null : File.Companion.external(cover));
    }

    Map<String, PageProperty> properties(BookJob job) {
        return properties(job, Share.of(job, job.jobId()));
    }

    private Map<String, PageProperty> properties(BookJob job, Share share) {
        Map<String, PageProperty> properties = bookProperties(job);
        properties.putAll(shareProperties(PageShares.of(share)));

        PageProperty recommendedAt = new PageProperty();
        recommendedAt.setDate(new PageProperty.Date(job.submittedAt().toString()));
        properties.put(names.recommendedAt(), recommendedAt);
        return properties;
    }

    /** What the page says about the book (the first share's link, title, category, author). */
    Map<String, PageProperty> bookProperties(BookJob job) {
        Map<String, PageProperty> properties = new LinkedHashMap<>();
        PageProperty title = new PageProperty();
        title.setTitle(richText(job.displayTitle()));
        properties.put(names.title(), title);

        PageProperty url = new PageProperty();
        url.setUrl(job.recommendation().bookUrl());
        properties.put(names.url(), url);

        PageProperty category = new PageProperty();
        category.setMultiSelect(List.of(option(job.recommendation().category().name()),
                option(job.recommendation().category().group())));
        properties.put(names.category(), category);

        if (format.onePagePerBook()) {
            properties.put(names.bookKey(), textProperty(BookKey.of(job.recommendation().bookUrl())));
        }
        String author = job.book() == null ? null : job.book().author();
        if (format.author() && author != null) {
            properties.put(names.author(), textProperty(author));
        }
        return properties;
    }

    /** Who recommends the book and why: every share on the page, written at once. */
    Map<String, PageProperty> shareProperties(PageShares shares) {
        Map<String, PageProperty> properties = new LinkedHashMap<>();
        properties.put(names.recommender(), textProperty(shares.namesText()));
        properties.put(names.reason(), textProperty(shares.reasonText()));
        properties.put(names.jobId(), textProperty(shares.jobIdsText()));
        if (format.onePagePerBook()) {
            properties.put(names.recommenderIds(), textProperty(shares.userIdsText()));
            properties.put(names.sharedAt(), textProperty(shares.sharedAtText()));
        }
        return properties;
    }

    static List<PageProperty.RichText> richText(String text) {
        List<PageProperty.RichText> parts = new ArrayList<>();
        int start = 0;
        while (start < text.length() && parts.size() < MAX_PARTS) {
            int end = Math.min(text.length(), start + RICH_TEXT_LIMIT);
            // Never split a surrogate pair (an emoji) across two parts.
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            parts.add(new PageProperty.RichText(RichTextType.Text, new PageProperty.RichText.Text(text.substring(start, end))));
            start = end;
        }
        return parts;
    }

    static PageProperty textProperty(String text) {
        PageProperty property = new PageProperty();
        property.setRichText(richText(text));
        return property;
    }

    private static DatabaseProperty.MultiSelect.Option option(String name) {
        // Notion refuses commas in option names.
        return new DatabaseProperty.MultiSelect.Option(null, name.replace(',', ' '), null, null);
    }

    private static Block imageBlock(String url) {
        return new ImageBlock(new ImageBlock.Element("external", new ExternalFileDetails(url)),
                null, null, null, null, null, null, null, null);
    }
}
