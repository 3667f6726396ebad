package bookbot.gateway.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ConversationsSelectElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.block.element.URLTextInputElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;

class BookModalTest {

    private final BookModal modal = new BookModal(new Taxonomy(FormSamples.TAXONOMY),
            FormSamples.settings(FormSamples.STORES), messages());

    @Test
    void theModalRemembersTheChannelAndOffersTheTaxonomyInGroups() {
        View view = modal.build("C0BOOKS", Locale.ENGLISH);

        assertThat(view.getCallbackId()).isEqualTo(BookModal.CALLBACK_ID);
        assertThat(view.getPrivateMetadata()).isEqualTo("C0BOOKS");
        assertThat(view.getTitle().getText()).isEqualTo("Share a book");
        assertThat(view.getBlocks()).extracting(b -> ((InputBlock) b).getBlockId())
                .containsExactly("book_link", "category", "reason", "title");
        StaticSelectElement select = (StaticSelectElement) ((InputBlock) view.getBlocks().get(1)).getElement();
        assertThat(select.getOptionGroups()).hasSize(FormSamples.TAXONOMY.size());
        assertThat(select.getOptionGroups().get(2).getLabel().getText()).isEqualTo("소설");
        assertThat(select.getOptionGroups().get(2).getOptions()).extracting(o -> o.getValue())
                .containsExactly("소설::고전", "소설::역사", "소설::SF");
        assertThat(((InputBlock) view.getBlocks().get(3)).isOptional()).isTrue();
    }

    @Test
    void theModalSpeaksKorean() {
        View view = modal.build("C0BOOKS", Locale.KOREAN);

        assertThat(view.getTitle().getText()).isEqualTo("책을 공유해주세요.");
        assertThat(((InputBlock) view.getBlocks().get(0)).getLabel().getText()).isEqualTo("도서링크");
        assertThat(((InputBlock) view.getBlocks().get(2)).getLabel().getText()).isEqualTo("추천이유");
    }

    @Test
    void aFormOpenedWithAMessagesValuesShowsThemAndCutsTheReasonToTheFormsLimit() {
        String longReason = "가".repeat(2000) + "overflow";
        View view = modal.share("C0BOOKS", new FormInput("https://www.yes24.com/Product/Goods/1", null, longReason,
                null), Locale.ENGLISH);

        assertThat(view.getPrivateMetadata()).isEqualTo("C0BOOKS");
        assertThat(((URLTextInputElement) element(view, 0)).getInitialValue())
                .isEqualTo("https://www.yes24.com/Product/Goods/1");
        assertThat(((StaticSelectElement) element(view, 1)).getInitialOption()).isNull();
        assertThat(((PlainTextInputElement) element(view, 2)).getInitialValue()).isEqualTo("가".repeat(2000));
        assertThat(((PlainTextInputElement) element(view, 3)).getInitialValue()).isNull();
        assertThat(view.getBlocks()).hasSize(4);
    }

    @Test
    void aFormOpenedOutsideAnyConversationAsksForTheChannelOfferingTheDefaultFirst() {
        BookModal withDefault = new BookModal(new Taxonomy(FormSamples.TAXONOMY),
                new FormSettings(FormSamples.STORES, 2000, 200, FormSamples.TAXONOMY, "C0DEFAULT"), messages());

        View view = withDefault.share(null, FormInput.EMPTY, Locale.ENGLISH);

        assertThat(view.getCallbackId()).isEqualTo(BookModal.CALLBACK_ID);
        assertThat(view.getPrivateMetadata()).isEmpty();
        assertThat(view.getBlocks()).extracting(b -> ((InputBlock) b).getBlockId())
                .containsExactly("book_link", "category", "reason", "title", "channel");
        ConversationsSelectElement channel = (ConversationsSelectElement) element(view, 4);
        assertThat(channel.getInitialConversation()).isEqualTo("C0DEFAULT");
        assertThat(channel.getDefaultToCurrentConversation()).isTrue();
        assertThat(channel.getFilter().getInclude()).as("the bot posts without being invited only to public channels")
                .containsExactly("public");
        assertThat(((InputBlock) view.getBlocks().get(4)).getLabel().getText()).isEqualTo("Channel");
        assertThat(((URLTextInputElement) element(view, 0)).getInitialValue()).isNull();
    }

