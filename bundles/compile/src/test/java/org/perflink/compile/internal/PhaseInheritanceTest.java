package org.perflink.compile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perflink.compile.internal.TestProjects.APPROVED_ON;
import static org.perflink.compile.internal.TestProjects.PUBLISHED_ON;
import static org.perflink.compile.internal.TestProjects.aProject;
import static org.perflink.compile.internal.TestProjects.indicator;
import static org.perflink.compile.internal.TestProjects.review;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.perflink.api.model.ExAnte.Conclusion;
import org.perflink.api.model.ExAnte.Status;
import org.perflink.api.model.Grade;
import org.perflink.api.model.Indicator.Level1;
import org.perflink.api.model.Indicator.Level2;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.Review.Level;
import org.perflink.api.model.Review.Outcome;

/**
 * Every rule fires from its phase on (DECLARED ⊂ REVIEWED ⊂ APPROVED ⊂ PUBLISHED) and not before, on a
 * project that breaks it; the complete project breaks none.
 */
class PhaseInheritanceTest extends CheckerTestSupport {

    /** One project per rule that breaks it. */
    private static final Map<String, Project> BREAKING = Map.ofEntries(
            Map.entry("SYNC_COMPILE_TARGET_MISSING", aProject().noTarget().build()),
            Map.entry("SYNC_REVIEW_TARGET_NOT_REVIEWED", aProject().targetPhase(Phase.DECLARED).build()),
            Map.entry("SYNC_REVIEW_TARGET_RETURNED", aProject().reviews(
                    review(Level.UNIT, Outcome.PASS, LocalDate.of(2026, 10, 10)),
                    review(Level.DEPARTMENT, Outcome.PASS, LocalDate.of(2026, 10, 20)),
                    review(Level.FINANCE, Outcome.RETURN, LocalDate.of(2026, 10, 28))).build()),
            Map.entry("SYNC_APPROVE_TARGET_NOT_APPROVED", aProject().targetPhase(Phase.REVIEWED).build()),
            Map.entry("SYNC_APPROVE_DATE_MISMATCH", aProject().targetDate(Phase.APPROVED, APPROVED_ON.plusDays(1)).build()),
            Map.entry("SYNC_PUBLISH_TARGET_NOT_PUBLISHED", aProject().targetPhase(Phase.APPROVED).build()),
            Map.entry("SYNC_PUBLISH_DATE_MISMATCH", aProject().targetDate(Phase.PUBLISHED, PUBLISHED_ON.plusDays(1)).build()),
            Map.entry("DISCLOSE_LATE", aProject().targetDate(Phase.PUBLISHED, APPROVED_ON.plusDays(21)).build()),
            Map.entry("EX_ANTE_REQUIRED", aProject().isNew().budget("5000000.00").build()),
            Map.entry("EX_ANTE_NOT_SUPPORTED", aProject().exAnte(Status.DONE, Conclusion.NOT_SUPPORT).build()),
            Map.entry("INDICATOR_OUTPUT_MISSING", aProject().remove("I1").remove("I2").remove("I3").build()),
            Map.entry("INDICATOR_BENEFIT_MISSING", aProject().remove("B1").build()),
            Map.entry("INDICATOR_SATISFACTION_MISSING", aProject().remove("S1").build()),
            Map.entry("INDICATOR_OUTPUT_DIMENSION_MISSING", aProject().remove("I3").build()),
            Map.entry("INDICATOR_COST_MISSING", aProject().remove("C1").build()),
            Map.entry("INDICATOR_QUANT_INCOMPLETE", aProject().change("I1", i -> i.unit(null)).build()),
            Map.entry("INDICATOR_QUANT_SHARE_LOW", aProject().change("I2", i -> i.qualitative("达标"))
                    .change("I3", i -> i.qualitative("按期")).change("B1", i -> i.qualitative("增加"))
                    .change("S1", i -> i.qualitative("满意")).build()),
            Map.entry("INDICATOR_DUPLICATE", aProject().add(indicator("I1", Level1.OUTPUT, Level2.QUANTITY, "改造学校数量")
                    .ge("1", "所")).build()),
            Map.entry("INDICATOR_VALUE_SOURCE_MISSING", aProject().change("S1", i -> i.valueSource(null)).build()),
            Map.entry("COST_EXCEEDS_BUDGET", aProject().change("C1", i -> i.le("1000", "万元")).build()),
            Map.entry("WEIGHTS_INVALID", aProject().change("I1", i -> i.weight("25")).build()),
            Map.entry("GOAL_MISSING", aProject().goal("").build()),
            Map.entry("LIBRARY_UNKNOWN_INDICATOR", aProject().change("B1", i -> i.name("受益学生人数")).build()),
            Map.entry("LIBRARY_UNIT_MISMATCH", aProject().change("I1", i -> i.ge("12", "个")).build()),
            Map.entry("LIBRARY_VALUE_TOO_EASY", aProject().change("I1", i -> i.ge("9", "所")).build()),
            Map.entry("LIBRARY_VALUE_OUT_OF_RANGE", aProject().change("I2", i -> i.ge("85", "%")).build()),
            Map.entry("REVIEW_GRADE_POOR", aProject().reviews(review(Level.UNIT, Outcome.PASS, LocalDate.of(2026, 10, 10)),
                    review(Level.DEPARTMENT, Outcome.PASS, LocalDate.of(2026, 10, 20)),
                    review(Level.FINANCE, Outcome.PASS, LocalDate.of(2026, 10, 28), Grade.POOR)).build()),
            Map.entry("REVIEW_GRADE_MEDIUM", aProject().reviews(review(Level.UNIT, Outcome.PASS, LocalDate.of(2026, 10, 10)),
                    review(Level.DEPARTMENT, Outcome.PASS, LocalDate.of(2026, 10, 20), Grade.MEDIUM),
                    review(Level.FINANCE, Outcome.PASS, LocalDate.of(2026, 10, 28))).build()));

