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
