package org.perflink.api.hook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** rules.md §9: only an absolute http(s) address with a host, and no user information, goes into public data. */
class PublicReportTest {

    @Test
    void anHttpOrHttpsAddressIsPublishedStripped() {
        assertNull(PublicReport.problem("https://example.org/jxpj/2027/440000-2027-000123.pdf"));
        assertNull(PublicReport.problem("HTTP://czt.gd.gov.cn/a?b=1#c"));
        assertEquals("https://example.org/r.pdf", PublicReport.url("  https://example.org/r.pdf \n"));
        assertEquals("{\"reportUrl\":\"https://example.org/r.pdf\"}", PublicReport.json(" https://example.org/r.pdf"));
        assertEquals("{\"reportUrl\":\"https://example.org/报告.pdf\"}", PublicReport.json("https://example.org/报告.pdf"));
    }

    @Test
    void anythingElseIsLeftOutWithItsReason() {
        for (String bad : new String[] {null, "", "   ", "javascript:alert(1)", "ftp://example.org/r.pdf",
                "example.org/r.pdf", "/jxpj/r.pdf", "https:///r.pdf", "https://user:secret@example.org/r.pdf",
                "https://example.org/a b.pdf", "https://example.org/\"x\".pdf", "mailto:someone@example.org",
                "https://example.org/" + "a".repeat(PublicReport.MAX_LENGTH)}) {
            assertNotNull(PublicReport.problem(bad), String.valueOf(bad));
            assertNull(PublicReport.url(bad), String.valueOf(bad));
            assertNull(PublicReport.json(bad), String.valueOf(bad));
        }
        String reason = PublicReport.problem("https://user:secret@example.org/r.pdf");
        assertEquals("报告地址不得含用户信息 (the report address must not carry user information)", reason);
        assertEquals(-1, reason.indexOf("secret"), "the reason never repeats the address");
    }
}
