package org.perflink.admin.web.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/** The user name and password of an HTTP Basic {@code Authorization} header (UTF-8); the password is cleared after use. */
final class BasicCredentials {

    private BasicCredentials() {
    }

    /** The decoded {@code user:password} of a Basic header (UTF-8), or null. */
    static char[] decode(String header) {
        if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(header.substring(6).strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            char[] result = new char[chars.remaining()];
            chars.get(result);
            Arrays.fill(chars.array(), '\0');
            return result;
        } catch (CharacterCodingException e) {
            return null;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** The user name of decoded credentials (before the first colon), or null when there is none. */
    static String user(char[] credentials) {
        int colon = colon(credentials);
        return colon <= 0 ? null : new String(credentials, 0, colon);
    }

    /** A copy of the password of decoded credentials (after the first colon); the caller clears it. */
    static char[] password(char[] credentials) {
        return Arrays.copyOfRange(credentials, colon(credentials) + 1, credentials.length);
    }

    private static int colon(char[] chars) {
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == ':') {
                return i;
            }
        }
        return -1;
    }
}