    @Test
    void theEditFormIsFilledWithTheShareAndNamesItAndItsChannel() {
        View view = modal.edit(new EditTarget("job-1", "C0BOOKS"), new FormInput("https://ridibooks.com/books/1",
                "소설::SF", "Because.", "My title"), Locale.KOREAN);

        assertThat(view.getCallbackId()).isEqualTo(BookModal.EDIT_CALLBACK_ID);
        assertThat(view.getPrivateMetadata()).isEqualTo("job-1 C0BOOKS");
        assertThat(view.getTitle().getText()).isEqualTo("공유한 책 수정");
        assertThat(view.getSubmit().getText()).isEqualTo("저장하기");
        assertThat(((StaticSelectElement) element(view, 1)).getInitialOption().getValue()).isEqualTo("소설::SF");
        assertThat(((StaticSelectElement) element(view, 1)).getInitialOption().getText().getText()).isEqualTo("SF");
        assertThat(((PlainTextInputElement) element(view, 2)).getInitialValue()).isEqualTo("Because.");
        assertThat(((PlainTextInputElement) element(view, 3)).getInitialValue()).isEqualTo("My title");
        assertThat(view.getBlocks()).hasSize(4);
    }

    @Test
    void aCategoryNoLongerOfferedIsNotPreselected() {
        View view = modal.edit(new EditTarget("job-1", "C0BOOKS"), new FormInput("https://ridibooks.com/books/1",
                "소설::무협", "Because.", null), Locale.KOREAN);

        assertThat(((StaticSelectElement) element(view, 1)).getInitialOption()).isNull();
    }

    @Test
    void theChannelIsTheOneTheFormWasOpenedFromElseTheOnePicked() {
        View carried = View.builder().privateMetadata("C0BOOKS").build();
        View picked = View.builder().privateMetadata("").state(stateWithChannel("C0PICKED")).build();
        View none = View.builder().privateMetadata("").state(stateWithChannel(null)).build();

        assertThat(BookModal.channelOf(carried)).isEqualTo("C0BOOKS");
        assertThat(BookModal.channelOf(picked)).isEqualTo("C0PICKED");
        assertThat(BookModal.channelOf(none)).isNull();
    }

    @Test
    void readsWhatTheMemberTypedFromTheSubmittedState() {
        ViewState state = new ViewState();
        state.setValues(Map.of(
                "book_link", Map.of("value", value("https://ridibooks.com/books/1354000126", null)),
                "category", Map.of("value", value(null, "소설::SF")),
                "reason", Map.of("value", value("Because.", null)),
                "title", Map.of("value", value(null, null))));

        assertThat(BookModal.read(state)).isEqualTo(
                new FormInput("https://ridibooks.com/books/1354000126", "소설::SF", "Because.", null));
    }

    private static LayoutBlock block(View view, int index) {
        return view.getBlocks().get(index);
    }

    private static BlockElement element(View view, int index) {
        return ((InputBlock) block(view, index)).getElement();
    }

    private static ViewState stateWithChannel(String channelId) {
        ViewState.Value value = new ViewState.Value();
        value.setSelectedConversation(channelId);
        ViewState state = new ViewState();
        state.setValues(Map.of("channel", Map.of("value", value)));
        return state;
    }

    private static ViewState.Value value(String text, String selected) {
        ViewState.Value value = new ViewState.Value();
        value.setValue(text);
        if (selected != null) {
            ViewState.SelectedOption option = new ViewState.SelectedOption();
            option.setValue(selected);
            value.setSelectedOption(option);
        }
        return value;
    }

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
