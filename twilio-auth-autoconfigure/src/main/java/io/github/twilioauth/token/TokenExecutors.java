package io.github.twilioauth.token;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Creates executors for token requests: a fixed bound on threads, each ending after a while
 * idle, so an application with thousands of token managers runs their requests on a handful of
 * threads, and on none while no token is due.
 */
public final class TokenExecutors {

    /** Prefix of the names of the threads this class creates. */
    public static final String THREAD_NAME_PREFIX = "twilio-token-";

    private static final Duration KEEP_ALIVE = Duration.ofSeconds(30);

    private TokenExecutors() {
    }

    /**
     * Creates an executor of at most {@code maxThreads} daemon threads named
     * {@code twilio-token-<n>}.
     * @param maxThreads how many token requests may run at once
     * @return the executor; its creator shuts it down
     */
    public static ExecutorService create(int maxThreads) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory(THREAD_NAME_PREFIX);
        threads.setDaemon(true);
        return create(maxThreads, threads);
    }

    /**
     * Creates an executor of at most {@code maxThreads} threads from the given factory, such as
     * one of virtual threads. Tasks beyond the bound wait in a queue, which holds at most one
     * task per token manager.
     * @param maxThreads how many token requests may run at once
     * @param threadFactory creates the threads
     * @return the executor; its creator shuts it down
     */
    public static ExecutorService create(int maxThreads, ThreadFactory threadFactory) {
        if (maxThreads < 1) {
            throw new IllegalArgumentException("maxThreads must be at least 1 but was " + maxThreads);
        }
        ThreadPoolExecutor executor = new ThreadPoolExecutor(maxThreads, maxThreads, KEEP_ALIVE.toMillis(),
                TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), threadFactory);
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
