package org.perflink.reports;

import java.util.concurrent.CancellationException;
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

    /**
     * One work made of consecutive parts (the annual report: its figures read, then its charts drawn and its file
     * written) shown as one count: a step of part {@code i}, {@code done} of its {@code total}, is shown as the totals
     * of the parts before it plus {@code done}, of the sum of every part's total, each part's expected total standing
     * until it reports its own. It only grows when each part ends with its total done, as every part here does.
     * Cancelled when the whole is.
     */
    final class Parts {
        private final Progress whole;
        private final long[] totals;
        private int started;

        /** {@code expected}: each part's expected number of steps, in their order. */
        public Parts(Progress whole, long... expected) {
            this.whole = whole;
            this.totals = expected.clone();
        }

        /** The progress of the next part. */
        public Progress next() {
            if (started == totals.length) {
                throw new IllegalStateException("only " + totals.length + " parts were expected");
            }
            int part = started++;
            return new Progress() {
                @Override
                public void step(long done, long total, String what) {
                    long before;
                    long all;
                    synchronized (totals) {
                        totals[part] = Math.max(total, done);
                        before = 0;
                        for (int i = 0; i < part; i++) {
                            before += totals[i];
                        }
                        all = 0;
                        for (long t : totals) {
                            all += t;
                        }
                    }
                    whole.step(before + done, all, what);
                }

                @Override
                public boolean cancelled() {
                    return whole.cancelled();
                }
            };
        }
    }

    /**
     * The work stopped because its caller cancelled it; nothing it would have written was written. A
     * {@link CancellationException}, as the admin page's jobs and the shell's exports expect of a cancelled work.
     */
    final class Cancelled extends CancellationException {
        private static final long serialVersionUID = 1L;

        public Cancelled() {
            super("已取消 (cancelled)");
        }
    }
}
