package org.perflink.api.host;

/**
 * The host could not answer now (unreachable, timed out, 408/429/5xx). The work that needed it is
 * rolled back and tried again later; nothing is lost.
 */
public class HostException extends Exception {
    private static final long serialVersionUID = 1L;

    public HostException(String message, Throwable cause) {
        super(message, cause);
    }

    public HostException(String message) {
        super(message);
    }
}
