package org.perflink.admin.internal.shell;

import java.io.PrintStream;

import org.perflink.admin.api.ExportProgress;

/**
 * The progress of a shell command: a line per step (rewritten in place on a terminal), cancelled when the command's
 * thread is interrupted, which is what Karaf does on Ctrl-C.
 */
final class ShellProgress implements ExportProgress {

    private final PrintStream out;

    ShellProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void step(long done, long total, String what) {
        long percent = total <= 0 ? 0 : Math.min(100, done * 100 / total);
        out.print("\r" + done + " / " + total + " (" + percent + "%) " + (what == null ? "" : what) + "   ");
        out.flush();
    }

    @Override
    public boolean cancelled() {
        return Thread.currentThread().isInterrupted();
    }
}
