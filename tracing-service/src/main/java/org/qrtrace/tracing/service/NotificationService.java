package org.qrtrace.tracing.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.qrtrace.common.error.InvalidInput;
import org.qrtrace.tracing.domain.Tier;
import org.qrtrace.tracing.repository.CaseContactRepository;
import org.qrtrace.tracing.repository.CaseContactRepository.ContactRow;
import org.qrtrace.tracing.repository.NotificationRepository;
import org.qrtrace.tracing.repository.NotificationRepository.Pending;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Tells a case's contacts by SMS: queues one message per contact of the tiers asked for, at most one per case,
 * contact and tier however often it is asked (the outbox's unique key). Only a health officer covering the case
 * ({@link CaseAccess}) may, and only for contacts all of whose venues lie in their jurisdiction (the rule that opens
 * their phone in the contact list); the rest are skipped and counted. Audited. The phone is not opened here beyond
 * checking that it can be: the sealed channel is queued, the sender opens it at send time.
 */
@ApplicationScoped
public class NotificationService {

    private final CaseAccess caseAccess;
    private final CaseContactRepository contacts;
    private final NotificationRepository notifications;
    private final ExposureRenderer renderer;
    private final ContactOpener opener;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final NotificationTexts texts;

    NotificationService(CaseAccess caseAccess, CaseContactRepository contacts, NotificationRepository notifications,
                        ExposureRenderer renderer, ContactOpener opener, AccessPolicy access, AuditLog audit,
                        ObjectMapper mapper, Clock clock, NotificationTexts texts) {
        this.texts = texts;
        this.caseAccess = caseAccess;
        this.contacts = contacts;
        this.notifications = notifications;
        this.renderer = renderer;
        this.opener = opener;
        this.access = access;
        this.audit = audit;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Transactional
    public NotificationResult notify(UUID caseId, NotificationRequest request) {
        CaseAccess.Readable c = caseAccess.readable(caseId);
        Set<Tier> tiers = tiers(request.tiers());
        String language = language(request.language());
        List<ContactRow> rows = contacts.list(caseId).stream().filter(r -> tiers.contains(Tier.valueOf(r.tier()))).toList();
        CaseContactScope scope = CaseContactScope.of(rows, mapper, renderer, c.jurisdiction());
        List<Pending> pending = new ArrayList<>();
        int outside = 0;
        int unreachable = 0;
        for (ContactRow row : rows) {
            List<StoredExposure.StoredOverlap> list = scope.overlapsOf(row);
            if (!scope.inside(row)) {
                outside++;
            } else if (opener.open(row.sealedContact()).isEmpty()) {
                unreachable++;
            } else {
                StoredExposure.StoredOverlap latest = latestExposure(list);
                pending.add(new Pending(row.id(), row.tier(), row.sealedContact(), latest.venueId(), latest.start(),
                        latest.end()));
            }
        }
        Instant now = clock.instant();
        int queued = notifications.enqueue(caseId, pending, language, now, access.caller().subject());
        NotificationResult result = new NotificationResult(queued, pending.size() - queued, unreachable, outside);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("caseId", caseId.toString());
        parameters.put("tiers", tiers.stream().map(Enum::name).toList());
        parameters.put("language", language);
        parameters.put("alreadyNotified", result.alreadyNotified());
        parameters.put("unreachable", unreachable);
        parameters.put("outsideJurisdiction", outside);
        audit.append(AuditLog.Action.CASE_CONTACTS_NOTIFY, c.row().caseReference(), parameters, queued);
        return result;
    }

    /**
     * What {@link #notify} would send to the contacts of {@code tierNames} (default F1) in {@code language}: how many
     * are inside the officer's jurisdiction and the text one of them would get, rendered by the sender's own templates
     * (so the console's preview is the message, not a copy of its template). Reads only what the case's page shows.
     */
    public NotificationPreview preview(UUID caseId, List<String> tierNames, String languageName) {
        CaseAccess.Readable c = caseAccess.readable(caseId);
        List<String> names = tierNames == null || tierNames.isEmpty() ? List.of(Tier.F1.name()) : tierNames;
        Set<Tier> tiers = tiers(names);
        String language = language(languageName);
        List<ContactRow> rows = contacts.list(caseId).stream().filter(r -> tiers.contains(Tier.valueOf(r.tier())))
                .sorted(Comparator.comparing((ContactRow r) -> Tier.valueOf(r.tier()))).toList();
        CaseContactScope scope = CaseContactScope.of(rows, mapper, renderer, c.jurisdiction());
        List<ContactRow> inside = rows.stream().filter(scope::inside).toList();
        List<String> tierList = tiers.stream().map(Enum::name).toList();
        if (inside.isEmpty()) {
            return new NotificationPreview(language, tierList, 0, null, null);
        }
        StoredExposure.StoredOverlap latest = latestExposure(scope.overlapsOf(inside.get(0)));
        String text = texts.textOf(language, latest.venueId(), latest.start(), latest.end());
        return new NotificationPreview(language, tierList, inside.size(), text, NotificationTexts.partsOf(text));
    }

    /** The exposure a message names: the latest, the one the follow-up period runs from. */
    private static StoredExposure.StoredOverlap latestExposure(List<StoredExposure.StoredOverlap> overlaps) {
        return overlaps.stream().max(Comparator.comparing(StoredExposure.StoredOverlap::end)).orElseThrow();
    }

    private static Set<Tier> tiers(List<String> values) {
        Set<Tier> tiers = EnumSet.noneOf(Tier.class);
        for (String v : values) {
            try {
                tiers.add(Tier.valueOf(v == null ? "" : v.strip()));
            } catch (IllegalArgumentException e) {
                throw InvalidInput.field("tiers", "each must be F1 or F2");
            }
        }
        return tiers;
    }

    private static String language(String value) {
        if (value == null) {
            return NotificationTexts.VI;
        }
        if (NotificationTexts.VI.equals(value) || NotificationTexts.EN.equals(value)) {
            return value;
        }
        throw InvalidInput.field("language", "must be vi or en");
    }
}
