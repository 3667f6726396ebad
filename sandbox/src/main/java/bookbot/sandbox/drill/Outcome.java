package bookbot.sandbox.drill;

import java.util.List;
import java.util.Map;

import bookbot.sandbox.client.NotionPageView;
import bookbot.sandbox.client.SampleBooks;
import bookbot.sandbox.client.SandboxClient;

/**
 * Where the books ended, read from the sandbox: its Notion pages and channel messages, and whether every book
 * has exactly one page and that page exactly one message.
 */
record Outcome(int pages, int messages, boolean everyBookOnePageAndOneMessage) {

    static Outcome of(SandboxClient sandbox, List<SampleBooks.Share> books) {
        List<NotionPageView> pages = sandbox.notionPages().stream().map(NotionPageView::new).toList();
        List<Map<String, Object>> messages = sandbox.slackMessages();
        boolean each = books.stream().allMatch(book -> {
            List<NotionPageView> itsPages = pages.stream().filter(p -> book.form().bookUrl().equals(p.bookUrl())).toList();
            return itsPages.size() == 1 && messages.stream()
                    .filter(m -> String.valueOf(m.get("text")).contains(itsPages.getFirst().url())).count() == 1;
        });
        return new Outcome(pages.size(), messages.size(), each);
    }

    /** One page and one message per book, and nothing else. */
    boolean complete(int books) {
        return everyBookOnePageAndOneMessage && pages == books && messages == books;
    }
}
