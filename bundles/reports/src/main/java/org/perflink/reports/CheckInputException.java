package org.perflink.reports;

/**
 * A dry run or simulation cannot start: the file, a rule pack file, an option or a missing bundle; the message
 * says which, in zh-CN and English.
 */
public class CheckInputException extends Exception {

    private static final long serialVersionUID = 1L;

    public CheckInputException(String message) {
        super(message);
    }
}
