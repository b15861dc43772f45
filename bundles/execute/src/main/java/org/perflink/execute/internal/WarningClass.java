package org.perflink.execute.internal;

import org.perflink.api.model.Warning.Action;
import org.perflink.api.model.Warning.Category;
import org.perflink.api.model.Warning.Level;
import org.perflink.api.model.Warning.Responsible;
import org.perflink.api.model.Warning.Type;

/**
 * 问题分类处理 (rules.md §2 since rules v2): the category of a warning and the level responsible for acting on it,
 * for the host's work lists. (P): the unit reports data and delivers the target; its department corrects a lag;
 * finance decides on suspending or reclaiming funds.
 */
public final class WarningClass {

    private WarningClass() {
    }

    public static Category category(Type type, Action action) {
        return switch (type) {
            case NO_DATA -> Category.DATA_MISSING;
            case TARGET_DEVIATION, TARGET_AT_RISK -> Category.TARGET_DEVIATION;
            case EXECUTION_LAG -> action == Action.RECLAIM ? Category.IDLE_FUNDS : Category.PROGRESS_LAG;
        };
    }

    public static Responsible responsible(Type type, Level level) {
        if (type != Type.EXECUTION_LAG) {
            return Responsible.UNIT;
        }
        return level == Level.RED ? Responsible.FINANCE : Responsible.DEPARTMENT;
    }
}
