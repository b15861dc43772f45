package org.perflink.close.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.perflink.close.internal.Fixtures.d;
import static org.perflink.close.internal.Fixtures.pack;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.Assessment;
import org.perflink.api.model.Grade;
import org.perflink.api.rules.RulePack;

/** rules.md §6: competition rank (1, 2, 2, 4), the praise and the criticism lists. */
class AssessmentRankingTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2028-03-31T10:00:00+08:00");

    private static AssessmentParts.Scored scored(String code, String total, Grade composite) {
        SubjectFacts s = new SubjectFacts(Assessment.Scope.DEPARTMENT, code);
        if (composite != null) {
            s.composite(d("85"), composite);
        }
        return new AssessmentParts.Scored(s, List.of(), d(total), new GradeBands(RulePack.DEFAULT).of(d(total)));
    }

    private static Map<String, Assessment> bySubject(List<Assessment> list) {
        return list.stream().collect(Collectors.toMap(Assessment::subjectCode, Function.identity()));
    }

    @Test
    void equalTotalsShareARankAndTheNextRankSkips() {
        List<Assessment> ranked = new AssessmentRanking(RulePack.DEFAULT).rank("440000", 2027, List.of(
                scored("104", "70", Grade.GOOD), scored("102", "88.5", Grade.GOOD), scored("101", "95", Grade.GOOD),
                scored("103", "88.50", Grade.GOOD)), CaseStates.NONE, AT);
        assertEquals(List.of("101", "102", "103", "104"), ranked.stream().map(Assessment::subjectCode).toList());
        assertEquals(List.of(1, 2, 2, 4), ranked.stream().map(Assessment::rank).toList());
        ranked.forEach(a -> assertEquals(4, a.rankOf()));
        Assessment first = ranked.get(0);
        assertEquals("440000-2027.DEPARTMENT.101", first.assessmentId());
        assertEquals(d("95.00"), first.total());
        assertEquals(d("85.00"), first.composite());
        assertEquals("default@1", first.rulePack());
        assertEquals(AT, first.assessedAt());
    }

    @Test
    void praiseNeedsExcellentATopRankAGoodCompositeAndNoOverdueCase() {
        CaseStates overdue101 = new CaseStates() {
            @Override
            public boolean reachedInterview(Assessment.Scope scope, String code) {
                return false;
            }

            @Override
            public boolean overdueOpen(Assessment.Scope scope, String code) {
                return code.equals("101");
            }
        };
        Map<String, Assessment> a = bySubject(new AssessmentRanking(pack("assess.praise.maxRank", "3")).rank("440000", 2027,
                List.of(scored("101", "99", Grade.EXCELLENT), scored("102", "98", Grade.GOOD),
                        scored("103", "97", Grade.MEDIUM), scored("104", "96", null), scored("105", "95", Grade.GOOD),
                        scored("106", "89.99", Grade.EXCELLENT)), overdue101, AT));
        assertNull(a.get("101").list(), "an overdue open case keeps it off the praise list");
        assertEquals(AssessmentRanking.LIST_PRAISE, a.get("102").list());
        assertNull(a.get("103").list(), "composite MEDIUM");
        assertNull(a.get("104").list(), "rank 4 > maxRank 3, and no composite");
        assertNull(a.get("105").list(), "rank 5 > maxRank 3");
        assertNull(a.get("106").list(), "89.99 is GOOD, not EXCELLENT");
    }

    @Test
    void criticismForAPoorGradeOrCompositeAnInterviewOrTheLastRanks() {
        CaseStates interview103 = new CaseStates() {
            @Override
            public boolean reachedInterview(Assessment.Scope scope, String code) {
                return code.equals("103");
            }

            @Override
            public boolean overdueOpen(Assessment.Scope scope, String code) {
                return false;
            }
        };
        List<AssessmentParts.Scored> peers = List.of(scored("101", "59.99", Grade.GOOD), scored("102", "95", Grade.POOR),
                scored("103", "96", Grade.EXCELLENT), scored("104", "75", Grade.GOOD), scored("105", "70", Grade.GOOD));
        Map<String, Assessment> off = bySubject(new AssessmentRanking(RulePack.DEFAULT).rank("440000", 2027, peers, interview103, AT));
        assertEquals(AssessmentRanking.LIST_CRITICISM, off.get("101").list(), "grade POOR");
        assertEquals(AssessmentRanking.LIST_CRITICISM, off.get("102").list(), "composite POOR");
        assertEquals(AssessmentRanking.LIST_CRITICISM, off.get("103").list(), "INTERVIEW reached, though EXCELLENT: not praised");
        assertNull(off.get("104").list());
        assertNull(off.get("105").list(), "lastRanks 0: the last rank alone is not criticised");
        Map<String, Assessment> last2 = bySubject(new AssessmentRanking(pack("assess.criticism.lastRanks", "2"))
                .rank("440000", 2027, peers, interview103, AT));
        assertNull(last2.get("104").list(), "rank 3 of 5: not among the last two");
        assertEquals(AssessmentRanking.LIST_CRITICISM, last2.get("105").list(), "rank 4 of 5: among the last two");
    }
}
