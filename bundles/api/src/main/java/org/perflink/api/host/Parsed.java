package org.perflink.api.host;

/**
 * One item as read from the host: either a value, or an error naming the field that did not match the
 * contract. {@code key} identifies the item (e.g. its projectCode) when it could be read, so a bad item
 * still gets its own result instead of stopping the page.
 */
public record Parsed<T>(T value, String key, String errorPath, String error) {

    public static <T> Parsed<T> ok(T value, String key) {
        return new Parsed<>(value, key, null, null);
    }

    public static <T> Parsed<T> invalid(String key, String errorPath, String error) {
        return new Parsed<>(null, key, errorPath, error);
    }

    public boolean valid() {
        return value != null;
    }
}
