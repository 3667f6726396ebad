package bookbot.gateway.submission;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * The job id of a submission, derived from the submission rather than drawn at random. A publish whose confirm
 * comes late (or whose channel closes first) tells the member "not saved, press Share again" although the broker
 * may have the job; the second press must then be the same job, so that the writer, which finds pages by job id,
 * makes one page of the two. It is: Slack sends the same view id with every submission of one opened modal,
 * and a new view id for every opening, so separate shares stay separate jobs.
 *
 * <p>A name-based UUID (version 3) of
 * <ul>
 *   <li>a modal: {@code team id ":" view id};</li>
 *   <li>a legacy dialog: team, {@code "dialog"}, callback id, channel, member, state and every submitted field,
 *       each length-prefixed. The gateway opens no dialogs (only the original bot did, with no state), so the
 *       state is not trusted to tell two dialogs apart on its own: the same member submitting the same fields in
 *       the same channel is one job, which is what pressing Submit again sends.</li>
 * </ul>
 */
public final class JobIds {

    private JobIds() {
    }

    public static String of(SlackOrigin origin) {
        String team = Objects.toString(origin.teamId(), "");
        String name = switch (origin.form()) {
            case SlackOrigin.ModalView view -> team + ":" + view.viewId();
            case SlackOrigin.LegacyDialog dialog -> legacyDialog(team, origin, dialog);
        };
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * The withdrawal of the share announced by the message {@code messageTs} in {@code channelId}: picking
     * "Withdraw" again on the same message is the same job.
     */
    public static String withdrawal(String teamId, String channelId, String messageTs) {
        String name = Objects.toString(teamId, "") + ":" + channelId + ":" + messageTs + ":withdraw";
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String legacyDialog(String team, SlackOrigin origin, SlackOrigin.LegacyDialog dialog) {
        StringBuilder name = new StringBuilder(team).append(":dialog");
        for (String part : new String[] {dialog.callbackId(), origin.channelId(), origin.userId(), dialog.state()}) {
            appendPart(name, part);
        }
        dialog.submission().forEach((field, value) -> {
            appendPart(name, field);
            appendPart(name, value);
        });
        return name.toString();
    }

    /** Length-prefixed, so that no two different lists of parts make the same name; null differs from "". */
    private static void appendPart(StringBuilder name, String part) {
        name.append(':');
        if (part == null) {
            name.append('-');
        } else {
            name.append(part.length()).append('=').append(part);
        }
    }
}
