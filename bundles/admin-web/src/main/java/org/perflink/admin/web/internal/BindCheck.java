package org.perflink.admin.web.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Which of the HTTP service's listening addresses reach beyond this machine (a warning is logged for them). */
final class BindCheck {

    private BindCheck() {
    }

    /**
     * The addresses of a comma- or space-separated list that are not loopback ({@code 127.x.x.x}, {@code ::1},
     * {@code localhost}); null or blank means every address ({@code 0.0.0.0}).
     */
    static List<String> nonLoopback(String addresses) {
        List<String> out = new ArrayList<>();
        if (addresses == null || addresses.isBlank()) {
            out.add("0.0.0.0");
            return out;
        }
        for (String a : addresses.split("[,\\s]+")) {
            String t = a.strip().toLowerCase(Locale.ROOT);
            if (t.startsWith("[") && t.endsWith("]")) {
                t = t.substring(1, t.length() - 1);
            }
            if (t.isEmpty()) {
                continue;
            }
            boolean loopback = t.startsWith("127.") || t.equals("::1") || t.equals("0:0:0:0:0:0:0:1")
                    || t.equals("localhost");
            if (!loopback) {
                out.add(a.strip());
            }
        }
        return out;
    }
}
