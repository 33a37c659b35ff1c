package io.sideline.interop;

import java.util.concurrent.CancellationException;

/**
 * Where an import or an export reports how far it got, and asks whether it should stop. The workbench passes its
 * Job's progress monitor; the command line passes {@link #NONE}.
 */
public interface Progress {

    /** reports nothing and never cancels */
    Progress NONE = (done, total) -> {
    };

    /**
     * @param done  the work done so far
     * @param total all the work, in the same unit (bytes of a file, events of a timeline)
     */
    void worked(long done, long total);

    /** @return whether the user asked to stop; the work then ends with a {@link CancellationException} */
    default boolean isCanceled() {
        return false;
    }

    /** @throws CancellationException if the user asked to stop */
    default void checkCanceled() {
        if (isCanceled()) {
            throw new CancellationException("cancelled; nothing was written");
        }
    }
}
