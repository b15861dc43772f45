package org.perflink.execute.internal;

import java.math.BigDecimal;

import org.perflink.api.model.Warning.Level;

/**
 * The BLUE / YELLOW / RED thresholds of execution lag (进度滞后) for one monitoring regime, and the dead band that
 * keeps a level reached in the previous round while the gap stays within {@code clearBand} below its threshold.
 */
public record LagBands(BigDecimal blue, BigDecimal yellow, BigDecimal red) {

    /**
     * Reads {@code "0.10,0.20,0.30"}.
     *
     * @throws IllegalArgumentException naming {@code where} when there are not three ascending decimals
     */
    public static LagBands parse(String raw, String where) {
        String[] parts = raw.split("[,，/]");
        try {
            if (parts.length == 3) {
                LagBands bands = new LagBands(new BigDecimal(parts[0].trim()), new BigDecimal(parts[1].trim()),
                        new BigDecimal(parts[2].trim()));
                if (bands.blue.compareTo(bands.yellow) <= 0 && bands.yellow.compareTo(bands.red) <= 0) {
                    return bands;
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(where + ": '" + raw + "' needs three ascending decimals BLUE,YELLOW,RED");
    }

    /** The level a gap reaches by these bands alone (each band includes its lower edge). */
    public Level level(BigDecimal gap) {
        if (gap.compareTo(red) >= 0) {
            return Level.RED;
        }
        if (gap.compareTo(yellow) >= 0) {
            return Level.YELLOW;
        }
        return gap.compareTo(blue) >= 0 ? Level.BLUE : Level.NONE;
    }

    /**
     * The level with the dead band: the highest level not above {@code previous} whose threshold minus
     * {@code clearBand} the gap still reaches, or the plain level when that is higher.
     */
    public Level held(BigDecimal gap, Level previous, BigDecimal clearBand) {
        Level plain = level(gap);
        if (clearBand.signum() <= 0) {
            return plain;
        }
        for (int i = previous.ordinal(); i > plain.ordinal(); i--) {
            Level candidate = Level.values()[i];
            if (gap.compareTo(threshold(candidate).subtract(clearBand)) >= 0) {
                return candidate;
            }
        }
        return plain;
    }

    public BigDecimal threshold(Level level) {
        return switch (level) {
            case RED -> red;
            case YELLOW -> yellow;
            default -> blue;
        };
    }
}
