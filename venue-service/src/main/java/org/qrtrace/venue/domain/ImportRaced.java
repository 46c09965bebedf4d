package org.qrtrace.venue.domain;

import org.qrtrace.common.error.Conflict;

/** A venue of a CSV import was registered by someone else while the file was being stored; nothing was imported. */
public class ImportRaced extends Conflict {

    public ImportRaced() {
        super("a venue of this file was registered by someone else meanwhile; nothing was imported, try again");
    }
}
