package org.perflink.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserAddCommandTest {

    /** SHA-512 of "Clear-Pass-123" as Karaf 4.4.10 wrote it into users.properties (encryption.algorithm = SHA-512). */
    static final String KARAF_DIGEST = "{CRYPT}AA93EAD96365C72DC68F364CF15F75BFAE2A3DFFA42502872E6E62C3EC0C4EB3D253FB2916E6B1"
            + "3D2406F63FFC5CA4B39BEE970E0DFFD722AC060B35C225EAEC{CRYPT}";

    @TempDir
    Path dir;

    Path instance;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void anInstalledInstance() throws IOException {
        instance = dir.resolve("instance");
        Files.createDirectories(instance.resolve("bin"));
        Files.createDirectories(instance.resolve("etc"));
        Files.writeString(instance.resolve("bin/karaf"), "#!/bin/sh\n");
        jaas(true, "basic", "SHA-512");
        Files.writeString(instance.resolve("etc/users.properties"), """
                # users
                #karaf = karaf,_g_:admingroup
                #_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh
                """, StandardCharsets.ISO_8859_1);
    }

    @Test
    void thePasswordFromTheEnvironmentIsStoredAsKarafsDigest() throws IOException {
        assertEquals(0, run("Clear-Pass-123", null, "", "user-add", "alice", "--roles", "perflink-admin,admin"));
        List<String> users = users();
        assertTrue(users.contains("alice = " + KARAF_DIGEST + ",perflink-admin,admin"), users.toString());
        assertFalse(String.join("\n", users).contains("Clear-Pass-123"), "never in clear");
        assertTrue(users.contains("#karaf = karaf,_g_:admingroup"), "the rest of the file is kept");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(instance.resolve("etc/users.properties"))));
        assertTrue(text(out).contains("SHA-512"), text(out));
    }

    @Test
    void aPipedPasswordIsTheFirstLineOfStdin() throws IOException {
        assertEquals(0, run(null, null, "Clear-Pass-123\nignored\n", "user-add", "alice", "--roles", "perflink-viewer"));
        assertTrue(users().contains("alice = " + KARAF_DIGEST + ",perflink-viewer"), users().toString());
    }

    @Test
    void theTerminalAsksTwiceAndRefusesTwoDifferentPasswords() throws IOException {
        String[] answers = {"Clear-Pass-123", "Clear-Pass-124"};
        int[] n = {0};
        UserAddCommand.Terminal terminal = prompt -> answers[n[0]++].toCharArray();
        assertEquals(2, run(null, terminal, "", "user-add", "alice", "--roles", "perflink-viewer"));
        assertTrue(text(err).contains("differ"), text(err));
        assertFalse(String.join("\n", users()).contains("alice"), "nothing written");

        UserAddCommand.Terminal same = prompt -> "Clear-Pass-123".toCharArray();
        assertEquals(0, run(null, same, "", "user-add", "alice", "--roles", "perflink-viewer"));
        assertTrue(users().contains("alice = " + KARAF_DIGEST + ",perflink-viewer"));
    }

    @Test
    void addingAUserAgainReplacesItsEntry() throws IOException {
        run("Clear-Pass-123", null, "", "user-add", "alice", "--roles", "perflink-viewer");
        assertEquals(0, run("Another-Pass-9", null, "", "user-add", "alice", "--roles", "perflink-operator"));
        List<String> alice = users().stream().filter(l -> l.startsWith("alice")).toList();
        assertEquals(1, alice.size(), alice.toString());
        assertTrue(alice.get(0).endsWith(",perflink-operator"));
        assertFalse(alice.get(0).contains(KARAF_DIGEST), "the new password");
        assertTrue(text(out).contains("User replaced"), text(out));
    }

    @Test
    void aPasswordOnTheCommandLineIsRefusedBeforeAnythingIsRead() {
        Main.UsageException e = assertThrows(Main.UsageException.class,
                () -> run("Clear-Pass-123", null, "", "user-add", "alice", "--roles", "admin", "--password", "Clear-Pass-123"));
        assertTrue(e.getMessage().contains(UserAddCommand.PASSWORD_ENV), e.getMessage());
        assertFalse(e.getMessage().contains("Clear-Pass-123"), "the refusal does not echo it");
    }

    @Test
    void badNamesRolesAndPasswordsAreRefusedAndNothingIsWritten() throws IOException {
        String before = Files.readString(instance.resolve("etc/users.properties"));
        assertThrows(Main.UsageException.class, () -> run("Clear-Pass-123", null, "", "user-add", "_g_:admins", "--roles", "admin"));
        assertThrows(Main.UsageException.class, () -> run("Clear-Pass-123", null, "", "user-add", "alice", "--roles", "a=b"));
        assertThrows(Main.UsageException.class, () -> run("Clear-Pass-123", null, "", "user-add", "alice"));
        assertThrows(Main.UsageException.class, () -> run("Clear-Pass-123", null, "", "user-add", "--roles", "admin"));
        assertEquals(2, run("short", null, "", "user-add", "alice", "--roles", "admin"));
        assertEquals(2, run(null, null, "", "user-add", "alice", "--roles", "admin"), "no password at all");
        assertEquals(2, run("口令口令口令口令口令", null, "", "user-add", "alice", "--roles", "admin"));
        assertEquals(before, Files.readString(instance.resolve("etc/users.properties")));
    }

    @Test
    void withEncryptionOffNothingIsWritten() throws IOException {
        jaas(false, "basic", "SHA-512");
        assertEquals(2, run("Clear-Pass-123", null, "", "user-add", "alice", "--roles", "admin"));
        assertTrue(text(err).contains("encryption.enabled"), text(err));
        assertFalse(String.join("\n", users()).contains("alice"));
    }

    @Test
    void theDigestFollowsTheInstancesAlgorithm() throws IOException {
        jaas(true, "basic", "SHA-256");
        run("Clear-Pass-123", null, "", "user-add", "alice", "--roles", "admin");
        String line = users().stream().filter(l -> l.startsWith("alice")).findFirst().orElseThrow();
        assertTrue(line.matches("alice = \\{CRYPT}[0-9A-F]{64}\\{CRYPT},admin"), line);
    }

    @Test
    void aMissingInstanceIsInstalledFromTheDistributionFirst() throws Exception {
        Path fresh = dir.resolve("fresh");
        assertEquals(0, Main.execute(new UserAddCommand(ps(out), ps(err), "Clear-Pass-123", null, InputStream.nullInputStream(),
                data -> fresh, instance), "alice", "--roles", "admin"));
        assertTrue(Files.readString(fresh.resolve("etc/users.properties")).contains("alice = " + KARAF_DIGEST + ",admin"));
    }

    @Test
    void withTheDistributionsArgon2TheFileHoldsASaltedHashKarafsOwnServiceAccepts() throws IOException {
        jaas(true, "spring-security-crypto", "argon2");
        assertEquals(0, run("Clear-Pass-123", null, "", "user-add", "alice", "--roles", "perflink-admin,ssh"));
        String line = users().stream().filter(l -> l.startsWith("alice")).findFirst().orElseThrow();
        assertTrue(line.matches("alice = \\{CRYPT}[0-9a-f]+\\{CRYPT},perflink-admin,ssh"), line);
        assertFalse(String.join("\n", users()).contains("Clear-Pass-123"), "never in clear");
        String stored = line.substring("alice = {CRYPT}".length(), line.indexOf("{CRYPT},"));
        String phc = new String(java.util.HexFormat.of().parseHex(stored), StandardCharsets.US_ASCII);
        assertTrue(phc.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), phc);

        // what Karaf's spring-security-crypto-encryption feature runs at login (encryption.encoding = hexadecimal)
        var karaf = new org.apache.karaf.jaas.spring_security_crypto.impl.SpringSecurityCryptoEncryption(
                java.util.Map.of("algorithm", "argon2", "encoding", "hexadecimal"));
        assertTrue(karaf.checkPassword("Clear-Pass-123", stored), "the right password logs in");
        assertFalse(karaf.checkPassword("Clear-Pass-124", stored), "a wrong one does not");

        run("Clear-Pass-123", null, "", "user-add", "bob", "--roles", "perflink-viewer");
        String bob = users().stream().filter(l -> l.startsWith("bob")).findFirst().orElseThrow();
        assertFalse(bob.contains(stored), "a fresh salt per hash");
        assertTrue(text(out).contains("argon2id"), text(out));
    }

    @Test
    void anEncryptionThisCommandCannotComputeIsRefusedAndNoClearPasswordIsWritten() throws IOException {
        jaas(true, "jasypt", "SHA-256");
        assertEquals(2, run("Clear-Pass-123", null, "", "user-add", "alice", "--roles", "admin"));
        assertTrue(text(err).contains("never written in clear"), text(err));
        jaas(true, "spring-security-crypto", "bcrypt");
        assertEquals(2, run("Clear-Pass-123", null, "", "user-add", "alice", "--roles", "admin"));
        assertFalse(String.join("\n", users()).contains("Clear-Pass-123"));
        assertFalse(String.join("\n", users()).contains("alice"));
    }

    private int run(String env, UserAddCommand.Terminal terminal, String stdin, String... args) throws IOException {
        out.reset();
        err.reset();
        UserAddCommand command = new UserAddCommand(ps(out), ps(err), env, terminal,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), data -> instance, dir.resolve("no-distribution"));
        try {
            return Main.execute(command, java.util.Arrays.copyOfRange(args, 1, args.length)); // args[0]: "user-add"
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void jaas(boolean enabled, String name, String algorithm) throws IOException {
        Files.writeString(instance.resolve("etc/org.apache.karaf.jaas.cfg"), "encryption.enabled = " + enabled + "\nencryption.name = "
                + name + "\nencryption.prefix = {CRYPT}\nencryption.suffix = {CRYPT}\nencryption.algorithm = " + algorithm
                + "\nencryption.encoding = hexadecimal\n");
    }

    private List<String> users() throws IOException {
        return Files.readAllLines(instance.resolve("etc/users.properties"), StandardCharsets.ISO_8859_1);
    }

    private static PrintStream ps(ByteArrayOutputStream b) {
        return new PrintStream(b, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream b) {
        return b.toString(StandardCharsets.UTF_8);
    }
}
