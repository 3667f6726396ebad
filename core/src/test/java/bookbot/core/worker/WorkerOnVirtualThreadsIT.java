package bookbot.core.worker;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

@SpringBootTest(classes = WorkerThreadsContract.TestWorker.class, properties = "bookbot.worker.threads=virtual")
@DirtiesContext
class WorkerOnVirtualThreadsIT extends WorkerThreadsContract {

    @Override
    boolean expectVirtualThreads() {
        return true;
    }
}
