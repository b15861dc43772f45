package org.perflink.camel.internal;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Files PerfLink writes for its operator only (the status file names hosts and errors). */
final class OwnerOnlyFiles {

    private OwnerOnlyFiles() {
    }

    /** Deletes the file and creates it empty, {@code rw-------} where the file system knows POSIX permissions. */
    static void recreate(Path file) throws IOException {
        Files.deleteIfExists(file);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            FileAttribute<Set<PosixFilePermission>> ownerOnly =
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
            Files.createFile(file, ownerOnly);
        }
    }
}
