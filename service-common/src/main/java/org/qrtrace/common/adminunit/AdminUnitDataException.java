package org.qrtrace.common.adminunit;

/**
 * A data file of the administrative units is wrong: the message starts with the file and the line ({@code line} 0 when
 * the problem is the whole file, e.g. a missing one), so that whoever replaces a list sees what to fix.
 */
public class AdminUnitDataException extends IllegalArgumentException {

    private final String file;
    private final int line;

    public AdminUnitDataException(String file, int line, String problem) {
        super(file + (line > 0 ? " line " + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}
