package org.perflink.launcher;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * An argon2id password hash as Karaf's {@code spring-security-crypto} encryption service checks it: the string of
 * spring-security-crypto's {@code Argon2PasswordEncoder} ({@code $argon2id$v=19$m=…,t=…,p=…$<salt>$<hash>}, base64
 * without padding), then encoded as {@code encryption.encoding} says (hexadecimal: the string's bytes in lower-case
 * hex; base64). The encoder reads the parameters from the string, so these may be stronger than its defaults:
 * OWASP's minimum for argon2id (19 MiB, 2 passes, 1 lane), a 16-byte random salt and a 32-byte hash.
 */
final class Argon2Hash {

    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;
    static final String PARAMETERS = "m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Argon2Hash() {
    }

    /** The hash of a printable-ASCII password (so its UTF-8 bytes are the same in any JVM), encoded for users.properties. */
    static String encoded(char[] password, String encoding) {
        String phc = phc(password);
        byte[] bytes = phc.getBytes(StandardCharsets.US_ASCII);
        return "base64".equalsIgnoreCase(encoding) ? Base64.getEncoder().encodeToString(bytes) : HexFormat.of().formatHex(bytes);
    }

    /** {@code $argon2id$v=19$m=…,t=…,p=…$<salt>$<hash>}, as spring-security-crypto's Argon2EncodingUtils writes it. */
    static String phc(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(MEMORY_KIB).withIterations(ITERATIONS)
                .withParallelism(PARALLELISM).withSalt(salt).build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] hash = new byte[HASH_BYTES];
        byte[] bytes = new byte[password.length];
        try {
            for (int i = 0; i < password.length; i++) {
                bytes[i] = (byte) password[i]; // printable ASCII only (UserAddCommand.weakness)
            }
            generator.generateBytes(bytes, hash);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$" + PARAMETERS + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }
}
