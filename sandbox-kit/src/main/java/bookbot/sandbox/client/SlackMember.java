package bookbot.sandbox.client;

import java.util.Map;
import java.util.UUID;

/** A club member in Slack: types the command, gets the modal the app opened, fills it in and submits it. */
public class SlackMember {

    private final String userId;
    private final SlackRequests requests;
    private final SlackAppClient app;
    private final SandboxClient sandbox;

    public SlackMember(String userId, SlackRequests requests, SlackAppClient app, SandboxClient sandbox) {
        this.userId = userId;
        this.requests = requests;
        this.app = app;
        this.sandbox = sandbox;
    }

    public String userId() {
        return userId;
    }

    /**
     * The modal the app opened: what a submission of it must carry. Submitting it again (Share pressed again)
     * repeats its view id, as Slack does; {@link #openForm} opens a new view with a new id.
     */
    public record OpenedForm(String viewId, String callbackId, String privateMetadata) {
    }

    /** @return the app's answer to the submission: empty 200 when accepted, field errors otherwise */
    public SlackAppClient.Answer shareBook(String command, FormValues values) {
        return submit(openForm(command), values);
    }

    /** Types the command; the app opens its modal through views.open (the sandbox keeps it). */
    public OpenedForm openForm(String command) {
        String triggerId = "trigger-" + UUID.randomUUID();
        SlackAppClient.Answer opened = app.send(requests.slashCommand(command, userId, SlackRequests.CHANNEL_ID,
                triggerId));
        if (opened.status() != 200 || !opened.body().isEmpty()) {
            throw new IllegalStateException(command + " did not open the form: HTTP " + opened.status() + " "
                    + opened.body());
        }
        Map<String, Object> view = openedView(triggerId);
        return new OpenedForm((String) view.get("viewId"), (String) modal(view).get("callback_id"),
                (String) modal(view).get("private_metadata"));
    }

    public SlackAppClient.Answer submit(OpenedForm form, FormValues values) {
        return app.send(submission(form, values));
    }

    /** The signed request a press of Submit sends, for callers that send it themselves. */
    public SignedRequest submission(OpenedForm form, FormValues values) {
        return requests.viewSubmission(userId, form.viewId(), form.callbackId(), form.privateMetadata(), values);
    }

    /** Picks "Share this book" on a message in {@code channelId}; the app opens the form pre-filled from it. */
    public OpenedModal shareFromMessage(String channelId, String messageTs, String messageText) {
        String triggerId = "trigger-" + UUID.randomUUID();
        return opened(app.send(requests.messageShortcut(userId, channelId, messageTs, messageText,
                "share_from_message", triggerId)), triggerId);
    }

    /** Picks the global shortcut "Share a book" (no channel); the app opens the empty form. */
    public OpenedModal shareFromShortcutMenu() {
        String triggerId = "trigger-" + UUID.randomUUID();
        return opened(app.send(requests.globalShortcut(userId, "share_book", triggerId)), triggerId);
    }

    /** Presses "Share a book" on the app's Home tab; the app opens the empty form. */
    public OpenedModal shareFromHome() {
        String triggerId = "trigger-" + UUID.randomUUID();
        return opened(app.send(requests.homeButton(userId, "V0HOME" + userId, "bookbot_share_book", triggerId)),
                triggerId);
    }

    /**
     * Picks {@code option} ("edit" or "withdraw") in the menu of a share's channel message.
     *
     * @param metadata the message's metadata, see {@link SlackRequests#shareMetadata}
     * @return the app's answer and the trigger id it was given, to find a modal it opened
     */
    public MenuAnswer pickInShareMenu(String channelId, String messageTs, String option,
            Map<String, Object> metadata) {
        String triggerId = "trigger-" + UUID.randomUUID();
        return new MenuAnswer(app.send(requests.messageMenu(userId, channelId, messageTs, "bookbot_share_menu", option,
                metadata, triggerId)), triggerId);
    }

    public record MenuAnswer(SlackAppClient.Answer answer, String triggerId) {
    }

    /** The modal the app opened for {@code triggerId}, if it opened one. */
    public java.util.Optional<OpenedModal> modalOpenedFor(String triggerId) {
        return sandbox.slackViews().stream()
                .filter(v -> triggerId.equals(v.get("triggerId")))
                .findFirst()
                .map(OpenedModal::of);
    }

    /** Opens the app's Home tab: an {@code app_home_opened} event with the id {@code eventId}. */
    public SlackAppClient.Answer openHome(String eventId) {
        return app.send(requests.appHomeOpened(userId, eventId, "home"));
    }

    private OpenedModal opened(SlackAppClient.Answer answer, String triggerId) {
        if (answer.status() != 200) {
            throw new IllegalStateException("the app refused the request: HTTP " + answer.status() + " " + answer.body());
        }
        return modalOpenedFor(triggerId)
                .orElseThrow(() -> new IllegalStateException("the app answered but opened no modal: " + answer.body()));
    }

    private Map<String, Object> openedView(String triggerId) {
        // views.open runs inside the command request, so the view is there once the command was answered.
        return sandbox.slackViews().stream()
                .filter(v -> triggerId.equals(v.get("triggerId")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the app answered the command but opened no modal"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> modal(Map<String, Object> openedView) {
        return (Map<String, Object>) openedView.get("view");
    }
}
