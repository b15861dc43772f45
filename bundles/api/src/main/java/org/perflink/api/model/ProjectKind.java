package org.perflink.api.model;

/** 项目支出 / 政策 / 转移支付. */
public enum ProjectKind { PROJECT, POLICY, TRANSFER }
