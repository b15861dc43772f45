package org.perflink.admin.web.internal;

/** A request that ends with this HTTP status and a {@code {"error": message}} body. */
final class HttpError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final int status;

    HttpError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }
}
