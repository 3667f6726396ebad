package bookbot.sandbox.client;

import java.util.List;

/** Books members share in the demo and the end-to-end test: one per store, each exercising a metadata path. */
public final class SampleBooks {

    /** A member sharing a book through the form. */
    public record Share(String userId, FormValues form) {
    }

    /** yes24, complete OpenGraph data (the original bot's test book). */
    public static final Share YES24 = new Share("U0MEMBER", new FormValues(
            "https://www.yes24.com/Product/Goods/106369008", "경영/경제::재테크/금융/부동산",
            "A classic about getting out of the slow lane.", null));
    /** ridibooks, a cover URL with a #fragment to trim. */
    public static final Share RIDIBOOKS = new Share("U0SEOYEON", new FormValues(
            "https://ridibooks.com/books/1354000126", "경영/경제::재테크/금융/부동산", "10주년 에디션으로 다시 읽었어요.", null));
    /** kyobobook, the cover only in the raw OpenGraph tags. */
    public static final Share KYOBO = new Share("U0ALICE", new FormValues(
            "https://product.kyobobook.co.kr/detail/S000001032946", "컴퓨터/IT::개발/프로그래밍",
            "Every team should read chapter 3 together.", null));
    /** aladin, a page without OpenGraph tags. */
    public static final Share ALADIN = new Share("U0BOB", new FormValues(
            "https://www.aladin.co.kr/shop/wproduct.aspx?ItemId=40869703", "소설::고전", "새는 알을 깨고 나온다.", null));
    /** A page the sandbox does not know, with the member's own title. */
    public static final Share WITH_OWN_TITLE = new Share("U0MEMBER", new FormValues(
            "https://www.yes24.com/Product/Goods/125447384", "소설::SF", "Science as a page-turner.",
            "Project Hail Mary"));

    public static final List<Share> ALL = List.of(YES24, RIDIBOOKS, KYOBO, ALADIN, WITH_OWN_TITLE);

    /** A store outside the allowed list: the form must refuse it. */
    public static final Share OUTSIDE_THE_STORES = new Share("U0BOB", new FormValues(
            "https://www.amazon.com/dp/0593135202", "소설::SF", "Not from one of our stores.", null));

    private SampleBooks() {
    }
}
