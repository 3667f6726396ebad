package bookbot.notion;

import static bookbot.core.testing.ArchitectureRules.*;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import bookbot.core.testing.ArchitectureRules.Service;

/** The notion-writer writes pages and tells the channel. */
@AnalyzeClasses(packages = "bookbot.notion", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule packagesFormNoCycle = noCycleBetweenPackagesOf("bookbot.notion");

    @ArchTest
    static final ArchRule reachesIntoNoOtherService = reachesIntoNoOtherService(Service.NOTION_WRITER);
}
