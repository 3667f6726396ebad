package bookbot.gateway.member;

import java.util.Optional;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.users.UsersInfoResponse;

import bookbot.core.failure.PermanentFailure;
import bookbot.integration.slack.SlackFailures;

/** users.info with {@code include_locale=true}, on a Slack client of its own with a short time-out. */
class SlackLocaleLookup implements LocaleLookup, AutoCloseable {

    private final Slack slack;
    private final MethodsClient methods;

    SlackLocaleLookup(Slack slack, String botToken) {
        this.slack = slack;
        this.methods = slack.methods(botToken);
    }

    @Override
    public Optional<String> slackLocaleOf(String userId) {
        UsersInfoResponse response;
        try {
            response = methods.usersInfo(r -> r.user(userId).includeLocale(true));
        } catch (Exception e) {
            throw SlackFailures.translate("users.info", e);
        }
        try {
            SlackFailures.requireOk("users.info", response);
        } catch (PermanentFailure e) {
            return Optional.empty();
        }
        return Optional.ofNullable(response.getUser()).map(u -> u.getLocale());
    }

    @Override
    public void close() throws Exception {
        slack.close();
    }
}
