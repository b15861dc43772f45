package org.perflink.execute.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.perflink.api.hook.ResultHistory;
import org.perflink.api.hook.StageContext;
import org.perflink.api.host.HostGateway;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.ResultKind;
import org.perflink.api.model.StageEvent;
import org.perflink.api.model.Warning;
import org.perflink.api.rules.RulePack;

/** A stage context that records what the hook emits and rejects. */
class RecordingContext implements StageContext {

    record Rejection(String key, String reason, String payload) {
    }

    private final StageEvent event;
    private final RulePack pack;
    private final HostGateway host;
    final List<HostResult> emitted = new ArrayList<>();
    final List<Rejection> rejected = new ArrayList<>();
    /** Warnings written in earlier rounds, by project. */
    final Map<String, List<Warning>> history = new HashMap<>();

    RecordingContext(StageEvent event, RulePack pack, HostGateway host) {
        this.event = event;
        this.pack = pack;
        this.host = host;
    }

    List<Warning> warnings() {
        return emitted.stream().map(r -> (Warning) r.body()).toList();
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
        if (result.kind() != ResultKind.WARNING) {
            throw new AssertionError("the execute stage emits warnings only: " + result);
        }
        emitted.add(result);
    }

    @Override
    public ResultHistory history() {
        return projectCode -> history.getOrDefault(projectCode, List.of());
    }

    @Override
    public void reject(String key, String reason, String payload) {
        rejected.add(new Rejection(key, reason, payload));
    }
}
