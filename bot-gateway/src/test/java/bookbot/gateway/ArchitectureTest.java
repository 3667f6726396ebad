package bookbot.gateway;

import static bookbot.core.testing.ArchitectureRules.*;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import bookbot.core.testing.ArchitectureRules.Service;

/** The gateway answers Slack and publishes jobs: it never calls Notion. */
@AnalyzeClasses(packages = "bookbot.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule packagesFormNoCycle = noCycleBetweenPackagesOf("bookbot.gateway");

    @ArchTest
    static final ArchRule neverCallsNotion = usesNothingFrom(NOTION_SDK, NOTION_INTEGRATION);

    @ArchTest
    static final ArchRule reachesIntoNoOtherService = reachesIntoNoOtherService(Service.GATEWAY);
}
