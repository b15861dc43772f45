package org.perflink.admin.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.perflink.core.SystemProperties;
import org.perflink.reports.CheckInputException;

/**
 * The one directory the file-reading shell commands ({@code perflink:check}, {@code perflink:simulate}) may use.
 * They run with the container's permissions and {@code check} is open to viewers, so a path outside it, or
 * through a symbolic link, is refused; a CSV is always a new file. Configured by {@code workDirectory} of
 * {@code org.perflink.shell} (default {@value #DEFAULT}); a relative path is taken inside it.
 */
public final class WorkDirectory {

    public static final String PID = "org.perflink.shell";
    public static final String KEY = "workDirectory";
    public static final String DEFAULT = "${karaf.data}/perflink/work";

    private final Path root;

    public WorkDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The configured directory (created when missing). */
    public static WorkDirectory of(ConfigurationAdmin configAdmin) throws IOException {
        String dir = DEFAULT;
        if (configAdmin != null) {
            try {
                Configuration[] configs = configAdmin.listConfigurations("(service.pid=" + PID + ")");
                if (configs != null && configs.length > 0 && configs[0].getProperties() != null) {
                    Object value = configs[0].getProperties().get(KEY);
                    if (value != null && !value.toString().isBlank()) {
                        dir = value.toString().strip();
                    }
                }
            } catch (InvalidSyntaxException e) {
                throw new IllegalStateException(e); // a constant filter
            }
        }
        WorkDirectory work = new WorkDirectory(Path.of(SystemProperties.substitute(dir)));
        Files.createDirectories(work.root);
        return work;
    }

    public Path root() {
        return root;
    }

    /** An existing regular file inside the directory, reached without a symbolic link. */
    public Path input(String option, String arg) throws CheckInputException {
        Path file = confined(option, arg);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new CheckInputException(option + ": 工作目录中无此文件 (no such file in the work directory " + root + "): "
                    + root.relativize(file));
        }
        return file;
    }

    /** A file to be created inside the directory: its directory must exist, the file must not. */
    public Path output(String option, String arg) throws CheckInputException {
        Path file = confined(option, arg);
        if (!Files.isDirectory(file.getParent(), LinkOption.NOFOLLOW_LINKS)) {
            throw new CheckInputException(option + ": 目录不存在 (no such directory): " + file.getParent());
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new CheckInputException(option + ": 文件已存在，不覆盖 (the file exists and is not overwritten): " + file);
        }
        return file;
    }

    /** Creates the file, failing when anything (a link included) appeared there meanwhile. */
    public static OutputStream create(Path file) throws IOException {
        return Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
    }

    private Path confined(String option, String arg) throws CheckInputException {
        Path file;
        try {
            file = root.resolve(arg == null ? "" : arg.strip()).normalize();
        } catch (InvalidPathException e) {
            throw new CheckInputException(option + ": 路径无效 (not a path): " + arg);
        }
        if (!file.startsWith(root) || file.equals(root)) {
            throw new CheckInputException(option + ": 须在工作目录内 (must be inside the work directory " + root
                    + ", configured by " + KEY + " of " + PID + "): " + arg);
        }
        // every step below the root: a link could lead anywhere the container can read or write
        for (Path p = file; !p.equals(root); p = p.getParent()) {
            if (Files.isSymbolicLink(p)) {
                throw new CheckInputException(option + ": 不接受符号链接 (symbolic links are refused): " + root.relativize(p));
            }
        }
        if (Files.isSymbolicLink(root)) {
            throw new CheckInputException(option + ": 工作目录是符号链接 (the work directory is a symbolic link): " + root);
        }
        return file;
    }
}