    /**
     * The rules of the DECLARED..PUBLISHED chain; the LIBRARY and ADJUST rules (§7, §8) stand apart and are
     * tested at their own phase in {@link LibraryAdmissionRulesTest} and {@link AdjustRulesTest}.
     */
    static Stream<TargetChecker.RuleInfo> rules() {
        return TargetChecker.rules().stream().filter(r -> r.phase().atLeast(Phase.DECLARED));
    }

    @Test
    void everyRuleHasAProjectThatBreaksIt() {
        assertEquals(rules().map(TargetChecker.RuleInfo::ruleId).collect(Collectors.toSet()),
                BREAKING.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void aRuleFiresFromItsPhaseOnAndNotBefore(TargetChecker.RuleInfo rule) {
        Project breaking = BREAKING.get(rule.ruleId());
        assertFalse(findings(breaking, rule.phase(), rule.ruleId()).isEmpty(), "fires at " + rule.phase());
        assertFalse(findings(breaking, Phase.PUBLISHED, rule.ruleId()).isEmpty(), "fires at PUBLISHED");
        if (rule.phase() != Phase.DECLARED) {
            Phase before = Phase.values()[rule.phase().ordinal() - 1];
            assertTrue(findings(breaking, before, rule.ruleId()).isEmpty(), "silent at " + before);
        }
        assertTrue(findings(aProject().build(), Phase.PUBLISHED, rule.ruleId()).isEmpty(), "complete project");
        assertEquals(rule.defaultSeverity(), findings(breaking, Phase.PUBLISHED, rule.ruleId()).get(0).severity());
    }

    @Test
    void aReviewedCheckAlsoRunsTheDeclaredRules() {
        Set<String> reviewed = Set.copyOf(ruleIds(check(aProject().goal("").targetPhase(Phase.DECLARED).build(),
                Phase.REVIEWED)));
        assertEquals(Set.of("GOAL_MISSING", "SYNC_REVIEW_TARGET_NOT_REVIEWED"), reviewed);
    }

    @Test
    void aDeclaredCheckDoesNotRunTheReviewedRules() {
        assertEquals(java.util.List.of("GOAL_MISSING"),
                ruleIds(check(aProject().goal("").targetPhase(Phase.DECLARED).build(), Phase.DECLARED)));
    }
}
