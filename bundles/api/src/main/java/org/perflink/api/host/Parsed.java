package org.perflink.api.host;

/**
 * One item as read from the host: either a value, or an error naming the field that did not match the
 * contract. {@code key} (e.g. the projectCode) and {@code revision} identify the item when they could be
 * read, so a bad item still gets its own result instead of stopping the page.
 */
public record Parsed<T>(T value, String key, long revision, String errorPath, String error) {

    public static <T> Parsed<T> ok(T value, String key, long revision) {
        return new Parsed<>(value, key, revision, null, null);
    }

    public static <T> Parsed<T> invalid(String key, long revision, String errorPath, String error) {
        return new Parsed<>(null, key, revision, errorPath, error);
    }

    public boolean valid() {
        return value != null;
    }

    /** Identified: a result can be addressed to it even though it is invalid. */
    public boolean identified() {
        return key != null && !key.isBlank();
    }
}
