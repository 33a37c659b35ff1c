package io.sideline.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition with a generous timeout; the timeout is a safety net, never what a test measures.
 * Shared by the headless test bundles (a workbench test waits with its display's event loop instead).
 */
public final class Await {

    /** how long a test waits for anything before it fails */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Await() {
    }

    /** waits until the condition holds, or fails after {@link #TIMEOUT} */
    public static void until(String what, BooleanSupplier condition) throws InterruptedException {
        until(what, condition, () -> "");
    }

    /** @param state what to print when the condition never holds */
    public static void until(String what, BooleanSupplier condition, Supplier<String> state)
            throws InterruptedException {
        long end = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("waited " + TIMEOUT.toSeconds() + " s in vain until " + what + " " + state.get());
            }
            Thread.sleep(10);
        }
    }
}
