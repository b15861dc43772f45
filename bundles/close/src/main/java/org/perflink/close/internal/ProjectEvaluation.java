package org.perflink.close.internal;

import java.math.BigDecimal;
import java.util.Objects;

import org.perflink.api.model.Grade;
import org.perflink.api.model.ProjectEvaluationInput;
import org.perflink.api.model.ProjectKind;
import org.perflink.api.model.Score;

/**
 * A scored project: the Score as written to the host, plus what linkage and notices need without the
 * Project itself (so a caller can drop the target indicators once scored).
 *
 * @param input the evaluation input (决算后评价数据)
 * @param projectName the project's name, for explanations; may be null
 * @param departmentCode the input's department, else the project's
 * @param kind the input's kind, else the project's
 * @param score the score as written (2 decimals), its grade and breakdown
 * @param exactScore the unrounded basis score (key evaluation when given): grades and thresholds use it
 * @param selfScoreInflated the SELF_SCORE_INFLATED finding fired (counts towards a REMINDER)
 */
public record ProjectEvaluation(
        ProjectEvaluationInput input,
        String projectName,
        String departmentCode,
        ProjectKind kind,
        Score score,
        BigDecimal exactScore,
        boolean selfScoreInflated) {

    public ProjectEvaluation {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(exactScore, "exactScore");
    }

    public String projectCode() {
        return input.projectCode();
    }

    public int year() {
        return input.year();
    }

    public Grade grade() {
        return score.grade();
    }
}
