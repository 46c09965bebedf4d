package org.qrtrace.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.Principal;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Who is calling, read from the verified JWT: roles and the claims that scope their data. */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;

    Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    public String subject() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public Set<UUID> venueIds() {
        Object claim = jwt().map(t -> (Object) t.getClaim(Claims.VENUES)).orElse(null);
        if (claim instanceof Collection<?> values) {
            return values.stream().map(Caller::unquote).map(Caller::uuidOrNull).filter(java.util.Objects::nonNull)
                    .collect(Collectors.toUnmodifiableSet());
        }
        return Set.of();
    }

    public Optional<String> organisation() {
        return jwt().map(t -> t.<Object>getClaim(Claims.ORGANISATION)).map(Caller::unquote);
    }

    public Optional<String> jurisdiction() {
        return jwt().map(t -> t.<Object>getClaim(Claims.JURISDICTION)).map(Caller::unquote);
    }

    private Optional<JsonWebToken> jwt() {
        Principal principal = identity.isAnonymous() ? null : identity.getPrincipal();
        return principal instanceof JsonWebToken token ? Optional.of(token) : Optional.empty();
    }

    private static String unquote(Object value) {
        String s = String.valueOf(value);
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static UUID uuidOrNull(String s) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
