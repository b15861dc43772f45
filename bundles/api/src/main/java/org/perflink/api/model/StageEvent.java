package org.perflink.api.model;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One event of the host's stage-event feed. {@code projectCodes} empty means every project of the
 * region and year; {@code asOf} is set for EXECUTE/MONITOR and CLOSE/FOLLOW_UP.
 */
public record StageEvent(
        long seq,
        String eventId,
        String regionCode,
        int year,
        Stage stage,
        Phase phase,
        List<String> projectCodes,
        OffsetDateTime occurredAt,
        LocalDate asOf) {

    public StageEvent {
        projectCodes = projectCodes == null ? List.of() : List.copyOf(projectCodes);
    }

    public boolean allProjects() {
        return projectCodes.isEmpty();
    }
}
