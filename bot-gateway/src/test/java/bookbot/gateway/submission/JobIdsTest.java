package bookbot.gateway.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * A job id is the submission's, not a coin toss: pressing Share again in the same form is the same job (so the
 * writer makes one page of the two), and every other form is another job.
 */
class JobIdsTest {

    private static final Map<String, String> DIALOG_FIELDS = Map.of(
            "bookstore_url", "https://ridibooks.com/books/1", "category", "재테크/금융/부동산", "recommend_reason", "추천합니다");

    @Test
    void aModalSubmittedAgainIsTheSameJob() {
        assertThat(JobIds.of(modal("T0SANDBOX", "V0AB12CD34", "U0MEMBER")))
                .isEqualTo(JobIds.of(modal("T0SANDBOX", "V0AB12CD34", "U0MEMBER")));
    }

    @Test
    void aModalIsKnownByItsTeamAndViewId() {
        assertThat(JobIds.of(modal("T0SANDBOX", "V0AB12CD34", "U0MEMBER")))
                .isEqualTo(UUID.nameUUIDFromBytes("T0SANDBOX:V0AB12CD34".getBytes(StandardCharsets.UTF_8)).toString());
    }

    @Test
    void aModalOpenedAgainIsAnotherJob() {
        assertThat(JobIds.of(modal("T0SANDBOX", "V0AB12CD34", "U0MEMBER")))
                .isNotEqualTo(JobIds.of(modal("T0SANDBOX", "V0AB12CD35", "U0MEMBER")));
    }

    @Test
    void aModalInAnotherWorkspaceIsAnotherJob() {
        assertThat(JobIds.of(modal("T0SANDBOX", "V0AB12CD34", "U0MEMBER")))
                .isNotEqualTo(JobIds.of(modal("T0OTHER", "V0AB12CD34", "U0MEMBER")));
    }

    @Test
    void aModalSubmissionWithoutAViewIdIsNotOne() {
        assertThatThrownBy(() -> new SlackOrigin.ModalView(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlackOrigin.ModalView(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLegacyDialogSubmittedAgainIsTheSameJob() {
        assertThat(JobIds.of(dialog("C0BOOKS", "U0MEMBER", "book_dialog", "", DIALOG_FIELDS)))
                .isEqualTo(JobIds.of(dialog("C0BOOKS", "U0MEMBER", "book_dialog", "", DIALOG_FIELDS)));
    }

    @Test
    void aLegacyDialogDoesNotDependOnTheOrderSlackListsItsFieldsIn() {
        Map<String, String> reversed = new LinkedHashMap<>();
        reversed.put("recommend_reason", "추천합니다");
        reversed.put("category", "재테크/금융/부동산");
        reversed.put("bookstore_url", "https://ridibooks.com/books/1");

        assertThat(JobIds.of(dialog("C0BOOKS", "U0MEMBER", "book_dialog", "", reversed)))
                .isEqualTo(JobIds.of(dialog("C0BOOKS", "U0MEMBER", "book_dialog", "", DIALOG_FIELDS)));
    }

    @Test
    void aLegacyDialogWithOtherContentIsAnotherJob() {
        String id = JobIds.of(dialog("C0BOOKS", "U0MEMBER", "book_dialog", "", DIALOG_FIELDS));

        assertThat(JobIds.of(dialog("C0BOOKS", "U0MEMBER", "book_dialog", "",
                with(DIALOG_FIELDS, "bookstore_url", "https://ridibooks.com/books/2")))).isNotEqualTo(id);
        assertThat(JobIds.of(dialog("C0BOOKS", "U0MEMBER", "book_dialog", "",
                with(DIALOG_FIELDS, "recommend_reason", "다시 추천합니다")))).isNotEqualTo(id);
    }

    @Test
    void aLegacyDialogFromAnotherMemberChannelOrDialogIsAnotherJob() {
        String id = JobIds.of(dialog("C0BOOKS", "U0MEMBER", "book_dialog", "", DIALOG_FIELDS));

        assertThat(JobIds.of(dialog("C0BOOKS", "U0ALICE", "book_dialog", "", DIALOG_FIELDS))).isNotEqualTo(id);
        assertThat(JobIds.of(dialog("C0OTHER", "U0MEMBER", "book_dialog", "", DIALOG_FIELDS))).isNotEqualTo(id);
        assertThat(JobIds.of(dialog("C0BOOKS", "U0MEMBER", "other_dialog", "", DIALOG_FIELDS))).isNotEqualTo(id);
    }

    @Test
    void aLegacyDialogWithTheStateItsOpenerGaveIsTheSameJobAgainAndAnotherJobForAnotherState() {
        String opened = JobIds.of(dialog("C0BOOKS", "U0MEMBER", "book_dialog", "open-1", DIALOG_FIELDS));

        assertThat(JobIds.of(dialog("C0BOOKS", "U0MEMBER", "book_dialog", "open-1", DIALOG_FIELDS))).isEqualTo(opened);
        assertThat(JobIds.of(dialog("C0BOOKS", "U0MEMBER", "book_dialog", "open-2", DIALOG_FIELDS))).isNotEqualTo(opened);
    }

    @Test
    void aLegacyDialogStateSharedByEveryDialogStillTellsTwoBooksApart() {
        assertThat(JobIds.of(dialog("C0BOOKS", "U0MEMBER", "book_dialog", "v1", DIALOG_FIELDS)))
                .isNotEqualTo(JobIds.of(dialog("C0BOOKS", "U0MEMBER", "book_dialog", "v1",
                        with(DIALOG_FIELDS, "bookstore_url", "https://ridibooks.com/books/2"))));
    }

    @Test
    void aLegacyDialogsEmptyFieldIsNotAMissingOneAndNoFieldBleedsIntoTheNext() {
        String empty = JobIds.of(dialog("C0BOOKS", "U0MEMBER", "book_dialog", "", with(DIALOG_FIELDS, "title", "")));
        String missing = JobIds.of(dialog("C0BOOKS", "U0MEMBER", "book_dialog", "", with(DIALOG_FIELDS, "title", null)));
        String absent = JobIds.of(dialog("C0BOOKS", "U0MEMBER", "book_dialog", "", DIALOG_FIELDS));
        String reasonEndingLikeAnEmptyTitle = JobIds.of(dialog("C0BOOKS", "U0MEMBER", "book_dialog", "",
                with(DIALOG_FIELDS, "recommend_reason", "추천합니다:5=title:0=")));

        assertThat(java.util.Set.of(empty, missing, absent, reasonEndingLikeAnEmptyTitle)).hasSize(4);
    }

    @Test
    void aLegacyDialogIsNeverTheSameJobAsAModal() {
        assertThat(JobIds.of(dialog("C0BOOKS", "U0MEMBER", "book_dialog", "", DIALOG_FIELDS)))
                .isNotEqualTo(JobIds.of(modal("T0SANDBOX", "book_dialog", "U0MEMBER")));
    }

    private static SlackOrigin modal(String team, String viewId, String user) {
        return new SlackOrigin(team, "C0BOOKS", user, new SlackOrigin.ModalView(viewId));
    }

    private static SlackOrigin dialog(String channel, String user, String callbackId, String state,
            Map<String, String> fields) {
        return new SlackOrigin("T0SANDBOX", channel, user, new SlackOrigin.LegacyDialog(callbackId, state, fields));
    }

    private static Map<String, String> with(Map<String, String> fields, String name, String value) {
        Map<String, String> changed = new HashMap<>(fields);
        changed.put(name, value);
        return changed;
    }
}
