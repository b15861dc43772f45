package org.perflink.api.model;

/**
 * One performance indicator (绩效指标) of a target. {@code value} and {@code valueMax} are kept as the
 * host wrote them (a number, possibly with a unit or a percent sign; free text when qualitative) and
 * are read by the rules, so an unreadable value becomes a finding rather than a parse failure.
 */
public record Indicator(
        String code,
        Level1 level1,
        Level2 level2,
        String name,
        Type type,
        Operator operator,
        String value,
        String valueMax,
        String unit,
        ValueSource valueSource,
        java.math.BigDecimal weight) {

    /** 一级指标. */
    public enum Level1 { COST, OUTPUT, BENEFIT, SATISFACTION }

    /** 二级指标; OUTPUT/COST appears in older tables. */
    public enum Level2 {
        QUANTITY, QUALITY, TIMELINESS, COST,
        ECONOMIC_COST, SOCIAL_COST, ECOLOGICAL_COST,
        ECONOMIC, SOCIAL, ECOLOGICAL, SUSTAINABLE,
        SATISFACTION
    }

    public enum Type { QUANTITATIVE, QUALITATIVE }

    public enum Operator {
        GE, GT, LE, LT, EQ, RANGE;

        /** 正向指标: more is better. */
        public boolean positive() {
            return this == GE || this == GT;
        }

        /** 反向指标: less is better. */
        public boolean reverse() {
            return this == LE || this == LT;
        }
    }

    public enum ValueSource { PLAN, INDUSTRY, HISTORY, OTHER }

    public boolean quantitative() {
        return type == Type.QUANTITATIVE;
    }

    /** A cost indicator: level-1 COST, or COST filed under OUTPUT by older tables. */
    public boolean cost() {
        return level1 == Level1.COST || (level1 == Level1.OUTPUT && level2 == Level2.COST);
    }
}
