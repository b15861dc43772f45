package org.perflink.admin.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the admin page may show of an error text that the routes or the store recorded: such a text can hold an
 * exception message, SQL, a host's body or a file path, none of which a viewer should read. The page gets a
 * category, a fixed zh/en message for it and a reference (the first 8 hex digits of the text's SHA-256, so the
 * same error keeps its reference); the full text goes to the log once per reference, at WARN, under that
 * reference. PerfLink's own short status lines ({@code HTTP 500}, {@code delivery: HTTP 503}) carry nothing
 * secret and are shown as they are.
 */
final class ErrorReport {

    /** A text safe to show: PerfLink's own HTTP status summaries. */
    private static final Pattern SAFE = Pattern.compile("(delivery: )?HTTP [1-5][0-9]{2}");
    /** A host's answer: PerfLink's status line, then the host's own text (shown without it). */
    private static final Pattern ANSWER = Pattern.compile("^(?:delivery: )?HTTP ([1-5][0-9]{2})\\b");
    private static final Pattern SQL = Pattern.compile(
            "(?i)\\b(sql|jdbc|select|insert|update|delete|constraint|table|column|h2|postgres|database|datasource)\\b");
    private static final Pattern HOST = Pattern.compile(
            "(?i)(connect|timed? ?out|unreachable|refused|reset|host|http|ssl|tls|socket|eof)");
    /** References logged already (bounded: cleared when full, so an error is at worst logged again). */
    private static final int MAX_LOGGED = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(ErrorReport.class);

    /** What is shown: the message, its category ({@code store}, {@code host}, {@code internal}; null: safe as is), a reference. */
    record Shown(String message, String category, String ref) {
    }

    private final Set<String> logged = new LinkedHashSet<>();

    /** The shown form of {@code raw} (non-null), logging the full text under its reference once; {@code where} names its origin. */
    Shown report(String raw, String where) {
        String ref = ref(raw);
        if (SAFE.matcher(raw.strip()).matches()) {
            return new Shown(raw.strip(), null, ref);
        }
        logOnce(ref, where, raw);
        Matcher answer = ANSWER.matcher(raw.strip());
        if (answer.find()) {
            return new Shown("主系统答复 HTTP " + answer.group(1) + "，详见日志 (the host answered HTTP " + answer.group(1)
                    + ", see the log) [ref " + ref + "]", "host", ref);
        }
        String category = SQL.matcher(raw).find() ? "store" : HOST.matcher(raw).find() ? "host" : "internal";
        return new Shown(text(category) + " [ref " + ref + "]", category, ref);
    }

    /** {@link #report}'s message, or null for null. */
    String shown(String raw, String where) {
        return raw == null ? null : report(raw, where).message();
    }

    static String text(String category) {
        return switch (category) {
            case "store" -> "存储错误，详见日志 (store error, see the log)";
            case "host" -> "与主系统通信失败，详见日志 (host communication failed, see the log)";
            default -> "内部错误，详见日志 (internal error, see the log)";
        };
    }

    static String ref(String raw) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 4).toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e); // every Java runtime has it
        }
    }

    private void logOnce(String ref, String where, String raw) {
        synchronized (logged) {
            if (logged.contains(ref)) {
                return;
            }
            if (logged.size() >= MAX_LOGGED) {
                logged.clear();
            }
            logged.add(ref);
        }
        LOG.warn("admin page: error ref {} ({}): {}", ref, where, raw);
    }
}
