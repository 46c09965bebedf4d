package org.qrtrace.console.web;

import java.util.List;
import java.util.Set;

/** Who is signed in, as the services will see them (from the access token the console forwards). */
public record Officer(String username, Set<String> roles, String jurisdiction, List<String> venues, String org) {

    public boolean healthOfficer() {
        return roles.contains("health-officer");
    }

    public boolean admin() {
        return roles.contains("admin");
    }

    /** The roles as text, for the header. */
    public String roleList() {
        return String.join(", ", roles);
    }
}
