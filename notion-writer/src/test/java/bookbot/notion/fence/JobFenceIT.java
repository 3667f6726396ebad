package bookbot.notion.fence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

import bookbot.core.messaging.Topology;
import bookbot.core.testing.TestBroker;

/**
 * The writers' per-job lock on the real broker: each fence here is a writer process with its own connection.
 */
class JobFenceIT {

    private static final Duration LINGER = Duration.ofMillis(700);

    private final Topology topology = new Topology(TestBroker.newNamespace());
    private final List<CachingConnectionFactory> connections = new ArrayList<>();
    private final String job = UUID.randomUUID().toString();

    private JobFence writerProcess() {
        CachingConnectionFactory connection = TestBroker.connectionFactory();
        connections.add(connection);
        return new JobFence(connection, topology, LINGER);
    }

    @AfterEach
    void closeConnections() {
        connections.forEach(CachingConnectionFactory::destroy);
    }

    @Test
    void whileOneWriterHoldsAJobAnotherProcessCannotTakeItButTakesOtherJobs() {
        JobFence first = writerProcess();
        JobFence second = writerProcess();

        assertThat(first.tryLock(job)).isTrue();

        assertThat(second.tryLock(job)).as("the same job elsewhere").isFalse();
        assertThat(second.tryLock(job)).as("asked again (on a new channel)").isFalse();
        String otherJob = UUID.randomUUID().toString();
        assertThat(second.tryLock(otherJob)).as("another job").isTrue();
        second.release(otherJob);
    }

    @Test
    void aReleasedJobIsTakenByTheNextCopyAndLeavesNoQueue() {
        JobFence first = writerProcess();
        JobFence second = writerProcess();
        first.tryLock(job);

        first.release(job);

        assertThat(lockQueueExists()).as("lock queue after release").isFalse();
        assertThat(second.tryLock(job)).isTrue();
        second.release(job);
        assertThat(lockQueueExists()).isFalse();
    }

    @Test
    void theLockOfAWrittenJobLingersForTheNextCopyToFindThePageThenGoes() {
        JobFence first = writerProcess();
        JobFence second = writerProcess();
        first.tryLock(job);

        first.lingerThenRelease(job);

        assertThat(second.tryLock(job)).as("right after the write").isFalse();
        assertThat(first.tryLock(job)).as("a copy in the writer's own process").isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> second.tryLock(job));
        second.release(job);
        assertThat(lockQueueExists()).isFalse();
    }

    @Test
    void whenTheHoldersConnectionClosesTheBrokerDropsItsLock() {
        JobFence holder = writerProcess();
        JobFence next = writerProcess();
        holder.tryLock(job);

        connections.getFirst().resetConnection();

        assertThat(next.tryLock(job)).isTrue();
        next.release(job);
    }

    @Test
    void aSecondCopyInTheSameProcessIsRefusedUntilTheFirstReleases() {
        JobFence writer = writerProcess();
        assertThat(writer.tryLock(job)).isTrue();

        assertThat(writer.tryLock(job)).as("a second copy on the same connection").isFalse();

        writer.release(job);
        assertThat(writer.tryLock(job)).isTrue();
        writer.release(job);
    }

    @Test
    void aHolderThatLostItsConnectionDoesNotReleaseTheLockAnotherCopyTookSince() {
        JobFence lost = writerProcess();
        JobFence taker = writerProcess();
        JobFence third = writerProcess();
        lost.tryLock(job);
        connections.getFirst().resetConnection();
        assertThat(taker.tryLock(job)).isTrue();

        lost.release(job);

        assertThat(third.tryLock(job)).as("still held by the copy that took it").isFalse();
        assertThat(lost.tryLock(job)).isFalse();
        taker.release(job);
        assertThat(third.tryLock(job)).isTrue();
        third.release(job);
    }

    @Test
    void aJobIdThatIsNotAPlainNameIsLockedUnderAUuidOfIt() {
        JobFence first = writerProcess();
        JobFence second = writerProcess();
        String oddId = "dialog/" + "x".repeat(300) + " 책";

        assertThat(first.lockName(job)).isEqualTo(topology.namespace() + ".writing." + job);
        assertThat(first.lockName(oddId).getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
        assertThat(first.lockName(oddId)).isNotEqualTo(first.lockName(oddId + "2"));
        assertThat(first.tryLock(oddId)).isTrue();
        assertThat(second.tryLock(oddId)).isFalse();
        first.release(oddId);
    }

    private boolean lockQueueExists() {
        CachingConnectionFactory connection = TestBroker.connectionFactory();
        try {
            return new RabbitAdmin(connection).getQueueInfo(writerLockName()) != null;
        } finally {
            connection.destroy();
        }
    }

    private String writerLockName() {
        return topology.namespace() + ".writing." + job;
    }
}
