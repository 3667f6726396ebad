package bookbot.gateway.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.element.StaticSelectElement;
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
