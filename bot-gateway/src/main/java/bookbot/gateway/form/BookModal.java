package bookbot.gateway.form;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.conversationsSelect;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.block.element.BlockElements.urlTextInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionGroupObject;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.ConversationsFilter;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;

/** The "share a book" modal and its "edit" twin: how they look, and how to read back what the member typed. */
public class BookModal {

    public static final String CALLBACK_ID = "bookbot_share_book";
    /** The form opened from a share's menu to change it; {@code private_metadata} is an {@link EditTarget}. */
    public static final String EDIT_CALLBACK_ID = "book_edit";

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
        return share(channelId, FormInput.EMPTY, locale);
    }

    /**
     * The share form with {@code prefill} filled in (the reason cut to the form's limit).
     *
     * @param channelId the conversation the form was opened from, carried in the view; null when opened outside
     *                  any (the global shortcut, the Home tab): the form then asks for the channel
     */
    public View share(String channelId, FormInput prefill, Locale locale) {
        return view(CALLBACK_ID, channelId == null ? "" : channelId, "form.title", "form.submit", prefill,
                channelId == null, locale);
    }

    /** The form that changes a share, filled with the share as it was. */
    public View edit(EditTarget target, FormInput prefill, Locale locale) {
        return view(EDIT_CALLBACK_ID, target.privateMetadata(), "form.edit.title", "form.edit.submit", prefill, false,
                locale);
    }

    public static FormInput read(ViewState state) {
        return new FormInput(
                textOf(state, FormField.BOOK_LINK),
                selectedOf(state, FormField.CATEGORY),
                textOf(state, FormField.REASON),
                textOf(state, FormField.TITLE));
    }

    /** The share's channel: the one the form was opened from, else the one the member picked; null for none. */
    public static String channelOf(View view) {
        String carried = view.getPrivateMetadata();
        if (carried != null && !carried.isBlank()) {
            return carried.strip();
        }
        ViewState.Value picked = valueOf(view.getState(), FormField.CHANNEL);
        return picked == null || picked.getSelectedConversation() == null || picked.getSelectedConversation().isBlank()
                ? null : picked.getSelectedConversation();
    }

    private View view(String callbackId, String privateMetadata, String titleKey, String submitKey, FormInput prefill,
            boolean asksForChannel, Locale locale) {
        return View.builder()
                .type("modal")
                .callbackId(callbackId)
                .privateMetadata(privateMetadata)
                .title(ViewTitle.builder().type("plain_text").text(text(titleKey, locale)).build())
                .submit(ViewSubmit.builder().type("plain_text").text(text(submitKey, locale)).build())
                .close(ViewClose.builder().type("plain_text").text(text("form.close", locale)).build())
                .blocks(blocks(prefill, asksForChannel, locale))
                .build();
    }

    private List<LayoutBlock> blocks(FormInput prefill, boolean asksForChannel, Locale locale) {
        List<LayoutBlock> blocks = new ArrayList<>(List.of(
                input(i -> i.blockId(FormField.BOOK_LINK.blockId())
                        .label(plainText(text("form.link.label", locale)))
                        .element(urlTextInput(u -> u.actionId(FormField.ACTION_ID)
                                .initialValue(blankToNull(prefill.bookUrl()))
                                .placeholder(plainText(text("form.link.placeholder", locale)))))),
                input(i -> i.blockId(FormField.CATEGORY.blockId())
                        .label(plainText(text("form.category.label", locale)))
                        .element(staticSelect(s -> s.actionId(FormField.ACTION_ID)
                                .placeholder(plainText(text("form.category.placeholder", locale)))
                                .initialOption(optionFor(prefill.categoryValue()))
                                .optionGroups(optionGroups())))),
                input(i -> i.blockId(FormField.REASON.blockId())
                        .label(plainText(text("form.reason.label", locale)))
                        .element(plainTextInput(p -> p.actionId(FormField.ACTION_ID)
                                .multiline(true)
                                .initialValue(cut(prefill.reason(), settings.reasonMaxLength()))
                                .maxLength(settings.reasonMaxLength())))),
                input(i -> i.blockId(FormField.TITLE.blockId())
                        .optional(true)
                        .label(plainText(text("form.title.label", locale)))
                        .hint(plainText(text("form.title.hint", locale)))
                        .element(plainTextInput(p -> p.actionId(FormField.ACTION_ID)
                                .initialValue(cut(prefill.title(), settings.titleMaxLength()))
                                .maxLength(settings.titleMaxLength()))))));
        if (asksForChannel) {
            blocks.add(input(i -> i.blockId(FormField.CHANNEL.blockId())
                    .label(plainText(text("form.channel.label", locale)))
                    .hint(plainText(text("form.channel.hint", locale)))
                    .element(conversationsSelect(c -> c.actionId(FormField.ACTION_ID)
                            .placeholder(plainText(text("form.channel.placeholder", locale)))
                            .defaultToCurrentConversation(true)
                            .initialConversation(settings.defaultChannel())
                            // chat:write.public reaches any public channel; a private one only after the bot is
                            // invited, else the book would be archived with its message refused.
                            .filter(ConversationsFilter.builder().include(List.of("public"))
                                    .excludeBotUsers(true).build())))));
        }
        return blocks;
    }

    private List<OptionGroupObject> optionGroups() {
        return taxonomy.groups().stream()
                .map(group -> OptionGroupObject.builder()
                        .label(plainText(group.group()))
                        .options(group.names().stream().map(name -> option(group.group(), name)).toList())
                        .build())
                .toList();
    }

    /** Slack shows an initial option only if it is one of the options, exactly: a category no longer offered is none. */
    private OptionObject optionFor(String categoryValue) {
        return taxonomy.resolve(categoryValue).map(c -> option(c.group(), c.name())).orElse(null);
    }

    private static OptionObject option(String group, String name) {
        return OptionObject.builder().text(plainText(name)).value(Taxonomy.valueOf(group, name)).build();
    }

    /** At most {@code max} characters (code points, as the validator counts), stripped; null when nothing is left. */
    private static String cut(String text, int max) {
        String stripped = blankToNull(text);
        if (stripped == null || stripped.codePointCount(0, stripped.length()) <= max) {
            return stripped;
        }
        return blankToNull(stripped.substring(0, stripped.offsetByCodePoints(0, max)));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
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
