package org.perflink.compile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.perflink.api.model.Finding;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.Verdict;
import org.perflink.api.rules.RulePack;

/** One checker (with the test library) per test class, and short ways to ask what fired. */
abstract class CheckerTestSupport {

    static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-02T09:30:00+08:00");

    static TargetChecker checker;

    @BeforeAll
    static void openChecker() {
        checker = new TargetChecker(TestProjects.library());
    }

    @AfterAll
    static void closeChecker() {
        checker.close();
    }

    static Verdict check(Project project, Phase phase) {
        return checker.check(project, phase, RulePack.DEFAULT, AT);
    }

    static Verdict check(Project project, Phase phase, RulePack pack) {
        return checker.check(project, phase, pack, AT);
    }

    /** A pack over the default one with these overrides, e.g. {@code pack("sync.approve.toleranceDays", "1")}. */
    static RulePack pack(String... keyValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return new RulePack("440000", "2", values, RulePack.DEFAULT);
    }

    static List<Finding> findings(Project project, Phase phase, String ruleId) {
        return findings(check(project, phase), ruleId);
    }

    static List<Finding> findings(Verdict verdict, String ruleId) {
        return verdict.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    static List<String> ruleIds(Verdict verdict) {
        return verdict.findings().stream().map(Finding::ruleId).toList();
    }

    /** The one finding of the rule; fails when it fired never or more than once. */
    static Finding the(String ruleId, Project project, Phase phase) {
        List<Finding> found = findings(project, phase, ruleId);
        assertEquals(1, found.size(), () -> ruleId + " should fire once: " + check(project, phase).findings());
        return found.get(0);
    }

    static void assertNone(String ruleId, Project project, Phase phase) {
        List<Finding> found = findings(project, phase, ruleId);
        assertTrue(found.isEmpty(), () -> ruleId + " should not fire: " + found);
    }
}
