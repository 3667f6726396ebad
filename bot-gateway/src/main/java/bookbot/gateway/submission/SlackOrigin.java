package bookbot.gateway.submission;

/** Where a submission came from in Slack. */
public record SlackOrigin(String teamId, String channelId, String userId) {
}
