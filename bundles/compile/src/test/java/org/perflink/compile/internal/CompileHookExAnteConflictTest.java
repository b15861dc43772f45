package org.perflink.compile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.perflink.compile.internal.TestProjects.aProject;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.perflink.api.host.HostException;
import org.perflink.api.host.HostGateway;
import org.perflink.api.host.Page;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.Evaluator;
import org.perflink.api.model.ExAnte;
import org.perflink.api.model.Finding;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;
import org.perflink.api.model.Verdict;
import org.perflink.api.rules.RulePack;
import org.perflink.api.testing.FakeHost;
import org.perflink.api.testing.RecordingContext;

/**
 * The hook reads the host's evaluator registry for {@code EVALUATOR_CONFLICT} on ex-ante assessments: once per event,
 * only when an assessment names evaluators, only from a 1.1 host; a registry the host cannot serve retries the event.
 */
class CompileHookExAnteConflictTest {

    private static final OffsetDateTime OCCURRED = OffsetDateTime.parse("2026-10-15T10:00:00+08:00");
    private static CompileHook hook;

    @BeforeAll
    static void open() {
        hook = new CompileHook(new TargetChecker(TestProjects.library()));
    }

    @AfterAll
    static void close() {
        hook.deactivate();
    }

    /** A host whose registry holds one expert, employed by department 101 until 2024. */
    private static final class RegistryHost extends FakeHost {
        int registryPulls;
        HostException failure;

        @Override
        public Page<Parsed<Evaluator>> evaluators(String regionCode, String cursor, int limit) throws HostException {
            registryPulls++;
            if (failure != null) {
                throw failure;
            }
            Evaluator expert = new Evaluator("EXP-0042", Evaluator.Kind.EXPERT, null, null, null, List.of("205"),
                    Evaluator.Status.ACTIVE, List.of(new Evaluator.Tie("101", null, Evaluator.Tie.Relation.EMPLOYED,
                            LocalDate.of(2012, 9, 1), LocalDate.of(2024, 8, 31))));
            return new Page<>(List.of(Parsed.ok(expert, "EXP-0042", 0)), null);
        }
    }

    private static Project assessed(String code, String... evaluators) {
        return aProject().code(code).isNew().budget("5000000.00").exAnte(new ExAnte(ExAnte.Status.DONE,
                ExAnte.Conclusion.SUPPORT, LocalDate.of(2026, 9, 20), ExAnte.Level.FINANCE, null, List.of(evaluators)))
                .build();
    }

    private static RegistryHost host(String contract, Project... projects) {
        RegistryHost host = new RegistryHost();
        host.contract = contract;
        for (Project p : projects) {
            host.project(p);
        }
        return host;
    }

    private static RecordingContext handle(HostGateway host, Phase phase, List<String> codes) throws HostException {
        RecordingContext context = new RecordingContext(new StageEvent(7, "ev-440000-7", "440000", 2027, Stage.COMPILE,
                phase, codes, OCCURRED, null), RulePack.DEFAULT, host);
        hook.handle(context);
        return context;
    }

    private static List<String> ruleIds(RecordingContext context, int i) {
        return ((Verdict) context.emitted.get(i).body()).findings().stream().map(Finding::ruleId).toList();
    }

    @Test
    void aV11HostsRegistryIsPulledOnceAndTheConflictVoidsTheAssessment() throws HostException {
        RegistryHost host = host(HostGateway.CONTRACT_1_1, assessed("440000-2027-000001", "EXP-0042"),
                assessed("440000-2027-000002", "EXP-0042"), assessed("440000-2027-000003", "EXP-0107"));
        RecordingContext context = handle(host, Phase.DECLARED, List.of());
        assertEquals(1, host.registryPulls);
        assertEquals(List.of("EX_ANTE_REQUIRED", "EVALUATOR_CONFLICT"), ruleIds(context, 0));
        assertEquals(List.of("EX_ANTE_REQUIRED", "EVALUATOR_CONFLICT"), ruleIds(context, 1));
        assertEquals(List.of(), ruleIds(context, 2)); // EXP-0107 is not in the registry: nothing to hold against it
        RecordingContext library = handle(host, Phase.LIBRARY, List.of("440000-2027-000001"));
        assertEquals(List.of("LIBRARY_EX_ANTE_DEPARTMENT_REQUIRED", "LIBRARY_EX_ANTE_FINANCE_REQUIRED",
                "EVALUATOR_CONFLICT"), ruleIds(library, 0));
    }

    @Test
    void noPullWhenNoAssessmentNamesEvaluatorsNorFromAV10Host() throws HostException {
        RegistryHost nobodyNamed = host(HostGateway.CONTRACT_1_1, assessed("440000-2027-000001"));
        assertEquals(List.of(), ruleIds(handle(nobodyNamed, Phase.DECLARED, List.of()), 0));
        assertEquals(0, nobodyNamed.registryPulls);
        RegistryHost v10 = host(HostGateway.CONTRACT_1_0, assessed("440000-2027-000001", "EXP-0042"));
        assertEquals(List.of(), ruleIds(handle(v10, Phase.PUBLISHED, List.of()), 0));
        assertEquals(0, v10.registryPulls);
    }

    @Test
    void aRegistryTheHostCannotServeRetriesTheEvent() {
        RegistryHost host = host(HostGateway.CONTRACT_1_1, assessed("440000-2027-000001", "EXP-0042"));
        host.failure = new HostException("registry unavailable");
        HostException e = assertThrows(HostException.class,
                () -> handle(host, Phase.DECLARED, List.of()));
        assertEquals("registry unavailable", e.getMessage());
    }
}
