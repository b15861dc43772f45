package org.perflink.compile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perflink.compile.internal.TestProjects.aProject;
import static org.perflink.compile.internal.TestProjects.review;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.Finding;
import org.perflink.api.model.Grade;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Review;
import org.perflink.api.model.Review.Level;
import org.perflink.api.model.Review.Outcome;
import org.perflink.api.model.Severity;

/** §1 amendments (since rules v2): review grades and {@code review.finance.scope}. */
class ReviewGradeAndScopeTest extends CheckerTestSupport {

    private static final LocalDate D1 = LocalDate.of(2026, 10, 10);
    private static final LocalDate D2 = LocalDate.of(2026, 10, 20);
    private static final LocalDate D3 = LocalDate.of(2026, 10, 28);

    private static Review unit() {
        return review(Level.UNIT, Outcome.PASS, D1);
    }

    @Test
    void aPoorFinanceGradeBlocksAndNamesTheReview() {
        Finding f = the("REVIEW_GRADE_POOR", aProject().reviews(unit(), review(Level.DEPARTMENT, Outcome.PASS, D2),
                review(Level.FINANCE, Outcome.PASS, D3, Grade.POOR)).build(), Phase.REVIEWED);
        assertEquals(Severity.BLOCK, f.severity());
        assertEquals("target.reviews[2].grade", f.path());
        assertEquals("POOR", f.figures().get("grade"));
        assertEquals("FINANCE", f.figures().get("level"));
        assertTrue(f.message().contains("差") && f.messageEn().contains("POOR"), f::toString);
    }

    @Test
    void aMediumGradeWarnsAndGoodDoesNot() {
        Finding f = the("REVIEW_GRADE_MEDIUM", aProject().reviews(unit(), review(Level.DEPARTMENT, Outcome.PASS, D2),
                review(Level.FINANCE, Outcome.PASS, D3, Grade.MEDIUM)).build(), Phase.REVIEWED);
        assertEquals(Severity.WARN, f.severity());
        // boundary: GOOD is the next grade up and goes on
        var good = aProject().reviews(unit(), review(Level.DEPARTMENT, Outcome.PASS, D2),
                review(Level.FINANCE, Outcome.PASS, D3, Grade.GOOD)).build();
        assertNone("REVIEW_GRADE_MEDIUM", good, Phase.REVIEWED);
        assertNone("REVIEW_GRADE_POOR", good, Phase.REVIEWED);
    }

    @Test
    void theFinanceGradeGovernsOverTheDepartmentGrade() {
        var project = aProject().reviews(unit(), review(Level.DEPARTMENT, Outcome.PASS, D2, Grade.POOR),
                review(Level.FINANCE, Outcome.PASS, D3, Grade.GOOD)).build();
        assertNone("REVIEW_GRADE_POOR", project, Phase.REVIEWED);
        // without a graded finance review the latest graded department review governs
        var deptOnly = aProject().reviews(unit(), review(Level.DEPARTMENT, Outcome.PASS, D1, Grade.GOOD),
                review(Level.DEPARTMENT, Outcome.PASS, D2, Grade.MEDIUM), review(Level.FINANCE, Outcome.PASS, D3)).build();
        assertEquals("target.reviews[2].grade", the("REVIEW_GRADE_MEDIUM", deptOnly, Phase.REVIEWED).path());
    }

    @Test
    void gradesAreNotCheckedBeforeReviewed() {
        assertNone("REVIEW_GRADE_POOR", aProject().reviews(unit(), review(Level.DEPARTMENT, Outcome.PASS, D2),
                review(Level.FINANCE, Outcome.PASS, D3, Grade.POOR)).build(), Phase.DECLARED);
    }

    private static final String[] KEY = {"review.finance.scope", "KEY"};

    @Test
    void withScopeKeyAProjectBelowTheKeyThresholdNeedsNoFinancePass() {
        var small = aProject().budget("4999999.99").reviews(unit(), review(Level.DEPARTMENT, Outcome.PASS, D2)).build();
        assertTrue(findings(check(small, Phase.REVIEWED, pack(KEY)), "SYNC_REVIEW_TARGET_NOT_REVIEWED").isEmpty());
        // the default scope ALL still blocks it (v1)
        assertEquals(1, findings(small, Phase.REVIEWED, "SYNC_REVIEW_TARGET_NOT_REVIEWED").size());
    }

    @Test
    void withScopeKeyAKeyProjectStillNeedsTheFinancePass() {
        var atThreshold = aProject().budget("5000000.00").reviews(unit(), review(Level.DEPARTMENT, Outcome.PASS, D2)).build();
        Finding f = findings(check(atThreshold, Phase.REVIEWED, pack(KEY)), "SYNC_REVIEW_TARGET_NOT_REVIEWED").get(0);
        assertEquals("KEY", f.figures().get("financeScope"));
        assertEquals("true", f.figures().get("keyProject"));
        assertEquals("5000000.00", f.figures().get("keyThreshold"));
        var major = aProject().isMajor().reviews(unit(), review(Level.DEPARTMENT, Outcome.PASS, D2)).build();
        assertEquals(1, findings(check(major, Phase.REVIEWED, pack(KEY)), "SYNC_REVIEW_TARGET_NOT_REVIEWED").size());
    }

    @Test
    void withScopeKeyAReturnAndAMissingDepartmentPassStillBlock() {
        var returned = aProject().reviews(unit(), review(Level.DEPARTMENT, Outcome.RETURN, D2)).build();
        var v = check(returned, Phase.REVIEWED, pack(KEY));
        assertEquals(1, findings(v, "SYNC_REVIEW_TARGET_RETURNED").size());
        Finding f = findings(v, "SYNC_REVIEW_TARGET_NOT_REVIEWED").get(0);
        assertEquals("false", f.figures().get("keyProject"));
    }

    @Test
    void theDefaultScopeAddsNoFigures() {
        var noFinance = aProject().reviews(unit(), review(Level.DEPARTMENT, Outcome.PASS, D2)).build();
        assertEquals(java.util.Set.of("UNIT", "DEPARTMENT", "FINANCE"),
                the("SYNC_REVIEW_TARGET_NOT_REVIEWED", noFinance, Phase.REVIEWED).figures().keySet());
    }

    @Test
    void aBadScopeIsAConfigurationError() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> check(aProject().build(), Phase.REVIEWED, pack("review.finance.scope", "SOME")));
        assertTrue(e.getMessage().contains("'review.finance.scope'"), e::toString);
    }
}
