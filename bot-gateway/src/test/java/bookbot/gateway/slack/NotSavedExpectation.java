package bookbot.gateway.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;

import bookbot.gateway.form.BookModal;
import bookbot.sandbox.client.FormValues;
import bookbot.sandbox.client.SlackAppClient;
import bookbot.sandbox.client.SlackRequests;
import tools.jackson.databind.json.JsonMapper;

/** What a member must see when the broker does not take their book: "not saved", in the form, in time. */
final class NotSavedExpectation {

    private NotSavedExpectation() {
    }

    static void assertAValidSubmissionIsAnsweredNotSavedInTime(int gatewayPort, String signingSecret) {
        SlackAppClient slack = new SlackAppClient(URI.create("http://127.0.0.1:" + gatewayPort + "/slack/events"));
        SlackRequests requests = new SlackRequests(signingSecret, Clock.systemUTC());

        SlackAppClient.Answer answer = slack.send(requests.viewSubmission("U0MEMBER", "V1", BookModal.CALLBACK_ID,
                "C0BOOKS", new FormValues("https://ridibooks.com/books/1354000126", "소설::SF", "r", null)));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.took()).isLessThan(SlackAppClient.SLACK_TIMEOUT);
        assertThat(JsonMapper.builder().build().readTree(answer.body()).get("errors").get("book_link").asString())
                .startsWith("Not saved");
    }
}
