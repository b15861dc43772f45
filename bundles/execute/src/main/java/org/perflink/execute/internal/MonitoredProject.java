package org.perflink.execute.internal;

import org.perflink.api.model.Warning.Regime;

/** The project a monitoring round is assessing: its code, its regime (全面/重点监控) and what earlier rounds left. */
public record MonitoredProject(String code, Regime regime, StandingWarnings standing) {
}
