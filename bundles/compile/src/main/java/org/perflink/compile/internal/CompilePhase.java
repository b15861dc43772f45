package org.perflink.compile.internal;

import org.perflink.api.model.Phase;

/**
 * Validation groups, one per compile phase. Each extends the one before, so validating a later phase
 * also runs the earlier phases' constraints (DECLARED ⊂ REVIEWED ⊂ APPROVED ⊂ PUBLISHED).
 */
public final class CompilePhase {

    /** 编制申报 */
    public interface Declared {
    }

    /** 上会审核 */
    public interface Reviewed extends Declared {
    }

    /** 批复 */
    public interface Approved extends Reviewed {
    }

    /** 公开 */
    public interface Published extends Approved {
    }

    private CompilePhase() {
    }

    public static Class<?> groupOf(Phase phase) {
        if (phase == null) {
            throw new IllegalArgumentException("a compile phase is required");
        }
        return switch (phase) {
            case DECLARED -> Declared.class;
            case REVIEWED -> Reviewed.class;
            case APPROVED -> Approved.class;
            case PUBLISHED -> Published.class;
            default -> throw new IllegalArgumentException("not a checked compile phase: " + phase);
        };
    }
}
