package dev.camroll.server.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How a long-running command (watch, serve) stops on Ctrl-C or SIGTERM: the JVM's shutdown hook
 * wakes {@link #await()} and then waits, up to a limit, for the command to close what it opened,
 * so that writes and requests in flight finish before the process ends. Closing this marks the
 * command closed and removes the hook.
 */
final class StopSignal implements AutoCloseable {
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread hook;

    StopSignal(String threadName, Duration closeWait) {
        hook = new Thread(
                () -> {
                    stop.countDown();
                    try {
                        closed.await(closeWait.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                threadName);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Returns on Ctrl-C or SIGTERM, or when the thread is interrupted (a program running the command). */
    void await() {
        try {
            stop.await();
        } catch (InterruptedException e) {
            // Stopped by the program that runs the command (tests): stop as on Ctrl-C.
        }
    }

    @Override
    public void close() {
        closed.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running: it waits for the close that this is.
        }
    }
}
