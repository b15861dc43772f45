package org.perflink.reports;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * What long work (an annual report, an export) tells its caller as it goes, and how it learns it was cancelled: the
 * work calls {@link #step} after each part it finished, and {@link #checkCancelled} between parts, which ends the
 * work with {@link Cancelled}. The shell prints the steps, the admin page shows them and its cancel button sets the
 * flag; {@link #NONE} for callers that neither watch nor cancel.
 */
public interface Progress {

    /** Neither watched nor cancellable. */
    Progress NONE = (done, total, what) -> { };

    /**
     * {@code done} of {@code total} parts finished ({@code total} may grow as the work learns its size), the last
     * one named {@code what} (zh-CN first, English beside).
     */
    void step(long done, long total, String what);

    /** Whether the caller asked the work to stop; never by default. */
    default boolean cancelled() {
        return false;
    }

    /** Ends the work with {@link Cancelled} when the caller asked it to stop. */
    default void checkCancelled() {
        if (cancelled()) {
            throw new Cancelled();
        }
    }

    /** A progress that reports to {@code steps} and is cancelled when {@code cancelled} says so. */
    static Progress of(Steps steps, BooleanSupplier cancelled) {
        return new Progress() {
            @Override
            public void step(long done, long total, String what) {
                steps.step(done, total, what);
            }

            @Override
            public boolean cancelled() {
                return cancelled.getAsBoolean();
            }
        };
    }

    /** The step callback alone. */
    @FunctionalInterface
    interface Steps {
        void step(long done, long total, String what);
    }

    /** A progress the caller can cancel with {@link #cancel()}, remembering the last step (for a page to poll). */
    final class Tracked implements Progress {
        private final AtomicBoolean cancel = new AtomicBoolean();
        private volatile long done;
        private volatile long total;
        private volatile String what = "";

        @Override
        public void step(long doneNow, long totalNow, String whatNow) {
            this.done = doneNow;
            this.total = totalNow;
            this.what = whatNow == null ? "" : whatNow;
        }

        @Override
        public boolean cancelled() {
            return cancel.get();
        }

        public void cancel() {
            cancel.set(true);
        }

        public long done() {
            return done;
        }

        public long total() {
            return total;
        }

        public String what() {
            return what;
        }
    }

    /** The work stopped because its caller cancelled it; nothing it would have written was written. */
    final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Cancelled() {
            super("已取消 (cancelled)");
        }
    }
}
