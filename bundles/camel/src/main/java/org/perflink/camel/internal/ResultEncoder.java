package org.perflink.camel.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.perflink.api.model.HostResult;

/**
 * Turns a result into the JSON the host receives and a content hash that leaves out volatile fields
 * ({@code checkedAt}), so the same decision reached again is recognised and not written twice.
 */
final class ResultEncoder {

    private static final Set<String> VOLATILE_FIELDS = Set.of("checkedAt");

    private final ObjectMapper mapper;

    ResultEncoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    record Encoded(String json, String contentHash) {
    }

    Encoded encode(HostResult result) {
        ObjectNode node = mapper.valueToTree(result.body());
        String json = node.toString();
        VOLATILE_FIELDS.forEach(node::remove);
        return new Encoded(json, sha256(node.toString()));
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
