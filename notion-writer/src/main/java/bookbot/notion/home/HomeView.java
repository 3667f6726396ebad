package bookbot.notion.home;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.ImageElement;
import com.slack.api.model.view.View;

import bookbot.core.digest.SharedBook;
import bookbot.core.text.SlackMrkdwn;

/**
 * A member's Home tab: a "Share a book" button, the club's latest books (title linked to its page, cover, who,
 * when — Slack writes the date in the reader's own zone and language) and the member's own among them. Well
 * within Slack's 100 blocks.
 */
final class HomeView {

    static final String SHARE_ACTION = "bookbot_share_book";
    static final int LATEST_SHOWN = 15;
    static final int OWN_SHOWN = 10;

    private final MessageSource messages;

    HomeView(MessageSource messages) {
        this.messages = messages;
    }

    /** @param covers whether to show covers (Slack refuses the whole view when it cannot fetch one) */
    View build(String userId, List<SharedBook> latest, Locale locale, boolean covers) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(ActionsBlock.builder().blockId("bookbot_home_actions").elements(List.of(ButtonElement.builder()
                .actionId(SHARE_ACTION).style("primary")
                .text(PlainTextObject.builder().text(text("home.share", locale)).emoji(true).build()).build())).build());
        blocks.add(section("*" + text("home.latest", locale) + "*"));
        if (latest.isEmpty()) {
            blocks.add(section(text("home.latest.none", locale)));
        }
        latest.stream().limit(LATEST_SHOWN).forEach(book -> blocks.add(bookSection(book, locale, covers)));
        blocks.add(DividerBlock.builder().build());
        blocks.add(section("*" + text("home.mine", locale) + "*"));
        List<SharedBook> own = latest.stream().filter(book -> book.sharedBy(userId)).limit(OWN_SHOWN).toList();
        if (own.isEmpty()) {
            blocks.add(section(text("home.mine.none", locale)));
        }
        own.forEach(book -> blocks.add(section("• " + link(book) + " · " + date(book))));
        return View.builder().type("home").blocks(blocks).build();
    }

    private SectionBlock bookSection(SharedBook book, Locale locale, boolean covers) {
        String who = String.join(", ", book.sharerNames().stream().map(SlackMrkdwn::escape).toList());
        SectionBlock.SectionBlockBuilder section = SectionBlock.builder().text(MarkdownTextObject.builder()
                .text("*" + link(book) + "*\n" + text("home.shared", locale, who, date(book))).build());
        if (covers && book.coverUrl() != null && book.coverUrl().startsWith("https://")) {
            section.accessory(ImageElement.builder().imageUrl(book.coverUrl())
                    .altText(book.title() == null || book.title().isBlank() ? "cover" : book.title()).build());
        }
        return section.build();
    }

    private static String link(SharedBook book) {
        return SlackMrkdwn.link(book.pageUrl(), book.title() == null || book.title().isBlank() ? book.pageUrl()
                : book.title());
    }

    /** Slack's date formatting: the reader's zone and language; the fallback is the UTC date. */
    private static String date(SharedBook book) {
        if (book.recommendedAt() == null) {
            return "";
        }
        return "<!date^" + book.recommendedAt().getEpochSecond() + "^{date_short}|"
                + book.recommendedAt().toString().substring(0, 10) + ">";
    }

    private static SectionBlock section(String mrkdwn) {
        return SectionBlock.builder().text(MarkdownTextObject.builder().text(mrkdwn).build()).build();
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
