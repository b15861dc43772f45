package org.perflink.store;

import org.perflink.api.model.Stage;

/**
 * A cursor was not where its writer expected it: another node (or an operator's run) moved it since it was
 * read. Nothing of the writer's transaction was stored; reading the cursor again tells where to go on.
 */
public class StaleCursorException extends StoreException {

    private static final long serialVersionUID = 1L;

    private final String regionCode;
    private final Stage stage;
    private final String expected;

    public StaleCursorException(String regionCode, Stage stage, String expected) {
        super("游标已被移动 (cursor moved by another writer): region " + regionCode + " stage " + stage
                + " is no longer at " + (expected == null ? "its start" : expected) + "; nothing was stored", null);
        this.regionCode = regionCode;
        this.stage = stage;
        this.expected = expected;
    }

    public String regionCode() {
        return regionCode;
    }

    public Stage stage() {
        return stage;
    }

    /** The cursor the writer expected; null for none. */
    public String expected() {
        return expected;
    }
}
