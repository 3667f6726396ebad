package bookbot.core.worker;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = WorkerThreadsContract.TestWorker.class, properties = "bookbot.worker.threads=platform")
class WorkerOnPlatformThreadsIT extends WorkerThreadsContract {

    @Override
    boolean expectVirtualThreads() {
        return false;
    }
}
