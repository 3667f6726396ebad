package bookbot.admin.notion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PageIdsTest {

    private static final String ID = "0b00c1ab-0000-4000-8000-00000000001a";

    @Test
    void anIdIsTakenAsItIs() {
        assertThat(PageIds.fromIdOrLink(ID)).isEqualTo(ID);
        assertThat(PageIds.fromIdOrLink("0b00c1ab000040008000 00000000001a".replace(" ", ""))).isEqualTo(ID);
    }

    @Test
    void aCopiedLinkGivesItsId() {
        assertThat(PageIds.fromIdOrLink("https://www.notion.so/club/Book-club-0b00c1ab00004000800000000000001a?pvs=4"))
                .isEqualTo(ID);
        assertThat(PageIds.fromIdOrLink("https://www.notion.so/0B00C1AB00004000800000000000001A")).isEqualTo(ID);
    }

    @Test
    void somethingElseIsAUsageError() {
        assertThatThrownBy(() -> PageIds.fromIdOrLink("https://www.notion.so/Book-club"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a Notion page or database id");
    }
}
