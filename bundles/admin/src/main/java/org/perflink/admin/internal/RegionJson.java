package org.perflink.admin.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.perflink.api.model.Stage;
import org.perflink.core.RegionSettings;
import org.perflink.store.RegionStatus;

/**
 * One region of {@code GET regions} as JSON: its settings and switches, the store's cursors and counters, its last
 * error (as an {@link ErrorReport}) and the live state with each route's statistics.
 */
final class RegionJson {

    private final ObjectMapper mapper;
    private final ErrorReport errors;

    RegionJson(ObjectMapper mapper, ErrorReport errors) {
        this.mapper = mapper;
        this.errors = errors;
    }

    ObjectNode of(RegionTable.Row row) {
        ObjectNode r = mapper.createObjectNode();
        RegionSettings settings = row.settings();
        r.put("code", row.code());
        r.put("name", settings == null || settings.name().isBlank() ? null : settings.name());
        r.put("state", row.state());
        r.put("configured", settings != null);
        if (settings == null) {
            r.putNull("enabled");
            r.putNull("stages");
            r.putNull("rulePack");
        } else {
            r.put("enabled", settings.enabled());
            ObjectNode st = r.putObject("stages");
            for (Stage s : Stage.values()) {
                st.put(s.name(), settings.stages().contains(s));
            }
            ObjectNode pack = r.putObject("rulePack");
            pack.put("effective", row.pack().effective());
            pack.put("own", row.pack().own().isEmpty() ? null : row.pack().own());
            pack.put("ownDefined", row.pack().ownDefined());
        }
        RegionStatus status = row.status();
        if (status == null) {
            r.putNull("cursors");
            r.putNull("backlog");
            r.putNull("oldestUndelivered");
            r.putNull("delivered");
            r.putNull("deadLetters");
            r.putNull("lastEventAt");
        } else {
            ObjectNode cursors = r.putObject("cursors");
            for (Stage s : Stage.values()) {
                cursors.put(s.name(), status.cursors().get(s));
            }
            r.put("backlog", status.backlog());
            r.put("oldestUndelivered", AdminJson.text(status.oldestUndelivered()));
            r.put("delivered", status.delivered());
            r.put("deadLetters", status.deadLetters());
            r.put("lastEventAt", AdminJson.text(status.lastEventAt()));
        }
        RegionTable.LastError last = row.lastError();
        if (last == null) {
            r.putNull("lastError");
        } else {
            ErrorReport.Shown shown = errors.report(last.message(), "region " + row.code());
            ObjectNode e = r.putObject("lastError");
            e.put("message", shown.message());
            e.put("category", shown.category());
            e.put("ref", shown.ref());
            e.put("at", AdminJson.text(last.at()));
            e.put("source", last.source());
        }
        r.put("liveState", row.live() == null ? null : row.live().state());
        // the node handling the region now and since when (docs/cluster.md)
        r.put("node", row.live() == null ? null : row.live().node());
        r.put("nodeSince", row.live() == null ? null : AdminJson.text(row.live().nodeSince()));
        ArrayNode routes = r.putArray("routes");
        if (row.live() != null) {
            row.live().routes().forEach((id, f) -> {
                ObjectNode n = routes.addObject();
                n.put("id", id);
                n.put("exchangesTotal", f.exchangesTotal());
                n.put("exchangesFailed", f.exchangesFailed());
                n.put("lastProcessingTimeMs", f.lastProcessingTimeMs());
                n.put("lastCompletedAt", AdminJson.text(f.lastCompletedAt()));
                n.put("lastFailure", f.lastFailure());
            });
        }
        return r;
    }
}
