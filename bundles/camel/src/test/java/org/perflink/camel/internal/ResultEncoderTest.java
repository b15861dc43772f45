package org.perflink.camel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.Finding;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Severity;
import org.perflink.api.model.Verdict;
import org.perflink.host.http.HostJson;

/** The body the host receives and the hash that recognises the same decision reached again. */
class ResultEncoderTest {

    private final ResultEncoder encoder = new ResultEncoder(HostJson.newMapper());

    private static Verdict verdict(OffsetDateTime checkedAt, Finding... findings) {
        List<Finding> list = List.of(findings);
        return new Verdict(Verdict.idOf("440000-2027-000123", Phase.REVIEWED, 3), "440000-2027-000123", "440000",
                2027, Phase.REVIEWED, 3, Verdict.outcomeOf(list), list, "default@1", checkedAt);
    }

    private static Finding finding(String ruleId, Severity severity, String figure) {
        return new Finding(ruleId, severity, "target.reviews", "绩效目标未经财政审核，不得与预算同步上会",
                "The target was not reviewed by finance", Map.of("levels", figure));
    }

    @Test
    void theSameDecisionAtAnotherTimeHasTheSameHash() {
        Finding f = finding("SYNC_REVIEW_TARGET_NOT_REVIEWED", Severity.BLOCK, "UNIT,DEPARTMENT");
        ResultEncoder.Encoded a = encoder.encode(HostResult.of(verdict(OffsetDateTime.parse("2026-11-02T09:30:00+08:00"), f)));
        ResultEncoder.Encoded b = encoder.encode(HostResult.of(verdict(OffsetDateTime.parse("2026-11-03T10:00:00+08:00"), f)));
        assertEquals(a.contentHash(), b.contentHash());
        assertNotEquals(a.json(), b.json(), "the body itself keeps its checkedAt");
        assertTrue(a.json().contains("\"checkedAt\":\"2026-11-02T09:30:00+08:00\""), a.json());
        assertEquals(64, a.contentHash().length());
    }

    @Test
    void aDifferentFindingHasADifferentHash() {
        OffsetDateTime at = OffsetDateTime.parse("2026-11-02T09:30:00+08:00");
        String block = encoder.encode(HostResult.of(verdict(at,
                finding("SYNC_REVIEW_TARGET_NOT_REVIEWED", Severity.BLOCK, "UNIT,DEPARTMENT")))).contentHash();
        String warn = encoder.encode(HostResult.of(verdict(at,
                finding("SYNC_REVIEW_TARGET_NOT_REVIEWED", Severity.WARN, "UNIT,DEPARTMENT")))).contentHash();
        String otherFigure = encoder.encode(HostResult.of(verdict(at,
                finding("SYNC_REVIEW_TARGET_NOT_REVIEWED", Severity.BLOCK, "UNIT")))).contentHash();
        String none = encoder.encode(HostResult.of(verdict(at))).contentHash();
        assertEquals(4, List.of(block, warn, otherFigure, none).stream().distinct().count());
    }

    @Test
    void encodingIsStable() {
        OffsetDateTime at = OffsetDateTime.parse("2026-11-02T09:30:00+08:00");
        Finding f = finding("GOAL_MISSING", Severity.WARN, "0");
        ResultEncoder.Encoded a = encoder.encode(HostResult.of(verdict(at, f)));
        ResultEncoder.Encoded b = encoder.encode(HostResult.of(verdict(at, f)));
        assertEquals(a, b);
    }
}
