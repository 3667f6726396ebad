package bookbot.admin;

import static bookbot.core.testing.ArchitectureRules.*;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import bookbot.core.testing.ArchitectureRules.Service;

/** bookbot-admin works on the broker and on Notion; it never calls Slack. */
@AnalyzeClasses(packages = "bookbot.admin", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule packagesFormNoCycle = noCycleBetweenPackagesOf("bookbot.admin");

    @ArchTest
    static final ArchRule neverCallsSlack = usesNothingFrom(SLACK_SDK, SLACK_INTEGRATION);

    @ArchTest
    static final ArchRule reachesIntoNoOtherService = reachesIntoNoOtherService(Service.ADMIN_CLI);
}
