package bookbot.bench;

/**
 * @param workerCpuMsPerJob  CPU time of the worker processes per completed job
 * @param machineCpuMsPerJob CPU time of the whole machine (workers, sandbox, broker, driver) per completed job
 * @param workerRssMb        resident memory of all worker processes together at the end of the window
 * @param notion429          Notion calls the sandbox answered with 429 during the run
 */
record WorkerResult(WorkerConfig config, int completed, double jobsPerSecond, double p50Ms, double p99Ms,
        double workerCpuMsPerJob, double machineCpuMsPerJob, double workerRssMb, long notionCalls, long notion429) {
}
