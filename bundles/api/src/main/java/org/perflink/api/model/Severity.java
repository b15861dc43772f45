package org.perflink.api.model;

/** Severity of a finding, ordered from least to most severe. */
public enum Severity { INFO, WARN, BLOCK }
