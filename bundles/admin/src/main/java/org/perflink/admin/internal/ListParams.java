package org.perflink.admin.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The query parameters of the admin page's lists (issue 15: latest results, dead letters, audit log, ranking), checked
 * one way for all of them: each wrong one is named with its rule, zh-CN first with English beside, as an
 * {@link IllegalArgumentException} (HTTP 400). Blank is absent.
 */
final class ListParams {

    /** A project, department, region or rule code. */
    static final String CODE = "[A-Za-z0-9._-]{1,128}";
    /** The longest search text. */
    static final int MAX_TEXT = 128;
    /** Dates of a time range are days of China Standard Time (UTC+8), the bureaus' day. */
    static final ZoneOffset DAY_ZONE = ZoneOffset.ofHours(8);

    /** Where a page starts and how long it is. */
    record Paging(int offset, int limit) {
    }

    private ListParams() {
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A code (letters, digits, . _ -), or null; {@code what} is "中文 (English)". */
    static String code(String name, String what, String value) {
        String v = blankToNull(value);
        if (v != null && !v.matches(CODE)) {
            throw new IllegalArgumentException(name + " 须为" + what.replace(" (", "，字母、数字、. _ - (") + ": '" + value + "'");
        }
        return v;
    }

    /**
     * One of {@code allowed} (as written there, letters of any case typed), or null; the message lists them.
     */
    static String choice(String name, String value, List<String> allowed) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        for (String a : allowed) {
            if (a.equalsIgnoreCase(v)) {
                return a;
            }
        }
        String zh = String.join("、", allowed.subList(0, allowed.size() - 1)) + " 或 " + allowed.get(allowed.size() - 1);
        String en = String.join(", ", allowed.subList(0, allowed.size() - 1)) + " or " + allowed.get(allowed.size() - 1);
        throw new IllegalArgumentException(name + " 须为 " + zh + " (" + name + " must be " + en + "): '" + value + "'");
    }

    /** An upper-case name such as BLOCK, RED, POOR, or null; {@code what} is "中文 (English)". */
    static String upperName(String name, String what, String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        v = v.toUpperCase(Locale.ROOT);
        if (!v.matches("[A-Z_]{1,32}")) {
            throw new IllegalArgumentException(name + " 须为" + what + ": '" + value + "'");
        }
        return v;
    }

    /** A search text of at most {@value #MAX_TEXT} characters, no control characters; or null. */
    static String text(String name, String value) {
        String v = blankToNull(value);
        if (v != null && (v.length() > MAX_TEXT || v.chars().anyMatch(Character::isISOControl))) {
            throw new IllegalArgumentException(name + " 须为至多 " + MAX_TEXT + " 个字符的文本，不含控制字符 (" + name
                    + " must be a text of at most " + MAX_TEXT + " characters, no control characters)");
        }
        return v;
    }

    /**
     * A point in time: an ISO instant ({@code 2027-07-31T08:00:00Z}) or a day ({@code 2027-07-31}, China Standard
     * Time) that starts there, or with {@code endOfDay} ends there (the next day's start); or null.
     */
    static Instant time(String name, String value, boolean endOfDay) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(DAY_ZONE).toInstant();
            }
            return Instant.parse(v);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(name + " 须为日期 (2027-07-31，北京时间) 或时刻 (2027-07-31T08:00:00Z) (" + name
                    + " must be a date, China Standard Time, or an ISO instant): '" + value + "'");
        }
    }

    /** {@code offset} (0 to {@code maxOffset}) and {@code limit} (1 to {@code maxLimit}, {@code defaultLimit} when absent). */
    static Paging paging(Map<String, String> p, int defaultLimit, int maxLimit, int maxOffset) {
        return new Paging(AdminJson.number("offset", p.get("offset"), 0, 0, maxOffset),
                AdminJson.number("limit", p.get("limit"), defaultLimit, 1, maxLimit));
    }

    /** A page's {@code offset}, {@code limit}, {@code total} (exact) and {@code hasMore}, as every list answers them. */
    static void page(com.fasterxml.jackson.databind.node.ObjectNode out, org.perflink.store.Page<?> page) {
        out.put("offset", page.offset());
        out.put("limit", page.limit());
        out.put("total", page.total());
        out.put("hasMore", page.offset() + page.items().size() < page.total());
    }
}
