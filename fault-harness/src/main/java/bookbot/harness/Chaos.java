package bookbot.harness;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import bookbot.sandbox.launch.Pipeline;
import bookbot.sandbox.launch.Service;
import bookbot.sandbox.launch.ServiceProcess;

/**
 * Kills (SIGKILL) a random running worker process every so often and starts a replacement in the
 * background, as crashes and out-of-memory kills would. It kills the last running process of a kind only
 * while a replacement is already starting, so a stage is never left without a process for long; its
 * queue simply waits meanwhile.
 */
final class Chaos implements AutoCloseable {

    private static final List<Service> WORKERS = List.of(Service.ENRICH_WORKER, Service.NOTION_WRITER);

    private final Pipeline pipeline;
    private final Consumer<String> progress;
    private final Random random = new Random();
    private final AtomicInteger kills = new AtomicInteger();
    private final Periodically loop;

    Chaos(Pipeline pipeline, Duration every, Consumer<String> progress) {
        this.pipeline = pipeline;
        this.progress = progress;
        this.loop = new Periodically("chaos", every, this::killOne);
    }

    void start() {
        loop.start();
    }

    int kills() {
        return kills.get();
    }

    private void killOne() {
        Service kind = WORKERS.get(random.nextInt(WORKERS.size()));
        List<ServiceProcess> alive = pipeline.processes().stream()
                .filter(p -> p.name().startsWith(kind.module()) && p.isAlive()).toList();
        List<ServiceProcess> serving = alive.stream().filter(ServiceProcess::isReady).toList();
        if (serving.isEmpty() || alive.size() < 2) {
            return;
        }
        ServiceProcess victim = serving.get(random.nextInt(serving.size()));
        victim.kill();
        kills.incrementAndGet();
        progress.accept("killed " + victim.name() + " (pid " + victim.pid() + "), starting a replacement");
        Thread.ofVirtual().start(() -> {
            try {
                pipeline.startAnother(kind);
            } catch (RuntimeException e) {
                if (!loop.running()) {
                    return; // the run is over and the pipeline is stopping
                }
                progress.accept("replacement " + kind.module() + " failed to start: " + e.getMessage().lines().findFirst().orElse(""));
            }
        });
    }

    @Override
    public void close() {
        loop.close();
    }
}
