package org.perflink.compile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.perflink.compile.internal.TestProjects.aProject;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;
import org.perflink.api.rules.RulePack;
import org.perflink.api.testing.FakeHost;
import org.perflink.api.testing.RecordingContext;

/** rules.md §9: the compile stage keeps each published target's public fields, and nothing of a confidential project. */
class PublicTargetTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static List<String> names(Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void aPublishedTargetKeepsExactlyThePublicFieldsAsStrings() throws Exception {
        JsonNode t = MAPPER.readTree(PublicTarget.of(aProject().budget("2500000.00").build()));
        assertEquals(PublicTarget.FIELDS, names(t.fieldNames()));
        assertEquals("2500000.00", t.get("budgetAmount").textValue());
        assertEquals("2027-01-20", t.get("approvedOn").textValue());
        assertEquals("2027-02-05", t.get("publishedOn").textValue());
        assertEquals("义务教育薄弱环节改善", t.get("projectName").textValue());
        assertEquals("省教育厅", t.get("departmentName").textValue());
        assertEquals(6, t.get("indicators").size());
        JsonNode first = t.get("indicators").get(0);
        assertEquals(PublicTarget.INDICATOR_FIELDS, names(first.fieldNames()));
        assertEquals("I1", first.get("indicatorCode").textValue());
        assertEquals("12", first.get("value").textValue());
        assertEquals("所", first.get("unit").textValue());
        assertEquals("GE", first.get("operator").textValue());
    }

    @Test
    void aConfidentialProjectOrAnUnpublishedTargetHasNoPublicRecord() {
        assertNull(PublicTarget.of(aProject().confidential().build()));
        assertNull(PublicTarget.of(aProject().targetPhase(Phase.APPROVED).build()));
        assertNull(PublicTarget.of(aProject().noTarget().build()));
    }

    /** Captures what the hook keeps. */
    private static final class KeepingContext extends RecordingContext {
        final List<String> kept = new ArrayList<>();

        KeepingContext(Phase phase, FakeHost host) {
            super(new StageEvent(41, "ev-440000-41", "440000", 2027, Stage.COMPILE, phase, List.of(),
                    OffsetDateTime.parse("2027-02-20T09:00:00+08:00"), null), RulePack.DEFAULT, host);
        }

        @Override
        public void keepPublic(String kind, int year, String projectCode, String json) {
            kept.add(kind + " " + year + " " + projectCode + " " + (json == null ? "withdrawn" : "kept"));
        }
    }

    @Test
    void thePublishedEventKeepsOrWithdrawsEachProjectsRecordAndEarlierPhasesKeepNone() throws Exception {
        CompileHook hook = new CompileHook(new TargetChecker(TestProjects.library()));
        try {
            FakeHost host = new FakeHost();
            for (Project p : List.of(aProject().code("440000-2027-000001").build(),
                    aProject().code("440000-2027-000002").confidential().build(),
                    aProject().code("440000-2027-000003").targetPhase(Phase.APPROVED).build())) {
                host.project(Parsed.ok(p, p.projectCode(), p.revision()));
            }
            KeepingContext published = new KeepingContext(Phase.PUBLISHED, host);
            hook.handle(published);
            assertEquals(List.of("TARGET 2027 440000-2027-000001 kept", "TARGET 2027 440000-2027-000002 withdrawn",
                    "TARGET 2027 440000-2027-000003 withdrawn"), published.kept);
            assertEquals(3, published.emitted.size(), "each project still has its verdict");

            KeepingContext approved = new KeepingContext(Phase.APPROVED, host);
            hook.handle(approved);
            assertEquals(List.of(), approved.kept);
        } finally {
            hook.deactivate();
        }
    }
}
