package org.perflink.core;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * 6-digit administrative division code (行政区划代码): 440000 a province, 440100 a city in it, 440106 a
 * county or district. The parent of a county is its city, of a city its province.
 */
public final class RegionCode {

    /** The form of a code: six digits, not starting with 0. */
    public static final String PATTERN = "^[1-9][0-9]{5}$";

    /** What every refusal of a malformed code says (followed by the code given). */
    public static final String MUST_BE = "区划代码须为6位数字 (region code must be 6 digits, " + PATTERN + ")";

    private static final Pattern FORM = Pattern.compile(PATTERN);

    private RegionCode() {
    }

    public static boolean valid(String code) {
        return code != null && FORM.matcher(code).matches();
    }

    /** Throws with a message naming the configuration key when the code is malformed. */
    public static String require(String code, String key) {
        if (!valid(code)) {
            throw new IllegalArgumentException(
                    "'" + key + "' must be a 6-digit region code (行政区划代码, " + PATTERN + "), got '" + code + "'");
        }
        return code;
    }

    /** The enclosing region, empty for a province. */
    public static Optional<String> parent(String code) {
        if (code.endsWith("0000")) {
            return Optional.empty();
        }
        if (code.endsWith("00")) {
            return Optional.of(code.substring(0, 2) + "0000");
        }
        String city = code.substring(0, 4) + "00";
        // Municipalities directly under the central government have counties under xx0000 (e.g. 110101).
        return Optional.of(city);
    }
}
