package org.perflink.close.internal;

/**
 * An evaluation input that the close rules cannot use (e.g. no applicable indicator and no key
 * evaluation, a PROJECT without recurrence). The item is rejected; the other items go on.
 */
public class EvaluationInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String subject;
    private final String path;

    public EvaluationInputException(String subject, String path, String reason) {
        super(subject + ": " + path + ": " + reason);
        this.subject = subject;
        this.path = path;
    }

    /** The project or department code. */
    public String subject() {
        return subject;
    }

    /** The field at fault. */
    public String path() {
        return path;
    }
}
