package org.perflink.api.model;

import java.time.LocalDate;
import java.util.List;

/**
 * One entry of the host's registry of evaluators (专家库, 第三方机构; host contract v1.1, since 1.2). Experts are
 * kept by id only: no name. {@code ties} are the evaluator's links to departments or units.
 */
public record Evaluator(
        String evaluatorId,
        Kind kind,
        String name,
        String creditCode,
        String institutionId,
        List<String> fields,
        Status status,
        List<Tie> ties) {

    public enum Kind { EXPERT, INSTITUTION }

    public enum Status { ACTIVE, SUSPENDED }

    public Evaluator {
        fields = fields == null ? List.of() : List.copyOf(fields);
        ties = ties == null ? List.of() : List.copyOf(ties);
    }

    /** A tie to a department or a unit; {@code to} null means ongoing. */
    public record Tie(String departmentCode, String unitCode, Relation relation, LocalDate from, LocalDate to) {
        public enum Relation { EMPLOYED, CONTRACT, OTHER }

        /** Whether the tie overlaps [{@code start}, {@code end}]. */
        public boolean overlaps(LocalDate start, LocalDate end) {
            return (from == null || !from.isAfter(end)) && (to == null || !to.isBefore(start));
        }
    }
}
