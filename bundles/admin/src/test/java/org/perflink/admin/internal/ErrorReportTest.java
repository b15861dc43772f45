package org.perflink.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ErrorReportTest {

    private final ErrorReport report = new ErrorReport();

    @Test
    void perflinksOwnStatusLinesAreShownAsTheyAre() {
        assertEquals("HTTP 500", report.report("HTTP 500", "r").message());
        assertNull(report.report("delivery: HTTP 503", "r").category());
    }

    @Test
    void anyOtherTextBecomesACategoryAndAStableReference() {
        ErrorReport.Shown sql = report.report("org.h2.jdbc.JdbcSQLException: Table \"PL_REGION\" not found; SQL statement: "
                + "UPDATE pl_region SET last_error = ?", "r");
        assertEquals("store", sql.category());
        assertFalse(sql.message().contains("PL_REGION") || sql.message().contains("UPDATE"), sql.message());
        assertTrue(sql.message().endsWith("[ref " + sql.ref() + "]"), sql.message());
        assertEquals(sql.ref(), report.report("org.h2.jdbc.JdbcSQLException: Table \"PL_REGION\" not found; SQL "
                + "statement: UPDATE pl_region SET last_error = ?", "again").ref(), "the same text, the same reference");

        ErrorReport.Shown host = report.report("delivery: java.net.ConnectException: Connection refused to /10.0.0.7", "r");
        assertEquals("host", host.category());
        assertFalse(host.message().contains("10.0.0.7"), host.message());
        ErrorReport.Shown answer = report.report("delivery: HTTP 422: {\"error\":\"secret detail\"}", "r");
        assertEquals("host", answer.category());
        assertTrue(answer.message().contains("HTTP 422") && !answer.message().contains("secret detail"), answer.message());
        assertEquals("internal", report.report("java.lang.NullPointerException: x is null at Foo.bar", "r").category());
        assertNull(report.shown(null, "r"));
    }
}
