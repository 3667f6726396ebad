package bookbot.sandbox.notion;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A database query's body as Notion reads it (version 2022-06-28), for the filters, sorts and paging bookbot
 * uses: property filters {@code rich_text}/{@code title} ({@code equals}, {@code contains}) and {@code date}
 * ({@code equals}, {@code before}, {@code after}, {@code on_or_before}, {@code on_or_after}), compound
 * {@code and}/{@code or}; sorts by property, either direction; {@code start_cursor}/{@code page_size}. What it
 * does not support, or a property the database lacks, is a 400 {@code validation_error}, as Notion answers.
 *
 * @param cursor the position to start from: the sandbox's cursors are offsets (Notion's are opaque)
 */
record NotionQuery(Predicate<Map<String, Object>> filter, Comparator<Map<String, Object>> order, int cursor,
        int pageSize) {

    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    static NotionQuery parse(Map<String, Object> body, Map<String, String> schema) {
        Predicate<Map<String, Object>> filter = body.get("filter") instanceof Map<?, ?> f ? filter(f, schema) : page -> true;
        Comparator<Map<String, Object>> order = (a, b) -> 0;
        if (body.get("sorts") instanceof List<?> sorts) {
            for (Object sort : sorts) {
                order = order.thenComparing(sort(sort, schema));
            }
        }
        int cursor = 0;
        if (body.get("start_cursor") instanceof String start) {
            try {
                cursor = Integer.parseInt(start);
            } catch (NumberFormatException e) {
                throw new Invalid("body.start_cursor should be a valid cursor, instead was \"" + start + "\".");
            }
        }
        int pageSize = body.get("page_size") instanceof Number n ? Math.max(1, Math.min(100, n.intValue())) : 100;
        return new NotionQuery(filter, order, cursor, pageSize);
    }

    private static Predicate<Map<String, Object>> filter(Map<?, ?> filter, Map<String, String> schema) {
        if (filter.get("and") instanceof List<?> all) {
            List<Predicate<Map<String, Object>>> parts = new ArrayList<>();
            all.forEach(part -> parts.add(filter((Map<?, ?>) part, schema)));
            return page -> parts.stream().allMatch(p -> p.test(page));
        }
        if (filter.get("or") instanceof List<?> any) {
            List<Predicate<Map<String, Object>>> parts = new ArrayList<>();
            any.forEach(part -> parts.add(filter((Map<?, ?>) part, schema)));
            return page -> parts.stream().anyMatch(p -> p.test(page));
        }
        String property = (String) filter.get("property");
        if (property == null || !schema.containsKey(property)) {
            throw new Invalid("Could not find property with name or id: " + property);
        }
        if (filter.get("rich_text") instanceof Map<?, ?> text) {
            return textCondition(property, text);
        }
        if (filter.get("title") instanceof Map<?, ?> text) {
            return textCondition(property, text);
        }
        if (filter.get("date") instanceof Map<?, ?> date) {
            return dateCondition(property, date);
        }
        throw new Invalid("The sandbox supports only rich_text, title and date filters.");
    }

    private static Predicate<Map<String, Object>> textCondition(String property, Map<?, ?> condition) {
        if (condition.get("equals") instanceof String value) {
            return page -> value.equals(NotionPages.plainText(page, property));
        }
        if (condition.get("contains") instanceof String value) {
            return page -> {
                String text = NotionPages.plainText(page, property);
                return text != null && text.toLowerCase().contains(value.toLowerCase());
            };
        }
        throw new Invalid("The sandbox supports only 'equals' and 'contains' text filters.");
    }

    private static Predicate<Map<String, Object>> dateCondition(String property, Map<?, ?> condition) {
        for (Map.Entry<?, ?> entry : condition.entrySet()) {
            Instant bound = instant(String.valueOf(entry.getValue()));
            if (bound == null) {
                throw new Invalid("body.filter.date." + entry.getKey() + " should be an ISO 8601 date.");
            }
            Predicate<Instant> test = switch (String.valueOf(entry.getKey())) {
                case "equals" -> at -> at.equals(bound);
                case "before" -> at -> at.isBefore(bound);
                case "after" -> at -> at.isAfter(bound);
                case "on_or_before" -> at -> !at.isAfter(bound);
                case "on_or_after" -> at -> !at.isBefore(bound);
                default -> throw new Invalid("The sandbox does not support the date condition " + entry.getKey() + ".");
            };
            return page -> {
                Instant at = NotionPages.date(page, property);
                return at != null && test.test(at);
            };
        }
        throw new Invalid("body.filter.date should have a condition.");
    }

    private static Comparator<Map<String, Object>> sort(Object sort, Map<String, String> schema) {
        if (!(sort instanceof Map<?, ?> s) || !(s.get("property") instanceof String property)) {
            throw new Invalid("The sandbox supports only property sorts.");
        }
        if (!schema.containsKey(property)) {
            throw new Invalid("Could not find sort property with name or id: " + property);
        }
        Comparator<Map<String, Object>> ascending = "date".equals(schema.get(property))
                ? Comparator.comparing(page -> NotionPages.date(page, property),
                        Comparator.nullsLast(Comparator.naturalOrder()))
                : Comparator.comparing(page -> NotionPages.plainText(page, property),
                        Comparator.nullsLast(Comparator.naturalOrder()));
        return "descending".equals(s.get("direction")) ? ascending.reversed() : ascending;
    }

    static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
