package org.perflink.api.model;

/** The value an indicator reached, as the host wrote it; null when not applicable. */
public record IndicatorActual(String code, String actual) {
}
