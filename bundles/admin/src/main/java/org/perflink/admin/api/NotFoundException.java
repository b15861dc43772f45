package org.perflink.admin.api;

/** What an operation was asked about does not exist (a region without configuration): HTTP 404. */
public final class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message, null, false, false);
    }
}
