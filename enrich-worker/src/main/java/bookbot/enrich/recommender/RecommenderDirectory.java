package bookbot.enrich.recommender;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;

import bookbot.core.failure.PermanentFailure;
import bookbot.integration.slack.SlackFailures;

/**
 * The member's name as the club knows it, from Slack's users.info: real name, else display name. A member
 * Slack cannot find (left the workspace, missing scope) does not cost the book: it is archived under the
 * Slack user id instead.
 */
@Component
public class RecommenderDirectory {

    private static final Logger log = LoggerFactory.getLogger(RecommenderDirectory.class);

    private final MethodsClient slack;

    public RecommenderDirectory(MethodsClient slack) {
        this.slack = slack;
    }

    public Optional<String> nameOf(String userId) {
        UsersInfoResponse response;
        try {
            response = slack.usersInfo(r -> r.user(userId));
        } catch (Exception e) {
            throw SlackFailures.translate("users.info", e);
        }
        try {
            SlackFailures.requireOk("users.info", response);
        } catch (PermanentFailure e) {
            log.warn("no name for {} ({}): archiving the book under the user id", userId, e.getMessage());
            return Optional.empty();
        }
        return nameIn(response.getUser());
    }

    private static Optional<String> nameIn(User user) {
        if (user == null) {
            return Optional.empty();
        }
        if (user.getProfile() != null) {
            String real = user.getProfile().getRealName();
            if (real != null && !real.isBlank()) {
                return Optional.of(real);
            }
            String display = user.getProfile().getDisplayName();
            if (display != null && !display.isBlank()) {
                return Optional.of(display);
            }
        }
        return Optional.ofNullable(user.getRealName()).filter(n -> !n.isBlank());
    }
}
