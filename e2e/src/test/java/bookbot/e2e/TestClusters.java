package bookbot.e2e;

import java.nio.file.Path;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

import bookbot.sandbox.launch.RabbitCluster;

/** Three-node clusters of a test's own, under e2e/target, and connections to them. */
final class TestClusters {

    private TestClusters() {
    }

    /** @see RabbitCluster#start */
    static RabbitCluster start(String name, int firstPort, long consumerTimeoutMs) {
        return RabbitCluster.start(Path.of("..").toAbsolutePath().normalize(), Path.of("target", name), name,
                firstPort, consumerTimeoutMs);
    }

    static CachingConnectionFactory connectionFactory(RabbitCluster cluster) {
        CachingConnectionFactory factory = new CachingConnectionFactory();
        factory.setAddresses(cluster.addresses());
        factory.setUsername("guest");
        factory.setPassword("guest");
        return factory;
    }
}
