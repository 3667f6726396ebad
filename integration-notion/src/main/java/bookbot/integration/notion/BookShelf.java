package bookbot.integration.notion;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import bookbot.core.digest.SharedBook;
import notion.api.v1.NotionClient;
import notion.api.v1.model.common.File;
import notion.api.v1.model.databases.QueryResults;
import notion.api.v1.model.databases.query.filter.CompoundFilter;
import notion.api.v1.model.databases.query.filter.PropertyFilter;
import notion.api.v1.model.databases.query.filter.QueryTopLevelFilter;
import notion.api.v1.model.databases.query.filter.condition.DateFilter;
import notion.api.v1.model.databases.query.filter.condition.TextFilter;
import notion.api.v1.model.databases.query.sort.QuerySort;
import notion.api.v1.model.databases.query.sort.QuerySortDirection;
import notion.api.v1.model.pages.Page;
import notion.api.v1.model.pages.PageProperty;
import notion.api.v1.request.databases.QueryDatabaseRequest;

/**
 * Reads the club's books from the database for the digest and the Home tab: paged queries (100 pages each, as
 * Notion allows), each request through the {@link NotionCaller}, so the writer's reads count against Notion's
 * shared rate limit.
 */
public class BookShelf {

    /** Notion's largest page of results. */
    private static final int PAGE_SIZE = 100;
    /** 10,000 books a month is more than any club shares; a runaway cursor stops here. */
    private static final int MAX_REQUESTS = 100;

    private final NotionClient notion;
    private final PropertyNames names;
    private final String databaseId;
    private final NotionCaller caller;

    public BookShelf(NotionClient notion, PropertyNames names, String databaseId, NotionCaller caller) {
        this.notion = notion;
        this.names = names;
        this.databaseId = databaseId;
        this.caller = caller;
    }

    /** The database as people open it, for what a message cannot list. */
    public String databaseUrl() {
        return "https://www.notion.so/" + databaseId.replace("-", "");
    }

    /**
     * The books first shared in the month ({@code recommended at} within it) and, where the database has
     * {@code shared at}, the older books shared again in it: what {@code MonthlyDigest} counts. A month of the
     * club's zone spans at most two UTC months; {@code shared at} is searched for both.
     */
    public List<SharedBook> touchingMonth(YearMonth month, ZoneId zone) {
        Instant start = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        DateFilter within = new DateFilter();
        within.setOnOrAfter(start.toString());
        PropertyFilter from = new PropertyFilter(names.recommendedAt());
        from.setDate(within);
        DateFilter before = new DateFilter();
        before.setBefore(end.toString());
        PropertyFilter until = new PropertyFilter(names.recommendedAt());
        until.setDate(before);
        CompoundFilter firstShared = new CompoundFilter();
        firstShared.setAnd(List.of(from, until));

        Map<String, SharedBook> books = new LinkedHashMap<>();
        queryAll(firstShared).forEach(book -> books.put(book.pageUrl(), book));
        if (hasProperty(names.sharedAt())) {
            for (String utcMonth : utcMonths(start, end)) {
                TextFilter mentions = new TextFilter();
                mentions.setContains(utcMonth);
                PropertyFilter sharedThen = new PropertyFilter(names.sharedAt());
                sharedThen.setRichText(mentions);
                queryAll(sharedThen).forEach(book -> books.putIfAbsent(book.pageUrl(), book));
            }
        }
        return List.copyOf(books.values());
    }

    /** The {@code count} (at most 100) most recently shared books, newest first: one request. */
    public List<SharedBook> latest(int count) {
        QuerySort newestFirst = new QuerySort(names.recommendedAt(), null, QuerySortDirection.Descending);
        QueryResults results = caller.call("database query", () -> notion.queryDatabase(new QueryDatabaseRequest(
                databaseId, null, List.of(newestFirst), null, Math.min(count, PAGE_SIZE))));
        return results.getResults().stream().map(this::toBook).toList();
    }

    private List<SharedBook> queryAll(QueryTopLevelFilter filter) {
        QuerySort oldestFirst = new QuerySort(names.recommendedAt(), null, QuerySortDirection.Ascending);
        List<SharedBook> books = new ArrayList<>();
        String cursor = null;
        for (int request = 0; request < MAX_REQUESTS; request++) {
            String from = cursor;
            QueryResults results = caller.call("database query", () -> notion.queryDatabase(new QueryDatabaseRequest(
                    databaseId, filter, List.of(oldestFirst), from, PAGE_SIZE)));
            results.getResults().stream().map(this::toBook).forEach(books::add);
            cursor = results.getNextCursor();
            if (!Boolean.TRUE.equals(results.getHasMore()) || cursor == null) {
                break;
            }
        }
        return books;
    }

    private boolean hasProperty(String name) {
        var database = caller.call("database retrieve", () -> notion.retrieveDatabase(databaseId));
        return database.getProperties() != null && database.getProperties().containsKey(name);
    }

    /** "2026-10" for each UTC month that [start, end) touches, as {@code shared at}'s instants begin. */
    static Set<String> utcMonths(Instant start, Instant end) {
        Set<String> months = new TreeSet<>();
        YearMonth last = YearMonth.from(end.minusNanos(1).atZone(ZoneOffset.UTC));
        for (YearMonth month = YearMonth.from(start.atZone(ZoneOffset.UTC)); !month.isAfter(last);
                month = month.plusMonths(1)) {
            months.add(month.toString());
        }
        return months;
    }

    private SharedBook toBook(Page page) {
        Map<String, PageProperty> properties = page.getProperties() == null ? Map.of() : page.getProperties();
        String cover = page.getCover() instanceof File file && file.getExternal() != null
                ? file.getExternal().getUrl() : null;
        return SharedBook.fromPage(page.getUrl(), text(properties.get(names.title())), cover,
                date(properties.get(names.recommendedAt()), page.getCreatedTime()),
                text(properties.get(names.recommender())), text(properties.get(names.recommenderIds())),
                text(properties.get(names.sharedAt())));
    }

    private static Instant date(PageProperty property, String createdTime) {
        String value = property != null && property.getDate() != null ? property.getDate().getStart() : createdTime;
        if (value == null) {
            return null;
        }
        try {
            return value.length() == 10 ? java.time.LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(PageProperty property) {
        if (property == null) {
            return "";
        }
        List<PageProperty.RichText> parts = property.getTitle() != null ? property.getTitle() : property.getRichText();
        if (parts == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (PageProperty.RichText part : parts) {
            if (part.getPlainText() != null) {
                text.append(part.getPlainText());
            } else if (part.getText() != null && part.getText().getContent() != null) {
                text.append(part.getText().getContent());
            }
        }
        return text.toString();
    }
}
