package bookbot.integration.notion;

import static bookbot.core.testing.ArchitectureRules.*;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The Notion integration wraps Notion only and serves every service alike. */
@AnalyzeClasses(packages = "bookbot.integration.notion", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule knowsNothingOfSlack = usesNothingFrom(SLACK_SDK, SLACK_INTEGRATION);

    @ArchTest
    static final ArchRule knowsNoService = usesNothingFrom("bookbot.gateway..", "bookbot.enrich..", "bookbot.notion..", "bookbot.admin..");
}
