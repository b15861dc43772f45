package org.perflink.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perflink.store.AuditEntry;
import org.perflink.store.DeadLetter;

class DeadLetterAdminTest {

    private FakeStore store;
    private DeadLetterAdmin admin;

    @BeforeEach
    void setUp() {
        store = new FakeStore();
        admin = new DeadLetterAdmin(store, store);
        store.letter(7, "440000", "VERDICT", "440000-2027-000101.DECLARED.r1", 422, "字段 target.phase 不合法 (invalid)");
        store.letter(8, "440000", DeadLetter.INPUT, "p-x", 0, "project without a readable projectCode");
        store.letter(9, "440100", "WARNING", "w-1", 409, "conflict");
    }

    @Test
    void listsEveryRegionsLettersWithTheReason() {
        String out = admin.list(Set.of("440100", "440000"), ZoneOffset.UTC);
        List<String> lines = out.lines().toList();
        assertTrue(lines.get(2).contains("440000-2027-000101.DECLARED.r1") && lines.get(2).contains("422")
                && lines.get(2).contains("字段 target.phase 不合法 (invalid)") && lines.get(2).contains("2027-03-01 08:00:00"), out);
        assertTrue(lines.get(3).contains("INPUT 输入") && lines.get(3).contains(" - "), "an input has no HTTP status:\n" + out);
        assertTrue(lines.get(4).contains("440100"), out);
        assertTrue(out.contains("共 (total) 3 条死信"), out);
        assertEquals("无死信 (no dead letters): 440300\n", admin.list(Set.of("440300"), ZoneOffset.UTC));
    }

    @Test
    void replayingAllReQueuesResultsKeepsInputsAndIsAudited() {
        String out = admin.replay("erin", "440000", List.of());

        assertEquals(List.of(List.of()), store.replays);
        assertTrue(out.contains("已重新排队 (re-queued) 1 / 2") && out.contains("rejected inputs stay listed"), out);
        AuditEntry a = store.audits.get(0);
        assertEquals("erin", a.actor());
        assertEquals(DeadLetterAdmin.REPLAY, a.action());
        assertEquals("440000", a.target());
        assertEquals("open=2, ids=all", a.before());
        assertEquals("requeued=1", a.after());
    }

    @Test
    void replayingNamedIdsReplaysJustThose() {
        String out = admin.replay("erin", "440000", List.of("7"));
        assertEquals(List.of(List.of(7L)), store.replays);
        assertTrue(out.startsWith("已重新排队 (re-queued) 1 / 1"), out);
        assertEquals("open=2, ids=[7]", store.audits.get(0).before());
    }

    @Test
    void anIdOfAnotherRegionOrATypoReplaysNothing() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> admin.replay("erin", "440000", List.of("7,9")));
        assertTrue(e.getMessage().contains("[9]") && e.getMessage().contains("nothing replayed"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> admin.replay("erin", "440000", List.of("seven")));
        assertTrue(store.replays.isEmpty());
        assertTrue(store.audits.isEmpty());
    }

    @Test
    void nothingToReplayIsSaidAndNotAudited() {
        assertEquals("无死信可重放 (no dead letters to replay): 440300\n", admin.replay("erin", "440300", null));
        assertTrue(store.audits.isEmpty());
    }
}
