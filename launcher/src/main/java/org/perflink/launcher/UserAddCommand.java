package org.perflink.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.perflink.core.Roles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./perflink user-add NAME --roles ROLE[,ROLE...] [--data DIR]}: creates (or replaces) a user of Karaf's
 * JAAS realm {@code karaf} in the instance's {@code etc/users.properties} — the realm of SSH, the Karaf shell and
 * the admin page and API. The distribution ships no user, so this is how the first administrator is made, before
 * or after {@code ./perflink start} (Karaf reads the file at every login: no restart).
 * <p>
 * The password is read from {@value #PASSWORD_ENV}, else from the terminal (not echoed, asked twice), else as one
 * line from standard input; never from the command line (it would be visible in {@code ps} and the shell
 * history). It is written as the hash Karaf's JAAS password encryption checks ({@code etc/org.apache.karaf.jaas.cfg},
 * {@code encryption.enabled = true}): with the distribution's {@code spring-security-crypto} service and
 * {@code argon2} a salted argon2id hash ({@link Argon2Hash}), with the {@code basic} service its digest (e.g.
 * {@code {CRYPT}<SHA-512 hex>{CRYPT}}). A clear password never reaches the file: with encryption off, or a service
 * or algorithm this command cannot compute, it refuses.
 * <p>
 * Exit codes: {@value #DONE} done, {@value #UNUSABLE} a usage error, an unusable password or instance.
 */
@Command(name = "user-add", description = {
    "新建（或替换）实例 Karaf 域中的用户（etc/users.properties），口令以加盐的 argon2 哈希保存，从不以明文写入。",
    "Create (or replace) a user of the instance's Karaf realm (etc/users.properties); the password is stored as a"
            + " salted argon2 hash, never in clear. Password from $PERFLINK_PASSWORD, the terminal, or one line of stdin.",
    "Exit 0: done; 2: a usage error or an unusable password."})
final class UserAddCommand implements Callable<Integer> {

    static final int DONE = 0;
    static final int UNUSABLE = 2;

    static final String PASSWORD_ENV = "PERFLINK_PASSWORD";
    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 256;

    static final String USERS = "etc/users.properties";
    static final String JAAS_CFG = "etc/org.apache.karaf.jaas.cfg";

    /** Roles PerfLink and Karaf's stock ACLs know; any other is accepted with a note (a typo grants nothing). */
    static final Set<String> KNOWN_ROLES = Set.of(Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN, "admin",
            "manager", "viewer", "systembundles", "ssh");

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "用户名 (user name)")
    List<String> names = new ArrayList<>();

    @Option(names = "--roles", paramLabel = "ROLE[,ROLE...]", description = "角色 (roles), e.g. perflink-admin,admin,ssh")
    String rolesOption;

    @Option(names = "--data", paramLabel = "DIR", description = "实例目录 (instance directory; default .perflink/server)")
    String data;

    /** Never used: declared so that a password typed here is refused by name, without being echoed. */
    @Option(names = "--password", arity = "0..1", hidden = true)
    String password;
    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$");
    private static final Pattern ROLE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");
    /** Digests of Karaf's basic encryption service (BasicEncryption). */
    private static final Set<String> BASIC_ALGORITHMS = Set.of("MD2", "MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

    /** Reads a password from an interactive terminal without echo; null when there is none. */
    @FunctionalInterface
    interface Terminal {
        char[] readPassword(String prompt);
    }

    private final PrintStream out;
    private final PrintStream err;
    private final String envPassword;
    private final Terminal terminal;
    private final InputStream stdin;
    private final Function<String, Path> instanceFor;
    private final Path distribution;

    /**
     * @param envPassword  {@value #PASSWORD_ENV}, or null
     * @param terminal     the console when there is one, else null (then {@code stdin} is read)
     * @param instanceFor  the instance directory of a {@code --data} value (null: the default)
     * @param distribution the distribution to copy there when the instance does not exist yet
     */
    UserAddCommand(PrintStream out, PrintStream err, String envPassword, Terminal terminal, InputStream stdin,
            Function<String, Path> instanceFor, Path distribution) {
        this.out = out;
        this.err = err;
        this.envPassword = envPassword;
        this.terminal = terminal;
        this.stdin = stdin;
        this.instanceFor = instanceFor;
        this.distribution = distribution;
    }

    /** What was written: the user, its roles, the file and how the password is stored. */
    record Added(String user, List<String> roles, Path file, String storage, boolean replaced) {
    }

    @Override
    public Integer call() throws IOException {
        if (password != null) {
            throw new Main.UsageException("--password: a password is never taken from the command line (it would show in ps"
                    + " and the shell history); set " + PASSWORD_ENV + " or type it when asked");
        }
        if (names.size() != 1) {
            throw new Main.UsageException(names.isEmpty() ? "user-add: the user NAME is missing"
                    : "user-add: one user NAME only, got " + names);
        }
        String user = names.get(0);
        if (!NAME.matcher(user).matches()) {
            throw new Main.UsageException("user-add: '" + user + "' is not a user name (letters, digits and . _ @ -,"
                    + " starting with a letter or digit, at most 64)");
        }
        List<String> roles = roles(Main.require(rolesOption, "roles"));
        Path instance = instanceFor.apply(data);

        // everything checked that can be without a password: now the password, then the instance
        char[] secret = new char[0];
        try {
            secret = readPassword(user);
            String problem = weakness(secret);
            if (problem != null) {
                err.println("user-add: " + problem + "; nothing written");
                return UNUSABLE;
            }
            KarafInstance karaf = new KarafInstance(instance);
            karaf.install(distribution);
            Added added = add(instance, user, roles, secret);
            report(added);
            return DONE;
        } catch (UnusableInstance e) {
            err.println("user-add: " + e.getMessage() + "; nothing written");
            return UNUSABLE;
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    static List<String> roles(String csv) {
        Set<String> roles = new LinkedHashSet<>();
        for (String part : csv.split(",")) {
            String role = part.strip();
            if (role.isEmpty()) {
                continue;
            }
            if (!ROLE.matcher(role).matches()) {
                throw new Main.UsageException("--roles: '" + role + "' is not a role name (letters, digits and . _ -)");
            }
            roles.add(role);
        }
        if (roles.isEmpty()) {
            throw new Main.UsageException("--roles: at least one role, e.g. perflink-admin,admin");
        }
        return List.copyOf(roles);
    }

    private char[] readPassword(String user) throws IOException {
        if (envPassword != null && !envPassword.isEmpty()) {
            return envPassword.toCharArray();
        }
        if (terminal != null) {
            char[] first = terminal.readPassword("Password for " + user + ": ");
            char[] again = terminal.readPassword("Again: ");
            if (first == null || again == null) {
                return new char[0];
            }
            try {
                if (!Arrays.equals(first, again)) {
                    throw new UnusableInstance("the two passwords differ");
                }
                return first.clone();
            } finally {
                Arrays.fill(first, '\0');
                Arrays.fill(again, '\0');
            }
        }
        // piped in: the first line (without its line break)
        BufferedReader reader = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        String line = reader.readLine();
        return line == null ? new char[0] : line.toCharArray();
    }

    /**
     * Why a password is refused, or null. Printable ASCII only: Karaf's digest hashes the password's bytes in the
     * JVM's default charset, so anything else could hash differently in the Karaf process than here.
     */
    static String weakness(char[] password) {
        if (password.length == 0) {
            return "no password given (set " + PASSWORD_ENV + ", type it when asked, or pipe it in)";
        }
        if (password.length < MIN_LENGTH) {
            return "the password is shorter than " + MIN_LENGTH + " characters";
        }
        if (password.length > MAX_LENGTH) {
            return "the password is longer than " + MAX_LENGTH + " characters";
        }
        for (char c : password) {
            if (c < 0x20 || c > 0x7e) {
                return "the password may hold printable ASCII characters only (letters, digits, space and punctuation)";
            }
        }
        if (Character.isWhitespace(password[0]) || Character.isWhitespace(password[password.length - 1])) {
            return "the password may not begin or end with a space";
        }
        return null;
    }

    /** Writes the user into {@code instance/etc/users.properties}, replacing an entry of the same name. */
    static Added add(Path instance, String user, List<String> roles, char[] password) throws IOException {
        Path users = instance.resolve(USERS);
        Encryption enc = Encryption.read(instance.resolve(JAAS_CFG));
        String stored;
        String storage;
        if (!enc.enabled()) {
            throw new UnusableInstance(JAAS_CFG + " has encryption.enabled = false, so Karaf would keep the password in"
                    + " clear; set encryption.enabled = true there first");
        }
        if (enc.basic()) {
            stored = enc.prefix() + digest(password, enc.algorithm(), enc.encoding()) + enc.suffix();
            storage = enc.algorithm() + " digest (" + enc.encoding() + ")";
        } else if (enc.argon2()) {
            stored = enc.prefix() + Argon2Hash.encoded(password, enc.encoding()) + enc.suffix();
            storage = "argon2id hash, salted (" + Argon2Hash.PARAMETERS + ", " + enc.encoding() + ")";
        } else {
            throw new UnusableInstance(JAAS_CFG + ": encryption.name = " + enc.name() + ", encryption.algorithm = "
                    + enc.algorithm() + " cannot be computed here, and the password is never written in clear; use"
                    + " spring-security-crypto with argon2 (the distribution's) or basic");
        }
        List<String> lines = Files.exists(users) ? Files.readAllLines(users, StandardCharsets.ISO_8859_1) : List.of();
        List<String> kept = new ArrayList<>();
        boolean replaced = false;
        boolean skipping = false;
        Pattern entry = Pattern.compile("^\\s*" + Pattern.quote(user) + "\\s*[=:].*");
        for (String line : lines) {
            if (skipping || entry.matcher(line).matches()) {
                replaced = true;
                skipping = continues(line); // a value continued on the next line belongs to this entry
                continue;
            }
            kept.add(line);
        }
        while (!kept.isEmpty() && kept.get(kept.size() - 1).isBlank()) {
            kept.remove(kept.size() - 1);
        }
        kept.add("");
        kept.add(user + " = " + stored + "," + String.join(",", roles));
        write(users, String.join("\n", kept) + "\n");
        return new Added(user, roles, users, storage, replaced);
    }

    private static boolean continues(String line) {
        int n = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }

    /** Karaf's BasicEncryption: the digest of the password's bytes, hexadecimal (upper case) or base64. */
    static String digest(char[] password, String algorithm, String encoding) {
        byte[] bytes = new byte[password.length];
        for (int i = 0; i < password.length; i++) {
            bytes[i] = (byte) password[i]; // printable ASCII only (weakness): the same bytes in any charset
        }
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(bytes);
            return "base64".equalsIgnoreCase(encoding) ? Base64.getEncoder().encodeToString(digest)
                    : HexFormat.of().withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new UnusableInstance(JAAS_CFG + ": encryption.algorithm = " + algorithm + " is not available");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Replaces the file at once (a reader sees the old or the new file), readable by its owner only. */
    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(tmp, content, StandardCharsets.ISO_8859_1);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void report(Added a) {
        out.println((a.replaced() ? "User replaced: " : "User added: ") + a.user() + " (roles " + String.join(",", a.roles())
                + ") in " + a.file());
        out.println("  password stored as: " + a.storage());
        out.println("  Karaf reads the file at every login: the user can log in now if PerfLink runs, else after"
                + " ./perflink start");
        for (String role : a.roles()) {
            if (!KNOWN_ROLES.contains(role)) {
                out.println("  note: role '" + role + "' grants nothing in PerfLink or Karaf's stock ACLs (a typo?)");
            }
        }
        if (!a.roles().contains("ssh")) {
            out.println("  note: without the role ssh this user cannot open the Karaf shell over SSH (bin/client);"
                    + " the admin page and API need no ssh role");
        }
    }

    /** The password settings of {@code etc/org.apache.karaf.jaas.cfg} (Karaf's defaults where a key is absent). */
    record Encryption(boolean enabled, String name, String algorithm, String encoding, String prefix, String suffix) {

        /** Karaf's spring-security-crypto service with argon2, in an encoding without ',' (users.properties). */
        boolean argon2() {
            return "spring-security-crypto".equalsIgnoreCase(name) && "ARGON2".equals(algorithm)
                    && ("hexadecimal".equalsIgnoreCase(encoding) || "base64".equalsIgnoreCase(encoding));
        }

        boolean basic() {
            return (name.isEmpty() || "basic".equalsIgnoreCase(name))
                    && BASIC_ALGORITHMS.contains(algorithm.toUpperCase(Locale.ROOT));
        }

        static Encryption read(Path cfg) throws IOException {
            Properties p = new Properties();
            if (Files.exists(cfg)) {
                try (var r = Files.newBufferedReader(cfg, StandardCharsets.ISO_8859_1)) {
                    p.load(r);
                }
            }
            Map<String, String> v = new java.util.HashMap<>();
            p.stringPropertyNames().forEach(k -> v.put(k, p.getProperty(k).strip()));
            return new Encryption(Boolean.parseBoolean(v.getOrDefault("encryption.enabled", "false")),
                    v.getOrDefault("encryption.name", "basic"),
                    v.getOrDefault("encryption.algorithm", "MD5").toUpperCase(Locale.ROOT),
                    v.getOrDefault("encryption.encoding", "hexadecimal"),
                    v.getOrDefault("encryption.prefix", "{CRYPT}"),
                    v.getOrDefault("encryption.suffix", "{CRYPT}"));
        }
    }

    /** The instance cannot take the user as asked. */
    static final class UnusableInstance extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnusableInstance(String message) {
            super(message);
        }
    }
}
