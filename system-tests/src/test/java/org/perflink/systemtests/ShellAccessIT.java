package org.perflink.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.perflink.launcher.KarafProcess;

/**
 * Issue 17, items 1 and 6, against the distribution: the {@code ssh} role grants a shell and nothing more (SFTP
 * and SCP are off, so no one reads {@code etc/} or writes {@code deploy/} over SSH), and a user written as
 * {@code ./perflink user-add} writes it — a salted argon2 hash, never the clear password — logs in to the shell and
 * the admin API with the right password and is refused with a wrong one.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ShellAccessIT extends SystemTestSupport {

    static final Duration SHELL = Duration.ofSeconds(90);

    @Test
    void sshGivesAShellOnlyAndAnArgon2UserLogsInWithItsPasswordOnly(@TempDir Path dir) throws Exception {
        KarafProcess k = karaf(dir, "shell-access", List.of());
        String secret = UUID.randomUUID().toString();
        String line = k.addHashedUser("sysadm", secret, "perflink-admin");

        // the file holds the argon2 hash Karaf's spring-security-crypto encryption checks, never the password
        assertTrue(line.matches("sysadm = \\{CRYPT}[0-9a-f]+\\{CRYPT},ssh,perflink-admin"), line);
        String hex = line.substring(line.indexOf("{CRYPT}") + 7, line.lastIndexOf("{CRYPT}"));
        assertTrue(new String(HexFormat.of().parseHex(hex), StandardCharsets.US_ASCII).startsWith("$argon2id$v=19$"), line);
        assertFalse(Files.readString(k.home().resolve("etc/users.properties"), StandardCharsets.ISO_8859_1).contains(secret));
        start(k, List.of());

        // the shell: the right password logs in, a wrong one does not
        String regions = k.shellAs("sysadm", secret, SHELL, "perflink:regions");
        assertTrue(regions.contains("实时状态 (live status)"), "perflink:regions ran: " + regions);
        assertThrows(IOException.class, () -> k.shellAs("sysadm", secret + "x", Duration.ofSeconds(60), "perflink:regions"));
        // the admin API logs in against the same realm
        assertEquals(200, adminStatus(k, "sysadm", secret));
        assertEquals(401, adminStatus(k, "sysadm", "not-" + secret));
        assertTrue(Files.readString(k.home().resolve("etc/users.properties"), StandardCharsets.ISO_8859_1).contains(line),
                "Karaf keeps the hash as written");

        // SFTP and SCP are refused to the same user, after a successful login
        Path local = Files.createDirectories(dir.resolve("local"));
        Path askpass = Files.writeString(dir.resolve("askpass.sh"), "#!/bin/sh\necho '" + secret + "'\n");
        Files.setPosixFilePermissions(askpass, PosixFilePermissions.fromString("rwx------"));
        Result sftp = ssh(k, askpass, local, "ls\nget etc/users.properties\nput " + askpass + " deploy/x.sh\n",
                "sftp", "-P", Integer.toString(k.sshPort()), "sysadm@127.0.0.1");
        assertTrue(sftp.code() != 0, sftp.output());
        assertTrue(sftp.output().contains("subsystem request failed"), "refused after the login: " + sftp.output());
        Result scp = ssh(k, askpass, local, "", "scp", "-O", "-P", Integer.toString(k.sshPort()),
                "sysadm@127.0.0.1:etc/users.properties", local.resolve("users.properties").toString());
        assertTrue(scp.code() != 0, scp.output());
        assertFalse(Files.exists(local.resolve("users.properties")), "nothing copied: " + scp.output());
        assertFalse(Files.exists(k.home().resolve("deploy/x.sh")), "nothing written to deploy/");
        report("ShellAccessIT: argon2 user " + line.substring(0, 40) + "… logs in to the shell and the admin API, a wrong "
                + "password is refused; sftp: " + sftp.output().lines().filter(l -> l.contains("subsystem")).findFirst().orElse("?")
                + "; scp -O exit " + scp.code());
    }

    private int adminStatus(KarafProcess k, String user, String password) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(k.adminUrl() + "../api/admin/v1/regions").normalize())
                .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    record Result(int code, String output) {
    }

    /** Runs OpenSSH's sftp or scp with the password from an askpass script (no terminal), commands on stdin. */
    private static Result ssh(KarafProcess k, Path askpass, Path cwd, String stdin, String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(command[0], "-o", "StrictHostKeyChecking=no", "-o",
                "UserKnownHostsFile=/dev/null", "-o", "PubkeyAuthentication=no", "-o", "PreferredAuthentications=password,keyboard-interactive",
                "-o", "NumberOfPasswordPrompts=1"));
        cmd.addAll(List.of(command).subList(1, command.length));
        Path in = Files.writeString(cwd.resolve("stdin.txt"), stdin);
        Path out = cwd.resolve("out-" + command[0] + ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectInput(in.toFile())
                .redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("SSH_ASKPASS", askpass.toString());
        pb.environment().put("SSH_ASKPASS_REQUIRE", "force");
        pb.environment().put("DISPLAY", ":0");
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(command[0] + " did not finish: " + Files.readString(out));
        }
        return new Result(p.exitValue(), Files.readString(out));
    }
}
