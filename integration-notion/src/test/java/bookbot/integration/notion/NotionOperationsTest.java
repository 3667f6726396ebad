package bookbot.integration.notion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import okhttp3.Request;
import okhttp3.RequestBody;

class NotionOperationsTest {

    @ParameterizedTest(name = "{0} {1} is {2}")
    @CsvSource(textBlock = """
            POST,  https://api.notion.com/v1/pages,                        pages.create
            PATCH, https://api.notion.com/v1/pages/0f3a9c,                 pages.update
            GET,   https://api.notion.com/v1/pages/0f3a9c,                 pages.retrieve
            POST,  https://api.notion.com/v1/databases/db-1/query,         databases.query
            GET,   https://api.notion.com/v1/databases/db-1,               databases.retrieve
            PATCH, https://api.notion.com/v1/databases/db-1,               databases.update
            POST,  https://api.notion.com/v1/databases,                    databases.create
            POST,  https://api.notion.com/v1/search,                       search
            GET,   http://127.0.0.1:9000/v1/blocks/b-1/children,           blocks.children
            """)
    void namesARequestAsNotionsReferenceDoes(String method, String url, String expected) {
        RequestBody body = method.equals("GET") ? null : RequestBody.create(new byte[0]);

        assertThat(NotionOperations.name(new Request.Builder().url(url).method(method, body).build()))
                .isEqualTo(expected);
    }
}
