package org.perflink.api.host;

/**
 * A {@link HostException} carried through code that cannot throw it (an {@link Iterable} pulled page by page);
 * the reader that started the iteration unwraps it with {@link #hostException()} (since 1.3).
 */
public final class HostUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient HostException hostException;

    public HostUnavailable(HostException cause) {
        super(cause.getMessage(), cause, false, false);
        this.hostException = cause;
    }

    public HostException hostException() {
        return hostException;
    }
}
