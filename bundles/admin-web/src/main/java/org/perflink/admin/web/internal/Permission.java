package org.perflink.admin.web.internal;

/** What a request may do: read (viewer), replay dead letters (operator), switch and configure (admin). */
public enum Permission {
    READ, REPLAY, TOGGLE
}
