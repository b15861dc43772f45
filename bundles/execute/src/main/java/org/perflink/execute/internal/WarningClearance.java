package org.perflink.execute.internal;

import static org.perflink.execute.internal.MonitorTexts.MESSAGES;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.perflink.api.model.Warning;
import org.perflink.api.model.Warning.Action;
import org.perflink.api.model.Warning.Level;
import org.perflink.api.rules.Messages;

/**
 * Hysteresis of warnings (预警解除): a warning stays in force on the host until a later round says it no
 * longer holds. Each round's warnings have ids of their own ({@code {projectCode}.{asOf}.{type}}), so a
 * round that simply emits nothing for a type would leave the host showing the earlier round's warning.
 *
 * <p>Chosen representation: a <em>cleared</em> warning is an ordinary {@link Warning} of this round with
 * {@code level} = {@link Level#NONE}, {@code suggestedAction} = {@link Action#NONE}, id
 * {@code Warning.idOf(projectCode, thisAsOf, type)}, {@code ruleId} = the type name and the message
 * "预警已解除". Why a level and not a deletion: results reach the host only as idempotent PUTs (host
 * contract v1 has no DELETE), every round keeps its own record, and {@link Level#NONE} is the API's word
 * for "an earlier warning that no longer holds". Hosts must accept {@code NONE} next to BLUE/YELLOW/RED.
 *
 * <p>A type whose level merely changed (RED → BLUE) is not cleared: this round's warning carries the new
 * level. Earlier warnings that were themselves clearances are not cleared again.
 */
public final class WarningClearance {

    private WarningClearance() {
    }

    /**
     * The cleared warnings for the project/type pairs that held in the previous round and do not in this
     * one. Works for one project or for a whole round at once (pairs are matched by project code and type).
     *
     * @param previous the previous round's warnings
     * @param current this round's warnings
     * @param asOf this round's cut-off date
     */
    public static List<Warning> cleared(Collection<Warning> previous, Collection<Warning> current, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        Set<String> holding = new HashSet<>();
        for (Warning w : current) {
            if (w.level() != Level.NONE) {
                holding.add(pair(w));
            }
        }
        Map<String, Warning> cleared = new LinkedHashMap<>();
        for (Warning w : previous) {
            if (w.level() != Level.NONE && !holding.contains(pair(w))) {
                cleared.putIfAbsent(pair(w), clearanceOf(w, asOf));
            }
        }
        return List.copyOf(cleared.values());
    }

    private static Warning clearanceOf(Warning earlier, LocalDate asOf) {
        Messages.Text text = MESSAGES.text("CLEARED");
        // the figures of the warning that is lifted, so the clearance explains itself too
        Map<String, String> metrics = Map.of(
                "previousWarningId", earlier.warningId(),
                "previousLevel", earlier.level().name(),
                "previousAsOf", String.valueOf(earlier.asOf()));
        return new Warning(Warning.idOf(earlier.projectCode(), asOf, earlier.type()), earlier.projectCode(),
                earlier.regionCode(), earlier.year(), asOf, earlier.type(), Level.NONE, metrics, Map.of(),
                Action.NONE, earlier.type().name(), text.zh(), text.en(), earlier.regime(), null, null,
                earlier.category(), earlier.responsible()); // the same work-list owner closes it
    }

    private static String pair(Warning w) {
        return w.projectCode() + '\u0000' + w.type();
    }
}
