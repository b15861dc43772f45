package org.perflink.admin.internal;

/** The dry run cannot start: the file, an option or a missing bundle; the message says which, in zh-CN and English. */
public class CheckInputException extends Exception {

    private static final long serialVersionUID = 1L;

    public CheckInputException(String message) {
        super(message);
    }
}
