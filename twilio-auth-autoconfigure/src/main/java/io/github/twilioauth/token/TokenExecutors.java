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
 * <p>
 * What such an executor does for the managers sharing it: it runs each manager's one task (see
 * {@link CachingTokenManager}), first come, first served. A task holds a thread while its token
 * request is in flight, retries and the waits between them included, so a manager holds at most
 * one thread, and a manager whose token endpoint hangs holds it until its request times out: with a
 * bound of {@code n}, {@code k} managers that hang leave {@code n - k} threads to all the others.
 * Tasks beyond the bound wait in a queue, which holds at most one task per manager, besides
 * tasks presumed lost: a task still queued when the waiters of its fetch give up (after the
 * fetch bound, 46 s by default) is replaced by the manager's next one, and ends at once if it
 * runs after all.
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
     * one of virtual threads. Tasks beyond the bound wait in a queue.
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
