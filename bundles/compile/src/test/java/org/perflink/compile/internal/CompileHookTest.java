package org.perflink.compile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perflink.compile.internal.TestProjects.aProject;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perflink.api.hook.ResultHistory;
import org.perflink.api.hook.StageContext;
import org.perflink.api.host.HostException;
import org.perflink.api.testing.FakeHost;
import org.perflink.api.testing.RecordingContext;
import org.perflink.api.host.HostGateway;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.Finding;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.ResultKind;
import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;
import org.perflink.api.model.Verdict;
import org.perflink.api.rules.RulePack;
import org.perflink.compile.internal.TargetChecker;
import org.perflink.compile.internal.TestProjects;

/** The hook against a fake host: paging, chunked codes, bad items, failures. */
class CompileHookTest {

    private static final OffsetDateTime OCCURRED = OffsetDateTime.parse("2026-11-02T09:30:00+08:00");

    private CompileHook hook;

    @BeforeEach
    void activate() {
        hook = new CompileHook(new TargetChecker(TestProjects.library()));
    }

    @AfterEach
    void deactivate() {
        hook.deactivate();
    }

    /** The verdicts emitted, in order. */
    private static List<Verdict> verdicts(RecordingContext context) {
        return context.bodies(Verdict.class);
    }

    /** A host with a fixed list of project items, served in pages of {@code pageSize}. */
    private static FakeHost host(List<Parsed<Project>> items, int pageSize) {
        FakeHost host = new FakeHost().maxPageSize(FakeHost.Feed.PROJECTS, pageSize);
        items.forEach(host::project);
        return host;
    }

    /** One project request, as asked. */
    record Request(List<String> codes, String cursor, int limit) {
    }

    private static List<Request> requests(FakeHost host) {
        return host.calls(FakeHost.Feed.PROJECTS).stream().map(c -> new Request(c.codes(), c.cursor(), c.limit())).toList();
    }

    private static StageEvent event(Phase phase, List<String> codes) {
        return new StageEvent(41, "ev-440000-41", "440000", 2027, Stage.COMPILE, phase, codes, OCCURRED, null);
    }

    private static Parsed<Project> ok(Project p) {
        return Parsed.ok(p, p.projectCode(), p.revision());
    }

    private static String code(int i) {
        return String.format("440000-2027-%06d", i);
    }

    @Test
    void streamsEveryPageAndGivesEachIdentifiedItemAVerdict() throws HostException {
        List<Parsed<Project>> items = new ArrayList<>();
        IntStream.rangeClosed(1, 5).forEach(i -> items.add(ok(aProject().code(code(i)).build())));
        items.add(3, Parsed.invalid(code(6), 2, "budgetAmount", "not a decimal: '5,000,000'"));
        items.add(Parsed.invalid(null, 0, "projectCode", "missing"));
        FakeHost host = host(items, 3);
        RecordingContext context = new RecordingContext(event(Phase.REVIEWED, List.of()), RulePack.DEFAULT, host);

        hook.handle(context);

        assertEquals(List.of(new Request(List.of(), null, 200), new Request(List.of(), "3", 200),
                new Request(List.of(), "6", 200)), requests(host));
        assertEquals(6, context.emitted.size());
        assertTrue(context.emitted.stream().allMatch(r -> r.kind() == ResultKind.VERDICT && r.regionCode().equals("440000")));
        Verdict invalid = verdicts(context).get(3);
        assertEquals(code(6) + ".REVIEWED.r2", invalid.verdictId());
        assertEquals(Verdict.Outcome.BLOCK, invalid.outcome());
        Finding f = invalid.findings().get(0);
        assertEquals("INPUT_INVALID", f.ruleId());
        assertEquals("budgetAmount", f.path());
        assertEquals(Map.of("error", "not a decimal: '5,000,000'"), f.figures());
        assertEquals(1, context.rejected.size());
        assertNull(context.rejected.get(0).key());
        assertTrue(context.rejected.get(0).reason().contains("projectCode"), context.rejected::toString);
        assertNull(context.rejected.get(0).payload());
        assertEquals(5, verdicts(context).stream().filter(v -> v.outcome() == Verdict.Outcome.PASS).count());
    }

