package org.qrtrace.tracing.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.qrtrace.tracing.repository.AuditRepository;
import org.qrtrace.tracing.repository.AuditRepository.AuditRow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The append-only, tamper-evident audit log of personal-data reads. Row n stores
 * {@code hash_n = SHA-256(hash_(n-1) || "\n" || canonical(row_n))} with consecutive sequence numbers, so editing,
 * deleting or reordering any row (short of rewriting every later hash) is detected by {@link #verify()}.
 */
@ApplicationScoped
public class AuditLog {

    public static final String GENESIS = "0".repeat(64);

    /** What was done. */
    public enum Action {
        EXPOSURE_QUERY, EXPOSURE_QUERY_READ, EXPOSURE_EXPORT, VENUE_PRESENCE_READ,
        CASE_OPEN, CASE_LIST, CASE_READ, CASE_CHAIN_READ, CASE_CONTACTS_READ, CASE_CONTACT_FOLLOW_UP, CASE_CONTACTS_NOTIFY,
        EXPOSURE_SITE_PUBLISH, EXPOSURE_SITE_WITHDRAW, CASE_SITES_READ, CLUSTER_LIST
    }

    private final AuditRepository repository;
    private final AccessPolicy access;
    private final Clock clock;

    AuditLog(AuditRepository repository, AccessPolicy access, Clock clock) {
        this.repository = repository;
        this.access = access;
        this.clock = clock;
    }

    /** Appends a row for the current caller; joins the caller's transaction so the record and the read commit together. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditRow append(Action action, String caseReference, Map<String, ?> parameters, int rowCount) {
        String params = canonicalJson(parameters);
        AuditRow last = repository.lockAndReadLast().orElse(null);
        long seq = last == null ? 1 : last.seq() + 1;
        String prev = last == null ? GENESIS : last.hash();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String subject = access.caller().subject();
        String role = access.role();
        String jurisdiction = access.caller().jurisdiction().orElse(null);
        AuditRow unsigned = new AuditRow(seq, at, subject, role, jurisdiction, action.name(), caseReference, params,
                rowCount, prev, null);
        AuditRow row = new AuditRow(seq, at, subject, role, jurisdiction, action.name(), caseReference, params, rowCount,
                prev, hash(prev, unsigned));
        repository.insert(row);
        return row;
    }

    public List<AuditRow> page(Long beforeSeq, int limit) {
        return repository.page(beforeSeq, limit);
    }

    /** The result of walking the chain. */
    public record Verification(boolean valid, long rowsChecked, Long firstBadSeq, String problem, Long lastSeq,
                               String lastHash) {
    }

    /**
     * Walks the whole chain. The last sequence number and hash are returned so that an operator can anchor them
     * elsewhere (a deleted tail is only detectable against such an anchor).
     */
    @Transactional
    public Verification verify() {
        var state = new Object() {
            long expectedSeq = 1;
            String prev = GENESIS;
            long checked;
            Long badSeq;
            String problem;
        };
        repository.forEachInOrder(row -> {
            if (state.problem != null) {
                return;
            }
            state.checked++;
            if (row.seq() != state.expectedSeq) {
                state.badSeq = row.seq();
                state.problem = "rows " + state.expectedSeq + ".." + (row.seq() - 1) + " are missing";
            } else if (!row.prevHash().equals(state.prev)) {
                state.badSeq = row.seq();
                state.problem = "row " + row.seq() + " does not link to the previous row";
            } else if (!hash(row.prevHash(), row).equals(row.hash())) {
                state.badSeq = row.seq();
                state.problem = "row " + row.seq() + " was changed after it was written";
            }
            state.expectedSeq = row.seq() + 1;
            state.prev = row.hash();
        });
        boolean valid = state.problem == null;
        return new Verification(valid, state.checked, state.badSeq, state.problem,
                state.checked == 0 ? null : state.expectedSeq - 1, state.checked == 0 ? null : state.prev);
    }

    static String hash(String prev, AuditRow row) {
        List<Object> content = Arrays.asList(row.seq(), row.at().truncatedTo(ChronoUnit.MICROS).toString(), row.subject(),
                row.role(), row.jurisdiction(), row.action(), row.caseReference(), row.parameters(), row.rowCount());
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prev.getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) '\n');
            sha.update(CANONICAL.writeValueAsBytes(content));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot hash an audit row", e);
        }
    }

    private static final ObjectMapper CANONICAL = new ObjectMapper();

    /** Parameters as JSON with sorted keys, so the stored text is the hashed text. */
    private String canonicalJson(Map<String, ?> parameters) {
        try {
            return CANONICAL.writeValueAsString(new TreeMap<>(parameters));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write audit parameters", e);
        }
    }
}
