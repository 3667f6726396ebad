package bookbot.sandbox;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;

import bookbot.sandbox.demo.DemoCommand;
import bookbot.sandbox.drill.DrillCommand;

/**
 * Local fakes of Slack's Web API, OpenGraph.io and Notion in one process, for development, tests and
 * benchmarks. {@code java -jar sandbox.jar} serves them; {@code java -jar sandbox.jar demo} plays members
 * sharing books through a running gateway ({@code demo --help}: its options); {@code java -jar sandbox.jar drill}
 * runs the dead-letter drill on services it starts ({@code drill --help}). The fakes need no broker: core, on the
 * class path for the drill, brings Spring AMQP, whose auto-configuration is left out.
 */
@SpringBootApplication(exclude = RabbitAutoConfiguration.class)
@ConfigurationPropertiesScan
public class SandboxApplication {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("demo")) {
            System.exit(DemoCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("drill")) {
            System.exit(DrillCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(SandboxApplication.class, args);
    }

    /** OpenGraph.io takes the target URL url-encoded in the path, slashes as %2F: let them through to the controller. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesInPaths() {
        return factory -> factory.addConnectorCustomizers(connector -> connector.setEncodedSolidusHandling("passthrough"));
    }
}
