package bookbot.gateway.form;

import java.util.Optional;

/**
 * The share an edit form changes, carried through Slack in the form's {@code private_metadata} as
 * {@code "<shared job id> <channel id>"}: the shared job id first (the job the writer changes), then the channel of
 * the share's message, which the edit's recommendation names and the submission does not otherwise carry.
 */
public record EditTarget(String sharedJobId, String channelId) {

    public EditTarget {
        if (sharedJobId == null || sharedJobId.isBlank() || sharedJobId.contains(" ")) {
            throw new IllegalArgumentException("a shared job id without spaces is required, was " + sharedJobId);
        }
        if (channelId == null || channelId.isBlank() || channelId.contains(" ")) {
            throw new IllegalArgumentException("a channel id without spaces is required, was " + channelId);
        }
    }

    public String privateMetadata() {
        return sharedJobId + " " + channelId;
    }

    /** Empty for anything the gateway did not write (a forged or truncated submission). */
    public static Optional<EditTarget> parse(String privateMetadata) {
        if (privateMetadata == null) {
            return Optional.empty();
        }
        String[] parts = privateMetadata.strip().split(" ");
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new EditTarget(parts[0], parts[1]));
    }
}
