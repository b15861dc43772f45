package org.perflink.admin.internal.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;

/** The shell's progress: printed as it goes, cancelled by Ctrl-C (the command thread interrupted). */
class ShellProgressTest {

    @Test
    void stepsArePrintedAndAnInterruptCancels() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ShellProgress p = new ShellProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        p.step(500, 1000, "已读取 500 条结果 (500 results read)");
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("500 / 1000 (50%) 已读取 500 条结果"), bytes.toString());
        assertFalse(p.cancelled());
        p.checkCancelled();
        Thread.currentThread().interrupt();
        try {
            assertTrue(p.cancelled());
            assertThrows(CancellationException.class, p::checkCancelled);
        } finally {
            Thread.interrupted(); // clears the flag for the next test
        }
    }
}
