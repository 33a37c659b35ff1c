package io.sideline.peer.tests;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition with a generous timeout; the timeout is a safety net, never what a test measures. */
final class Await {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Await() {
    }

    static void until(String what, BooleanSupplier condition) throws InterruptedException {
        until(what, condition, () -> "");
    }

    /** @param state what to print when the condition never holds */
    static void until(String what, BooleanSupplier condition, Supplier<String> state) throws InterruptedException {
        long end = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("waited " + TIMEOUT.toSeconds() + " s in vain until " + what + " " + state.get());
            }
            Thread.sleep(10);
        }
    }
}
