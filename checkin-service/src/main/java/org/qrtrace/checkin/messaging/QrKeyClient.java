package org.qrtrace.checkin.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.qrtrace.checkin.config.CheckinConfig;
import org.qrtrace.events.qr.QrKeys;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads venue-service's published QR verification keys ({@code GET /api/v1/qr-keys}, public). Retired keys are listed
 * while tokens signed with them may still be valid, so every listed Ed25519 key is trusted.
 */
@ApplicationScoped
public class QrKeyClient {

    private final HttpClient http;
    private final URI keysUri;
    private final CheckinConfig.VenueService config;
    private final ObjectMapper mapper = new ObjectMapper();

    @Inject
    public QrKeyClient(CheckinConfig config) {
        this.config = config.venueService();
        String base = this.config.url().replaceAll("/+$", "");
        this.keysUri = URI.create(base + "/api/v1/qr-keys");
        this.http = HttpClient.newBuilder().connectTimeout(this.config.fetchTimeout()).build();
    }

    /** The keys by key id. @throws IOException when venue-service cannot be reached or answers nonsense */
    public Map<String, PublicKey> fetch() throws IOException {
        HttpRequest request = HttpRequest.newBuilder(keysUri).timeout(config.fetchTimeout())
                .header("Accept", "application/json").GET().build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching QR keys", e);
        }
        if (response.statusCode() != 200) {
            throw new IOException(keysUri + " answered " + response.statusCode());
        }
        JsonNode keys = mapper.readTree(response.body()).path("keys");
        if (!keys.isArray()) {
            throw new IOException(keysUri + " did not answer {\"keys\":[...]}");
        }
        Map<String, PublicKey> out = new HashMap<>();
        for (JsonNode key : keys) {
            String kid = key.path("kid").asText(null);
            if (kid == null || !"OKP".equals(key.path("kty").asText()) || !"Ed25519".equals(key.path("crv").asText())) {
                continue;
            }
            try {
                out.put(kid, QrKeys.fromJwkX(key.path("x").asText()));
            } catch (IllegalArgumentException e) {
                // one unreadable key must not hide the others
            }
        }
        return out;
    }

    public URI keysUri() {
        return keysUri;
    }
}
