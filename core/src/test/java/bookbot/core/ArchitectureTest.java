package bookbot.core;

import static bookbot.core.testing.ArchitectureRules.*;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The pipeline kernel: its packages form no cycle, and it knows no outside API and no service. */
@AnalyzeClasses(packages = "bookbot.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule packagesFormNoCycle = noCycleBetweenPackagesOf("bookbot.core");

    @ArchTest
    static final ArchRule callsNoOutsideApi = usesNothingFrom(SLACK_SDK, NOTION_SDK, SLACK_INTEGRATION, NOTION_INTEGRATION);

    @ArchTest
    static final ArchRule knowsNoService = usesNothingFrom("bookbot.gateway..", "bookbot.enrich..", "bookbot.notion..", "bookbot.admin..");
}
