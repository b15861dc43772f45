package org.perflink.admin.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.perflink.reports.TextTable;
import org.perflink.store.DeadLetter;
import org.perflink.store.AuditLog;
import org.perflink.store.DeadLetters;

/**
 * {@code perflink:dead-letters} and {@code perflink:replay}: results the host refused permanently and
 * inputs that could not be handled, with the reason kept, and their replay (re-queued as new outbox rows,
 * recorded in the audit log).
 */
public final class DeadLetterAdmin {

    public static final String REPLAY = "perflink:replay";
    private static final int REASON_WIDTH = 50;

    private final DeadLetters store;
    private final AuditLog audit;

    public DeadLetterAdmin(DeadLetters store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    /** Open dead letters of the regions: by region code, oldest first per region. */
    public List<DeadLetter> open(Collection<String> regionCodes) {
        List<DeadLetter> letters = new ArrayList<>();
        for (String code : new TreeSet<>(regionCodes)) {
            letters.addAll(store.all(code));
        }
        return letters;
    }

    /** Open dead letters of the regions, oldest first per region. */
    public String list(Collection<String> regionCodes, ZoneId zone) {
        TextTable table = TextTable.of("编号 (id)", "区划 (region)", "类型 (kind)", "键 (key)", "HTTP",
                "原因 (reason)", "时间 (created)").alignRight(0, 4).wrap(5, REASON_WIDTH);
        for (DeadLetter d : open(regionCodes)) {
            table.row(d.id(), d.regionCode(), kind(d), d.key(), d.httpStatus() == 0 ? null : d.httpStatus(),
                    d.reason(), Times.format(d.createdAt(), zone));
        }
        if (table.isEmpty()) {
            return "无死信 (no dead letters)" + (regionCodes.size() == 1 ? ": " + regionCodes.iterator().next() : "") + "\n";
        }
        return table.render() + "共 (total) " + table.size() + " 条死信 (dead letters); 重放 (replay): perflink:replay REGION [ID...]\n";
    }

    /**
     * What a replay did: the region's open dead letters before it, how many were asked for (all open ones
     * when no id was given) and how many were re-queued.
     */
    public record Replay(String regionCode, int open, int asked, int requeued) {
    }

    /**
     * Re-queues the region's open dead letters with these ids (all when none is given). Every id must be an
     * open dead letter of the region, so a typo replays nothing rather than something else.
     */
    public String replay(String actor, String regionCode, List<String> idArgs) {
        Replay r = replayIds(actor, regionCode, parseIds(idArgs));
        if (r.open() == 0) {
            return "无死信可重放 (no dead letters to replay): " + regionCode + "\n";
        }
        StringBuilder out = new StringBuilder();
        out.append("已重新排队 (re-queued) ").append(r.requeued()).append(" / ").append(r.asked())
                .append(" 条死信 (dead letters) of ").append(regionCode).append('\n');
        if (r.requeued() < r.asked()) {
            out.append("  其余 ").append(r.asked() - r.requeued()).append(" 条未重新排队 (not re-queued): ")
                    .append("无法处理的输入仍保留 (rejected inputs stay listed); ")
                    .append("已有更新版本的结果被关闭 (a result superseded by a newer version is closed)\n");
        }
        return out.toString();
    }

    /**
     * The replay itself, shared by {@code perflink:replay} and the admin REST API: checks that every id is an
     * open dead letter of the region ({@link IllegalArgumentException} naming the others, nothing replayed),
     * re-queues them (all open ones when {@code ids} is empty) and records it in the audit log. Nothing is
     * replayed nor audited when the region has no open dead letter.
     */
    public Replay replayIds(String actor, String regionCode, List<Long> ids) {
        List<DeadLetter> open = store.all(regionCode);
        Set<Long> openIds = new LinkedHashSet<>();
        for (DeadLetter d : open) {
            openIds.add(d.id());
        }
        List<Long> unknown = new ArrayList<>();
        for (Long id : ids) {
            if (!openIds.contains(id)) {
                unknown.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("不是区划 " + regionCode + " 的未处理死信 (not an open dead letter of region "
                    + regionCode + "): " + unknown + " — 未重放任何死信 (nothing replayed); 查看 (see) perflink:dead-letters "
                    + regionCode);
        }
        if (open.isEmpty()) {
            return new Replay(regionCode, 0, 0, 0);
        }
        int asked = ids.isEmpty() ? open.size() : ids.size();
        int requeued = store.replay(regionCode, ids);
        audit.record(actor, REPLAY, regionCode,
                "open=" + open.size() + ", ids=" + (ids.isEmpty() ? "all" : ids.toString()),
                "requeued=" + requeued);
        return new Replay(regionCode, open.size(), asked, requeued);
    }

    public static List<Long> parseIds(List<String> args) {
        List<Long> ids = new ArrayList<>();
        if (args == null) {
            return ids;
        }
        for (String arg : args) {
            for (String part : arg.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    ids.add(Long.parseLong(part.strip()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("死信编号须为数字 (a dead-letter id is a number): '" + part.strip() + "'");
                }
            }
        }
        return ids;
    }

    private static String kind(DeadLetter d) {
        return DeadLetter.INPUT.equals(d.kind()) ? "INPUT 输入" : d.kind();
    }
}
