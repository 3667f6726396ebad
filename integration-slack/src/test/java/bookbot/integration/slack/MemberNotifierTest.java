package bookbot.integration.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.slack.api.methods.MethodsClient;

import bookbot.core.job.BookJob;
import bookbot.core.testing.Jobs;

class MemberNotifierTest {

    private final MemberNotifier notifier = new MemberNotifier(mock(MethodsClient.class));

    @Test
    void tellsTheMemberWhichBookWasNotSavedWhyAndThatNothingIsNeededFromThem() {
        assertThat(notifier.text(Jobs.submitted(), "notion-unauthorized")).isEqualTo(
                "Sorry, your book https://www.yes24.com/Product/Goods/106369008 could not be saved "
                        + "(notion-unauthorized). The admins have it and can replay it once the problem is fixed: "
                        + "no need to share it again.");
    }

    @Test
    void speaksTheJobsLanguage() {
        BookJob korean = BookJob.submitted("job-ko", Jobs.submitted().recommendation(), "ko", Instant.now());

        assertThat(notifier.text(korean, "notion-unauthorized")).startsWith("죄송해요, 추천하신 책 https://www.yes24.com");
    }
}
