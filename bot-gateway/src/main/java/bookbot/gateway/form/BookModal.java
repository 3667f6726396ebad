package bookbot.gateway.form;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.block.element.BlockElements.urlTextInput;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionGroupObject;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import com.slack.api.model.view.ViewState;

/** The "share a book" modal: how it looks, and how to read back what the member typed. */
public class BookModal {

    public static final String CALLBACK_ID = "bookbot_share_book";

    private final Taxonomy taxonomy;
    private final FormSettings settings;
    private final MessageSource messages;

    public BookModal(Taxonomy taxonomy, FormSettings settings, MessageSource messages) {
        this.taxonomy = taxonomy;
        this.settings = settings;
        this.messages = messages;
    }

    /** @param channelId where the command was typed; carried in the view so the submission knows it */
    public View build(String channelId, Locale locale) {
        return View.builder()
                .type("modal")
                .callbackId(CALLBACK_ID)
                .privateMetadata(channelId)
                .title(ViewTitle.builder().type("plain_text").text(text("form.title", locale)).build())
                .submit(ViewSubmit.builder().type("plain_text").text(text("form.submit", locale)).build())
                .close(ViewClose.builder().type("plain_text").text(text("form.close", locale)).build())
                .blocks(blocks(locale))
                .build();
    }

    public static FormInput read(ViewState state) {
        return new FormInput(
                textOf(state, FormField.BOOK_LINK),
                selectedOf(state, FormField.CATEGORY),
                textOf(state, FormField.REASON),
                textOf(state, FormField.TITLE));
    }

    private List<LayoutBlock> blocks(Locale locale) {
        return List.of(
                input(i -> i.blockId(FormField.BOOK_LINK.blockId())
                        .label(plainText(text("form.link.label", locale)))
                        .element(urlTextInput(u -> u.actionId(FormField.ACTION_ID)
                                .placeholder(plainText(text("form.link.placeholder", locale)))))),
                input(i -> i.blockId(FormField.CATEGORY.blockId())
                        .label(plainText(text("form.category.label", locale)))
                        .element(staticSelect(s -> s.actionId(FormField.ACTION_ID)
                                .placeholder(plainText(text("form.category.placeholder", locale)))
                                .optionGroups(optionGroups())))),
                input(i -> i.blockId(FormField.REASON.blockId())
                        .label(plainText(text("form.reason.label", locale)))
                        .element(plainTextInput(p -> p.actionId(FormField.ACTION_ID)
                                .multiline(true)
                                .maxLength(settings.reasonMaxLength())))),
                input(i -> i.blockId(FormField.TITLE.blockId())
                        .optional(true)
                        .label(plainText(text("form.title.label", locale)))
                        .hint(plainText(text("form.title.hint", locale)))
                        .element(plainTextInput(p -> p.actionId(FormField.ACTION_ID)
                                .maxLength(settings.titleMaxLength())))));
    }

    private List<OptionGroupObject> optionGroups() {
        return taxonomy.groups().stream()
                .map(group -> OptionGroupObject.builder()
                        .label(plainText(group.group()))
                        .options(group.names().stream()
                                .map(name -> OptionObject.builder()
                                        .text(plainText(name))
                                        .value(Taxonomy.valueOf(group.group(), name))
                                        .build())
                                .toList())
                        .build())
                .toList();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static String textOf(ViewState state, FormField field) {
        ViewState.Value value = valueOf(state, field);
        return value == null ? null : value.getValue();
    }

    private static String selectedOf(ViewState state, FormField field) {
        ViewState.Value value = valueOf(state, field);
        return value == null || value.getSelectedOption() == null ? null : value.getSelectedOption().getValue();
    }

    private static ViewState.Value valueOf(ViewState state, FormField field) {
        if (state == null || state.getValues() == null) {
            return null;
        }
        var block = state.getValues().get(field.blockId());
        return block == null ? null : block.get(FormField.ACTION_ID);
    }
}
