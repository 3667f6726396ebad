package bookbot.integration.slack;

import static bookbot.core.testing.ArchitectureRules.*;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The Slack integration wraps Slack only and serves every service alike. */
@AnalyzeClasses(packages = "bookbot.integration.slack", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule knowsNothingOfNotion = usesNothingFrom(NOTION_SDK, NOTION_INTEGRATION);

    @ArchTest
    static final ArchRule knowsNoService = usesNothingFrom("bookbot.gateway..", "bookbot.enrich..", "bookbot.notion..", "bookbot.admin..");
}
