package org.perflink.compile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.perflink.api.model.Phase.APPROVED;
import static org.perflink.api.model.Phase.PUBLISHED;
import static org.perflink.compile.internal.TestProjects.APPROVED_ON;
import static org.perflink.compile.internal.TestProjects.aProject;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.Finding;
import org.perflink.api.model.Project;
import org.perflink.api.model.Severity;

/** rules.md §9 DISCLOSE_LATE: the target is published within disclose.days (20) of the budget's approval. */
class DiscloseLateTest extends CheckerTestSupport {

    private static Project publishedAfter(int days) {
        return aProject().targetDate(PUBLISHED, APPROVED_ON.plusDays(days)).budgetDate(PUBLISHED, APPROVED_ON.plusDays(days))
                .build();
    }

    @Test
    void twentyDaysAfterApprovalIsInTime() {
        assertNone("DISCLOSE_LATE", publishedAfter(20), PUBLISHED);
    }

    @Test
    void twentyOneDaysAfterApprovalIsLate() {
        Finding f = the("DISCLOSE_LATE", publishedAfter(21), PUBLISHED);
        assertEquals(Severity.WARN, f.severity());
        assertEquals("target.phaseDates.PUBLISHED", f.path());
        assertEquals(Map.of("publishedOn", "2027-02-10", "budgetApprovedOn", "2027-01-20", "days", "21",
                "allowedDays", "20"), f.figures());
        assertEquals("绩效目标于 2027-02-10 公开，距预算批复日期 2027-01-20 已 21 天，超过规定的 20 天（预算法第十四条）",
                f.message());
        assertEquals("The target was published on 2027-02-10, 21 days after the budget was approved on 2027-01-20, more"
                + " than the 20 days allowed (Budget Law art. 14)", f.messageEn());
    }

    @Test
    void theRulePackSetsTheDeadline() {
        assertEquals(0, findings(check(publishedAfter(21), PUBLISHED, pack("disclose.days", "21")), "DISCLOSE_LATE").size());
        assertEquals(1, findings(check(publishedAfter(11), PUBLISHED, pack("disclose.days", "10")), "DISCLOSE_LATE").size());
    }

    @Test
    void onlyAPublishedTargetIsJudgedAndOnlyFromPublication() {
        assertNone("DISCLOSE_LATE", publishedAfter(30), APPROVED);
        assertNone("DISCLOSE_LATE", aProject().targetPhase(APPROVED).targetDate(PUBLISHED, APPROVED_ON.plusDays(30))
                .build(), PUBLISHED);
        assertNone("DISCLOSE_LATE", aProject().targetDate(PUBLISHED, null).build(), PUBLISHED);
    }

    @Test
    void theRuleIsInTheCatalogueWithItsParameter() {
        var catalog = new CompileRuleCatalog();
        var info = catalog.rules().stream().filter(r -> r.ruleId().equals("DISCLOSE_LATE")).findFirst().orElseThrow();
        assertEquals(Severity.WARN, info.builtInSeverity());
        assertEquals("绩效目标晚于预算批复后规定天数公开", info.descriptionZh());
        assertEquals("disclose.days", catalog.parameters().stream().filter(p -> p.key().startsWith("disclose."))
                .findFirst().orElseThrow().key());
    }
}
