package bookbot.core.worker;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

@SpringBootTest(classes = WorkerThreadsContract.TestWorker.class, properties = "bookbot.worker.threads=platform")
@DirtiesContext
class WorkerOnPlatformThreadsIT extends WorkerThreadsContract {

    @Override
    boolean expectVirtualThreads() {
        return false;
    }
}
