package bookbot.gateway.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import bookbot.core.job.Category;

class FormValidatorTest {

    private final FormValidator validator = FormSamples.validator();

    @Test
    void aLinkFromAnAllowedStoreWithCategoryAndReasonIsValid() {
        FormValidator.Result result = validator.validate(new FormInput(
                " https://www.yes24.com/Product/Goods/106369008 ", "경영/경제::재테크/금융/부동산", " Great. ", null));

        assertThat(result).isEqualTo(new FormValidator.Valid(new FormValidator.ValidForm(
                "https://www.yes24.com/Product/Goods/106369008", new Category("경영/경제", "재테크/금융/부동산"),
                "Great.", null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://ridibooks.com/books/1354000126",
            "http://m.yes24.com/Goods/Detail/106369008",
            "https://product.kyobobook.co.kr/detail/S000001032946",
            "https://WWW.ALADIN.CO.KR/shop/wproduct.aspx?ItemId=1"})
    void linksFromTheStoresAndTheirSubdomainsAreAccepted(String url) {
        assertThat(validator.validate(input(url))).isInstanceOf(FormValidator.Valid.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a link", "www.yes24.com/Product/Goods/1", "ftp://yes24.com/book",
            "javascript:alert(1)", "https://", "http:///path"})
    void somethingThatIsNotAnHttpLinkIsRefused(String url) {
        assertThat(errorsFor(input(url))).containsExactly(
                FieldError.of(FormField.BOOK_LINK, "error.link.invalid"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://www.amazon.com/dp/0593135202", "https://yes24.com.evil.example/book",
            "https://notyes24.com/book", "http://169.254.169.254/latest/meta-data"})
    void aLinkOutsideTheStoresIsRefusedNamingTheStores(String url) {
        assertThat(errorsFor(input(url))).containsExactly(FieldError.of(FormField.BOOK_LINK, "error.link.store",
                "ridibooks.com, yes24.com, kyobobook.co.kr, aladin.co.kr"));
    }

    @Test
    void anEmptyStoreListAllowsAnyHost() {
        assertThat(FormSamples.validator(List.of()).validate(input("https://www.amazon.com/dp/0593135202")))
                .isInstanceOf(FormValidator.Valid.class);
    }

    @Test
    void everyMissingFieldIsReportedAtOnce() {
        assertThat(errorsFor(new FormInput(null, null, "   ", null))).containsExactly(
                FieldError.of(FormField.BOOK_LINK, "error.link.required"),
                FieldError.of(FormField.CATEGORY, "error.category.unknown"),
                FieldError.of(FormField.REASON, "error.reason.required"));
    }

    @Test
    void aReasonOverTheLimitIsRefusedWithItsLength() {
        String reason = "가".repeat(2001);

        assertThat(errorsFor(new FormInput(FormSamplesUrls.YES24, "소설::SF", reason, null)))
                .containsExactly(FieldError.of(FormField.REASON, "error.reason.too-long", 2000, 2001));
        assertThat(validator.validate(new FormInput(FormSamplesUrls.YES24, "소설::SF", "가".repeat(2000), null)))
                .isInstanceOf(FormValidator.Valid.class);
    }

    @Test
    void aCategoryThatIsNotInTheTaxonomyIsRefused() {
        assertThat(errorsFor(new FormInput(FormSamplesUrls.YES24, "소설::Romance", "r", null)))
                .containsExactly(FieldError.of(FormField.CATEGORY, "error.category.unknown"));
    }

    @Test
    void theTitleOverrideIsKeptAndLimited() {
        assertThat(validator.validate(new FormInput(FormSamplesUrls.YES24, "소설::SF", "r", " My title ")))
                .extracting(r -> ((FormValidator.Valid) r).form().title()).isEqualTo("My title");
        assertThat(errorsFor(new FormInput(FormSamplesUrls.YES24, "소설::SF", "r", "t".repeat(201))))
                .containsExactly(FieldError.of(FormField.TITLE, "error.title.too-long", 200));
    }

    private static FormInput input(String url) {
        return new FormInput(url, "소설::SF", "Read it.", null);
    }

    private List<FieldError> errorsFor(FormInput input) {
        FormValidator.Result result = validator.validate(input);
        assertThat(result).isInstanceOf(FormValidator.Invalid.class);
        return ((FormValidator.Invalid) result).errors();
    }

    private static final class FormSamplesUrls {
        static final String YES24 = "https://www.yes24.com/Product/Goods/106369008";
    }
}
