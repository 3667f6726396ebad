package bookbot.sandbox.client;

/**
 * What a member types into the form.
 *
 * @param category the select value, "group::name" (or a bare name, as the original bot's dialog sent)
 * @param title    the optional title override, or null
 */
public record FormValues(String bookUrl, String category, String reason, String title) {
}
