package org.perflink.compile.internal;

import org.perflink.api.model.Phase;

/**
 * Validation groups, one per compile phase. Each extends the one before, so validating a later phase
 * also runs the earlier phases' constraints (DECLARED ⊂ REVIEWED ⊂ APPROVED ⊂ PUBLISHED); LIBRARY and ADJUST stand apart.
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

    /**
     * 入库评审 (§7): its own rules and EX_ANTE_NOT_SUPPORTED; not part of the DECLARED..PUBLISHED chain, whose
     * checks a library entry does not yet face.
     */
    public interface Library {
    }

    /** 绩效目标调整 (§8): the content rules of DECLARED on the revised target, and the ADJUST rules. */
    public interface Adjusted {
    }

    private CompilePhase() {
    }

    public static Class<?> groupOf(Phase phase) {
        if (phase == null) {
            throw new IllegalArgumentException("a compile phase is required");
        }
        return switch (phase) {
            case LIBRARY -> Library.class;
            case ADJUST -> Adjusted.class;
            case DECLARED -> Declared.class;
            case REVIEWED -> Reviewed.class;
            case APPROVED -> Approved.class;
            case PUBLISHED -> Published.class;
            default -> throw new IllegalArgumentException("not a checked compile phase: " + phase);
        };
    }
}
