package org.perflink.api.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class IndicatorActualTest {

    private static Indicator indicator(String code) {
        return new Indicator(code, Indicator.Level1.OUTPUT, Indicator.Level2.QUANTITY, "n", Indicator.Type.QUANTITATIVE,
                Indicator.Operator.GE, "1", null, "个", null, null);
    }

    @Test
    void actualsPairByCodeAndARepeatedCodeByOrder() {
        List<Indicator> target = List.of(indicator("O1"), indicator("O1"), indicator("B1"), indicator("S1"));
        List<IndicatorActual> actuals = List.of(new IndicatorActual("B1", "3"), new IndicatorActual("O1", "15"),
                new IndicatorActual("O1", "225"));
        // the second O1 takes the second O1 actual, never the first one again; S1 has none
        assertArrayEquals(new int[] {1, 2, 0, -1}, IndicatorActual.pair(target, actuals));
    }

    @Test
    void moreIndicatorsOfACodeThanActualsLeaveTheLastWithout() {
        assertArrayEquals(new int[] {0, -1},
                IndicatorActual.pair(List.of(indicator("O1"), indicator("O1")), List.of(new IndicatorActual("O1", "7"))));
    }
}
