package org.perflink.admin.api;

import java.util.concurrent.CancellationException;

/**
 * What a long export tells its caller as it goes, and how it learns it was cancelled: the work calls {@link #step}
 * after each part it finished and {@link #checkCancelled} between parts. The admin page's jobs show the steps and
 * their cancel button sets the flag; the shell prints them and Ctrl-C sets it (since 1.2). The same shape as the
 * reports' {@code Progress}, which is private to the admin bundle (so not part of this exported API); the admin bundle
 * adapts one to the other.
 */
@FunctionalInterface
public interface ExportProgress {

    /** Neither watched nor cancellable. */
    ExportProgress NONE = (done, total, what) -> { };

    /**
     * {@code done} of {@code total} parts finished ({@code total} may grow as the work learns its size), the last
     * one named {@code what} (zh-CN first, English beside).
     */
    void step(long done, long total, String what);

    /** Whether the caller asked the work to stop; never by default. */
    default boolean cancelled() {
        return false;
    }

    /** Ends the work with a {@link CancellationException} when the caller asked it to stop. */
    default void checkCancelled() {
        if (cancelled()) {
            throw new CancellationException("已取消 (cancelled)");
        }
    }
}
