package bookbot.gateway.form;

/**
 * The form's fields, with their ids in the modal (block id) and in the original bot's legacy dialog
 * (element name).
 */
public enum FormField {
    BOOK_LINK("book_link", "bookstore_url"),
    CATEGORY("category", "category"),
    REASON("reason", "recommend_reason"),
    TITLE("title", "title"),
    /** Only in a modal opened outside any conversation; the legacy dialog always came from a channel. */
    CHANNEL("channel", "channel");

    /** The single input element inside each block. */
    public static final String ACTION_ID = "value";

    private final String blockId;
    private final String dialogName;

    FormField(String blockId, String dialogName) {
        this.blockId = blockId;
        this.dialogName = dialogName;
    }

    public String blockId() {
        return blockId;
    }

    public String dialogName() {
        return dialogName;
    }
}
