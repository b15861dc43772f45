package org.perflink.api.model;

/** 一次性 / 延续性 / 常年性. */
public enum Recurrence { ONE_OFF, CONTINUING, RECURRING }
