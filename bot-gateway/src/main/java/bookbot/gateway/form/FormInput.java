package bookbot.gateway.form;

/** What the member typed, as it came from the modal or the legacy dialog; any field may be null. */
public record FormInput(String bookUrl, String categoryValue, String reason, String title) {

    /** Nothing typed yet: the empty form. */
    public static final FormInput EMPTY = new FormInput(null, null, null, null);
}
