package org.qrtrace.checkin.service;

import org.qrtrace.events.CheckedIn;

import java.util.List;

/**
 * A visitor's check-in as received (web form or API), not yet validated: the service normalises and checks it.
 *
 * @param idempotencyKey the client's key, or null
 */
public record CheckinCommand(String token, String phone, String name, CheckedIn.Declaration declaration,
                             List<DependantInput> dependants, String idempotencyKey, CheckedIn.Source source,
                             String clientAddress) {

    public CheckinCommand {
        dependants = dependants == null ? List.of() : dependants;
    }

    /** A person checked in with the visitor: a name, and a phone when they have their own. */
    public record DependantInput(String name, String phone) {
    }

    @Override
    public String toString() {
        return "CheckinCommand[source=" + source + ", dependants=" + dependants.size() + "]";
    }
}
