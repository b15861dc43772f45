package org.perflink.api.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.perflink.api.hook.LowerRegions;
import org.perflink.api.hook.ResultHistory;
import org.perflink.api.hook.StageContext;
import org.perflink.api.host.HostGateway;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.StageEvent;
import org.perflink.api.model.Warning;
import org.perflink.api.rules.RulePack;

/**
 * A stage context for hook tests: records what the hook emits and rejects and how often it checkpoints; the
 * history is the warnings a test puts in {@link #history}, or a {@link ResultHistory} it sets. Its
 * {@link StageContext#inputs() inputs()} page the given host (a {@link FakeHost}) as the engine's do, each page counted
 * in {@link #checkpoints} and each unusable close input in {@link #rejected}.
 */
public class RecordingContext implements StageContext {

    /** One rejected item. */
    public record Rejection(String key, String reason, String payload) {
    }

    /** One {@link StageContext#keepPublic} call; a null json withdraws the record. */
    public record Kept(String kind, int year, String projectCode, String json) {
    }

    private final StageEvent event;
    private final RulePack pack;
    private final HostGateway host;
    public final List<HostResult> emitted = new ArrayList<>();
    public final List<Rejection> rejected = new ArrayList<>();
    /** The public records kept or withdrawn, in order. */
    public final List<Kept> kept = new ArrayList<>();
    /** Warnings written in earlier rounds, by project. */
    public final Map<String, List<Warning>> history = new HashMap<>();
    private ResultHistory results = projectCode -> history.getOrDefault(projectCode, List.of());
    private Consumer<HostResult> checkEmitted = r -> { };
    public int checkpoints;
    private LowerRegions lowerRegions = LowerRegions.NONE;
    private boolean refuseDuplicateRejections;

    public RecordingContext(StageEvent event, RulePack pack, HostGateway host) {
        this.event = event;
        this.pack = pack;
        this.host = host;
    }

    /** Replaces the history with this one. */
    public RecordingContext history(ResultHistory history) {
        this.results = history;
        return this;
    }

    /** The lower regions this context shows (none by default). */
    public RecordingContext lowerRegions(LowerRegions lowerRegions) {
        this.lowerRegions = lowerRegions;
        return this;
    }

    @Override
    public LowerRegions lowerRegions() {
        return lowerRegions;
    }

    /** Runs a check on every result as it is emitted (e.g. that a stage emits only its own kind). */
    public RecordingContext checkEmitted(Consumer<HostResult> check) {
        this.checkEmitted = check;
        return this;
    }

    /** Makes a second rejection of the same key fail at once (a hook should reject an item once). */
    public RecordingContext refuseDuplicateRejections() {
        this.refuseDuplicateRejections = true;
        return this;
    }

    /** The bodies emitted of one type, in order. */
    public <T> List<T> bodies(Class<T> type) {
        return emitted.stream().map(HostResult::body).filter(type::isInstance).map(type::cast).toList();
    }

    /** Reasons by key, in the order rejected; a key rejected twice is an error of the hook. */
    public Map<String, String> rejectedByKey() {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (Rejection r : rejected) {
            if (byKey.put(r.key(), r.reason()) != null) {
                throw new AssertionError("rejected twice: " + r.key());
            }
        }
        return byKey;
    }

    @Override
    public StageEvent event() {
        return event;
    }

    @Override
    public RulePack rulePack() {
        return pack;
    }

    @Override
    public HostGateway host() {
        return host;
    }

    @Override
    public void emit(HostResult result) {
        checkEmitted.accept(result);
        emitted.add(result);
    }

    @Override
    public ResultHistory history() {
        return results;
    }

    @Override
    public void checkpoint() {
        checkpoints++;
    }

    @Override
    public void keepPublic(String kind, int year, String projectCode, String json) {
        kept.add(new Kept(kind, year, projectCode, json));
    }

    @Override
    public void reject(String key, String reason, String payload) {
        if (refuseDuplicateRejections && rejected.stream().anyMatch(r -> java.util.Objects.equals(r.key(), key))) {
            throw new AssertionError("rejected twice: " + key);
        }
        rejected.add(new Rejection(key, reason, payload));
    }
}
