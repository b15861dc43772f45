package org.perflink.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoHostOptionTest {

    @TempDir
    Path dir;

    @Test
    void anUnknownHostAdapterIsRefusedBeforeAnythingIsInstalled() {
        Main main = new Main(dir, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        Main.UsageException e = assertThrows(Main.UsageException.class,
                () -> main.run(new String[] {"demo", "--host", "ftp"}));
        assertTrue(e.getMessage().contains("--host") && e.getMessage().contains("ftp"), e.getMessage());
        assertFalse(Files.exists(dir.resolve(".perflink/demo")), "nothing installed for a refused command");
    }
}
