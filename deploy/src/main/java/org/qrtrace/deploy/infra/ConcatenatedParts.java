package org.qrtrace.deploy.infra;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Holds the parts of concatenated messages until all have arrived. Parts belong together when the same system id sent
 * them from the same source to the same destination with the same reference and part count, as a handset joins them.
 * Held in memory only: a message whose parts straddle a restart of the SMSC is not shown.
 */
final class ConcatenatedParts {

    /** A message whose parts have all arrived: user data joined in part order, and each part's message id. */
    record Joined(byte[] userData, List<String> messageIds) {
    }

    private record Key(String systemId, String source, String destination, int reference, int total) {
    }

    private record Part(byte[] userData, String messageId) {
    }

    private final Map<Key, Map<Integer, Part>> pending = new HashMap<>();

    /** Adds a part; answers the whole message when this was the last missing part. A resent part replaces the first. */
    synchronized Optional<Joined> add(String systemId, String source, String destination, SmsPart part, String messageId) {
        SmsPart.Concatenation c = part.concatenation();
        Key key = new Key(systemId, source, destination, c.reference(), c.total());
        Map<Integer, Part> parts = pending.computeIfAbsent(key, k -> new HashMap<>());
        parts.put(c.sequence(), new Part(part.userData(), messageId));
        if (parts.size() < c.total()) {
            return Optional.empty();
        }
        pending.remove(key);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        List<String> ids = new ArrayList<>();
        for (int sequence = 1; sequence <= c.total(); sequence++) {
            Part p = parts.get(sequence);
            data.writeBytes(p.userData());
            ids.add(p.messageId());
        }
        return Optional.of(new Joined(data.toByteArray(), ids));
    }

    synchronized void clear() {
        pending.clear();
    }
}
