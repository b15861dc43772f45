package org.perflink.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.perflink.admin.api.AdminOperations;
import org.perflink.admin.api.ExportProgress;
import org.perflink.api.model.ResultKind;
import org.perflink.reports.FakeRulePacks;
import org.perflink.store.PublicRecords;
import org.perflink.store.StoredResult;

/** The long exports: every page of a search in one xlsx with a step per page, a zip of the open data, cancelling. */
class LongExportsTest {

    private static final Instant AT = Instant.parse("2027-03-01T02:00:00Z");
    private final FakeStore store = new FakeStore();
    private final List<String> steps = new ArrayList<>();

    private final PublicRecords records = new PublicRecords() {
        @Override
        public void forEach(String regionCode, int year, String kind, Consumer<PublicRecord> each) {
            each.accept(new PublicRecord(regionCode, year, kind, "440000-2027-000001", "{\"regionCode\":\"440000\","
                    + "\"year\":2027,\"departmentCode\":\"101\",\"departmentName\":\"省教育厅\",\"projectCode\":"
                    + "\"440000-2027-000001\",\"projectName\":\"教育信息化\",\"kind\":\"PROJECT\",\"budgetAmount\":"
                    + "\"100.00\",\"approvedOn\":\"2027-01-25\",\"publishedOn\":\"2027-02-14\",\"overallGoal\":\"目标\","
                    + "\"indicators\":[]}"));
        }

        @Override
        public long count(String regionCode, int year, String kind) {
            return 1;
        }
    };

    private AdminJson api() {
        return new AdminJson(List::of, store, store, store, store, new FakeRulePacks(),
                new RegionConfigEditor(new FakeConfigAdmin(), null), () -> LiveStatus.none(Path.of("x"), "none"),
                Clock.fixed(AT, ZoneOffset.UTC), new ObjectMapper(), records);
    }

    private void verdicts(int n) {
        for (int i = 1; i <= n; i++) {
            String project = String.format("440000-2027-%06d", i);
            store.stored.add(new StoredResult(i, "440000", ResultKind.VERDICT, project + ".PUBLISHED.r1", project,
                    i % 2 == 0 ? StoredResult.DELIVERED : StoredResult.PENDING, "{\"verdictId\":\"" + project
                            + ".PUBLISHED.r1\",\"outcome\":\"PASS\"}", AT, null));
        }
    }

    private ExportProgress recording() {
        return (done, total, what) -> steps.add(done + "/" + total);
    }

    @Test
    void theResultExportReadsEveryPageOfTheSearchWithAStepPerPage() throws IOException {
        verdicts(1_200);
        AdminOperations.Download all = api().export("results.xlsx", "440000", Map.of("state", "PENDING"), recording());
        assertEquals("440000-results-all.xlsx", all.fileName());
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(all.bytes()))) {
            assertEquals(1 + 600, book.getFirstSheet().read().size(), "the header and every pending result");
        }
        assertEquals(List.of("500/1000", "600/600"), steps, "a step per page; the total known on the last one");

        steps.clear();
        api().export("results.xlsx", "440000", Map.of(), recording());
        assertEquals(List.of("500/1000", "1000/1500", "1200/1200"), steps, "no search: the plain list, every page");
    }

    @Test
    void cancellingStopsTheExportBetweenParts() {
        verdicts(1_200);
        ExportProgress cancelAfterFirstPage = new ExportProgress() {
            @Override
            public void step(long done, long total, String what) {
                steps.add(done + "/" + total);
            }

            @Override
            public boolean cancelled() {
                return !steps.isEmpty();
            }
        };
        assertThrows(CancellationException.class,
                () -> api().export("results.xlsx", "440000", Map.of(), cancelAfterFirstPage));
        assertEquals(List.of("500/1000"), steps, "no page read after the cancel");
    }

    @Test
    void theOpenDataExportIsOneZipOfItsFiles() throws IOException {
        AdminOperations.Download zip = api().export("disclosure.zip", "440000", Map.of("year", "2027"), recording());
        assertEquals("440000-2027-disclosure.zip", zip.fileName());
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.bytes()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertTrue(names.contains("440000/2027/targets.csv"), names.toString());
        assertTrue(names.contains("440000/2027/manifest.json"), names.toString());
        assertEquals(Disclosure.FILES.size() + 1, steps.size());
        assertEquals((Disclosure.FILES.size() + 1) + "/" + (Disclosure.FILES.size() + 1), steps.get(steps.size() - 1));
    }

    @Test
    void unknownExportsAndBadParametersAreNamed() {
        var unknown = assertThrows(IllegalArgumentException.class,
                () -> api().export("everything.xlsx", "440000", Map.of(), ExportProgress.NONE));
        assertTrue(unknown.getMessage().contains("results.xlsx"), unknown.getMessage());
        var year = assertThrows(IllegalArgumentException.class,
                () -> api().export("disclosure.zip", "440000", Map.of("year", "27"), ExportProgress.NONE));
        assertTrue(year.getMessage().contains("year"), year.getMessage());
    }
}
