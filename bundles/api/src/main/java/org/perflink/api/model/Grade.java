package org.perflink.api.model;

import java.math.BigDecimal;

/** 优 / 良 / 中 / 差 with the default half-open bands of rules.md. */
public enum Grade {
    EXCELLENT, GOOD, MEDIUM, POOR;

    /** Grades an unrounded score with the given lower bounds of EXCELLENT, GOOD and MEDIUM. */
    public static Grade of(BigDecimal score, BigDecimal excellentFrom, BigDecimal goodFrom, BigDecimal mediumFrom) {
        if (score.compareTo(excellentFrom) >= 0) {
            return EXCELLENT;
        }
        if (score.compareTo(goodFrom) >= 0) {
            return GOOD;
        }
        if (score.compareTo(mediumFrom) >= 0) {
            return MEDIUM;
        }
        return POOR;
    }
}
