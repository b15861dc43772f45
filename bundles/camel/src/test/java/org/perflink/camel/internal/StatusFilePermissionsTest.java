package org.perflink.camel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** status.json names the hosts and their errors: only its owner may read it. */
class StatusFilePermissionsTest {

    @TempDir
    Path dir;

    @Test
    void theStatusFileIsReadableByItsOwnerOnlyEvenWhenItExistedBefore() throws Exception {
        Path file = dir.resolve("perflink/status.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(file.resolveSibling("status.json.tmp"), "stale");
        Files.setPosixFilePermissions(file.resolveSibling("status.json.tmp"), PosixFilePermissions.fromString("rw-rw-rw-"));

        new StatusBoard().write(file, new ObjectMapper(), null, new RouteStats());

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(Files.readString(file).contains("\"idle\""), Files.readString(file));
    }
}
