package bookbot.gateway.submission;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a submission came from in Slack, and which form it is a submission of: pressing Share again in the same
 * form repeats the {@link Form}, so it is the same job ({@link JobIds}).
 */
public record SlackOrigin(String teamId, String channelId, String userId, Form form) {

    /** Which opened form a submission belongs to. */
    public sealed interface Form permits ModalView, LegacyDialog {
    }

    /** The modal the gateway opened with views.open: Slack sends its view id with every submission of it. */
    public record ModalView(String viewId) implements Form {

        public ModalView {
            if (viewId == null || viewId.isBlank()) {
                throw new IllegalArgumentException("a view submission carries the id of its view");
            }
        }
    }

    /**
     * The original bot's legacy dialog. Slack echoes the {@code state} its opener gave dialog.open (empty when
     * none was given, as the original bot gave none); besides that, a dialog is known only by what it carries.
     *
     * @param submission the submitted fields, as Slack sent them (values may be null), kept in name order
     */
    public record LegacyDialog(String callbackId, String state, Map<String, String> submission) implements Form {

        public LegacyDialog {
            submission = Collections.unmodifiableSortedMap(new TreeMap<>(submission));
        }
    }
}