    /** Projects of every outcome: PASS, a blank goal, an invalid item, an unidentified one, a missing target. */
    private static List<Parsed<Project>> mixedPage(int n) {
        List<Parsed<Project>> items = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            items.add(switch (i % 5) {
                case 1 -> ok(aProject().code(code(i)).goal("").build());
                case 2 -> Parsed.invalid(code(i), 3, "budgetAmount", "not a decimal: 'x" + i + "'");
                case 3 -> i % 10 == 3 ? Parsed.invalid(null, 0, "projectCode", "missing #" + i)
                        : ok(aProject().code(code(i)).noTarget().build());
                default -> ok(aProject().code(code(i)).budget(String.valueOf(1_000_000 + i)).build());
            });
        }
        return items;
    }

    @Test
    void aPageCheckedOnEveryCoreGivesTheVerdictsOfOneProjectAtATimeInTheSameOrder() throws HostException {
        List<Parsed<Project>> items = mixedPage(400);
        RecordingContext whole = new RecordingContext(event(Phase.PUBLISHED, List.of()), RulePack.DEFAULT, host(items, 200));
        RecordingContext oneByOne = new RecordingContext(event(Phase.PUBLISHED, List.of()), RulePack.DEFAULT, host(items, 1));

        hook.handle(whole);
        hook.handle(oneByOne);

        assertEquals(360, whole.emitted.size(), "every identified item has its verdict");
        assertEquals(oneByOne.emitted, whole.emitted, "same verdicts, same bodies, same order");
        assertEquals(oneByOne.rejected, whole.rejected);
        assertEquals(items.stream().filter(Parsed::identified).map(Parsed::key).toList(),
                verdicts(whole).stream().map(Verdict::projectCode).toList(), "in the page's order");
    }

    @Test
    void manyCodesAreAskedForInChunksOfAtMostAHundred() throws HostException {
        List<Parsed<Project>> items = IntStream.rangeClosed(1, 250).mapToObj(i -> ok(aProject().code(code(i)).build())).toList();
        List<String> codes = new ArrayList<>(IntStream.rangeClosed(1, 250).mapToObj(CompileHookTest::code).toList());
        codes.add(code(7)); // a repeated code is asked for once
        FakeHost host = host(items, 40);
        RecordingContext context = new RecordingContext(event(Phase.DECLARED, codes), RulePack.DEFAULT, host);

        hook.handle(context);

        assertEquals(List.of(100, 100, 50), requests(host).stream().filter(r -> r.cursor() == null)
                .map(r -> r.codes().size()).toList());
        assertTrue(requests(host).stream().allMatch(r -> r.codes().size() <= 100 && r.limit() == 200));
        assertEquals(3 + 3 + 2, requests(host).size(), "pages of 40: 100 codes take 3 requests, 50 take 2");
        assertEquals(IntStream.rangeClosed(1, 250).mapToObj(CompileHookTest::code).toList(),
                verdicts(context).stream().map(Verdict::projectCode).toList());
    }

    @Test
    void verdictsCarryTheEventsPhaseAndTimeSoHandlingTwiceGivesTheSame() throws HostException {
        FakeHost host = host(List.of(ok(aProject().goal("").build())), 200);
        RecordingContext first = new RecordingContext(event(Phase.APPROVED, List.of()), RulePack.DEFAULT, host);
        RecordingContext second = new RecordingContext(event(Phase.APPROVED, List.of()), RulePack.DEFAULT, host);
        hook.handle(first);
        hook.handle(second);
        Verdict v = verdicts(first).get(0);
        assertEquals(Phase.APPROVED, v.phase());
        assertEquals(OCCURRED, v.checkedAt());
        assertEquals(Verdict.Outcome.WARN, v.outcome());
        assertEquals(first.emitted, second.emitted);
    }

    @Test
    void oneProjectWhoseCheckFailsDoesNotStopTheOthers() throws HostException {
        // the threshold is read for new or major projects only, so only the new one fails
        RulePack broken = new RulePack("440000", "3", Map.of("exAnte.threshold", "五百万"), RulePack.DEFAULT);
        FakeHost host = host(List.of(ok(aProject().code(code(1)).build()),
                ok(aProject().code(code(2)).isNew().build()), ok(aProject().code(code(3)).build())), 200);
        RecordingContext context = new RecordingContext(event(Phase.DECLARED, List.of()), broken, host);

        hook.handle(context);

        assertEquals(List.of(Verdict.Outcome.PASS, Verdict.Outcome.BLOCK, Verdict.Outcome.PASS),
                verdicts(context).stream().map(Verdict::outcome).toList());
        assertEquals("CHECK_FAILED", verdicts(context).get(1).findings().get(0).ruleId());
        assertEquals("440000@3", verdicts(context).get(1).rulePack());
    }

    @Test
    void aHostThatCannotAnswerRollsTheEventBack() {
        FakeHost host = host(List.of(), 200);
        HostException failure = new HostException("503 from host");
        host.fail(FakeHost.Feed.PROJECTS, failure);
        RecordingContext context = new RecordingContext(event(Phase.DECLARED, List.of()), RulePack.DEFAULT, host);
        assertSame(failure, assertThrows(HostException.class, () -> hook.handle(context)));
        assertEquals(List.of(), context.emitted);
    }

    @Test
    void eventsOfOtherStagesAreNotItsBusiness() throws HostException {
        FakeHost host = host(List.of(ok(aProject().build())), 200);
        RecordingContext context = new RecordingContext(new StageEvent(42, "ev-440000-42", "440000", 2027, Stage.EXECUTE, Phase.MONITOR,
                List.of(), OCCURRED, java.time.LocalDate.of(2027, 7, 31)), RulePack.DEFAULT, host);
        hook.handle(context);
        assertEquals(List.of(), requests(host));
        assertEquals(Stage.COMPILE, hook.stage());
    }

    @Test
    void theComponentReadsTheLibraryNamedInItsConfiguration(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException, HostException {
        Path file = dir.resolve("perflink-indicator-library.json");
        Files.writeString(file, "{\"2050202\": [{\"name\": \"改造学校数量\", \"unit\": \"所\"}]}");
        System.setProperty("perflink.test.etc", dir.toString());
        CompileHook configured;
        try {
            configured = new CompileHook(config("${perflink.test.etc}/perflink-indicator-library.json"));
        } finally {
            System.clearProperty("perflink.test.etc");
        }
        try {
            RecordingContext context = new RecordingContext(event(Phase.DECLARED, List.of()), RulePack.DEFAULT,
                    host(List.of(ok(aProject().build())), 200));
            configured.handle(context);
            // the five indicators other than 改造学校数量 are not in this library
            assertEquals(5, verdicts(context).get(0).findings().stream()
                    .filter(f -> f.ruleId().equals("LIBRARY_UNKNOWN_INDICATOR")).count());
        } finally {
            configured.deactivate();
        }
    }

    @Test
    void aMissingOrBrokenLibraryFileIsAnEmptyLibrary(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        assertTrue(CompileHook.loadLibrary(dir.resolve("absent.json").toString()).isEmpty());
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"2050202\": [");
        assertTrue(CompileHook.loadLibrary(broken.toString()).isEmpty());
    }

    @Test
    void placeholdersAreSystemProperties() {
        System.setProperty("perflink.test.etc", "/opt/karaf/etc");
        try {
            assertEquals("/opt/karaf/etc/lib.json", CompileHook.resolve("${perflink.test.etc}/lib.json"));
            assertEquals("${perflink.no.such}/lib.json", CompileHook.resolve("${perflink.no.such}/lib.json"));
        } finally {
            System.clearProperty("perflink.test.etc");
        }
    }

    @Test
    void theComponentDescriptionRegistersACompileHookWithTheLibraryPid() throws IOException {
        String xml = Files.readString(Path.of("target/classes/OSGI-INF/" + CompileHook.class.getName() + ".xml"));
        assertTrue(xml.contains("configuration-pid=\"org.perflink.indicators\""), xml);
        assertTrue(xml.matches("(?s).*name=\"perflink.stage\"[^>]*value=\"COMPILE\".*"), xml);
        assertTrue(xml.contains("org.perflink.api.hook.StageHook"), xml);
    }

    private static CompileHook.Config config(String file) {
        return new CompileHook.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return CompileHook.Config.class;
            }

            @Override
            public String file() {
                return file;
            }
        };
    }
}
