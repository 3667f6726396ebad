package bookbot.core.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Arrays;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The walls between bookbot's modules, as rules each module's {@code ArchitectureTest} applies to its own classes.
 * The Maven modules already keep a service from compiling against another; these rules keep the rest: no cycle
 * between the packages of a module, and no outside API's SDK (or the integration wrapping it) where it has no
 * business.
 */
public final class ArchitectureRules {

    /** Slack's SDKs (Web API client, Bolt). */
    public static final String SLACK_SDK = "com.slack.api..";
    /** notion-sdk-jvm. */
    public static final String NOTION_SDK = "notion.api..";
    public static final String SLACK_INTEGRATION = "bookbot.integration.slack..";
    public static final String NOTION_INTEGRATION = "bookbot.integration.notion..";

    /** Each service's own packages; one service never reaches into another's. */
    public enum Service {
        GATEWAY("bookbot.gateway.."), ENRICH_WORKER("bookbot.enrich.."), NOTION_WRITER("bookbot.notion.."),
        ADMIN_CLI("bookbot.admin..");

        private final String packages;

        Service(String packages) {
            this.packages = packages;
        }
    }

    private ArchitectureRules() {
    }

    /** The packages directly under {@code root} depend on one another in one direction only. */
    public static ArchRule noCycleBetweenPackagesOf(String root) {
        return slices().matching(root + ".(*)..").namingSlices("$1").should().beFreeOfCycles()
                .as("the packages of " + root + " form no cycle");
    }

    /** No class uses anything in these packages. */
    public static ArchRule usesNothingFrom(String... packages) {
        return noClasses().should().dependOnClassesThat().resideInAnyPackage(packages)
                .as("nothing uses " + String.join(", ", packages));
    }

    /** No class of {@code own} uses the classes of another service. */
    public static ArchRule reachesIntoNoOtherService(Service own) {
        String[] others = Arrays.stream(Service.values()).filter(service -> service != own)
                .map(service -> service.packages).toArray(String[]::new);
        return noClasses().should().dependOnClassesThat().resideInAnyPackage(others)
                .as(own + " reaches into no other service");
    }
}
