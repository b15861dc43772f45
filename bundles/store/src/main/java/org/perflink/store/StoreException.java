package org.perflink.store;

/** The durable store failed (database unreachable, constraint violated, ...). Nothing was committed. */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
