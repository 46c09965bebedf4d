package org.qrtrace.tracing.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.qrtrace.common.crypto.SealedContact;
import org.qrtrace.tracing.config.TracingConfig;
import org.qrtrace.tracing.domain.CaseContactNotFound;
import org.qrtrace.tracing.domain.FollowUpPeriod;
import org.qrtrace.tracing.domain.FollowUpStatus;
import org.qrtrace.tracing.repository.CaseContactRepository;
import org.qrtrace.tracing.repository.CaseContactRepository.ContactRow;
import org.qrtrace.tracing.repository.NotificationRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The contacts of a case for the officer following them up: phones opened only where the officer's jurisdiction
 * covers the case (checked by {@link CaseAccess}) and every venue of the contact (as {@link ExposureRenderer} decides),
 * each followed until its last exposure plus the follow-up period; every read and change audited.
 */
@ApplicationScoped
public class CaseFollowUpService {

    private static final TypeReference<List<StoredExposure.StoredOverlap>> OVERLAPS = new TypeReference<>() {
    };

    private final CaseAccess caseAccess;
    private final CaseContactRepository contacts;
    private final NotificationRepository notifications;
    private final ExposureRenderer renderer;
    private final ContactOpener opener;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final ObjectMapper mapper;
    private final FollowUpPeriod period;
    private final Clock clock;

    CaseFollowUpService(CaseAccess caseAccess, CaseContactRepository contacts, NotificationRepository notifications,
                        ExposureRenderer renderer,
                        ContactOpener opener, AccessPolicy access, AuditLog audit, ObjectMapper mapper,
                        TracingConfig config, Clock clock) {
        this.caseAccess = caseAccess;
        this.contacts = contacts;
        this.notifications = notifications;
        this.renderer = renderer;
        this.opener = opener;
        this.access = access;
        this.audit = audit;
        this.mapper = mapper;
        this.period = new FollowUpPeriod(Duration.ofDays(config.cases().followUpDays()));
        this.clock = clock;
    }

    @Transactional
    public List<CaseContactView> list(UUID caseId) {
        CaseAccess.Readable c = caseAccess.readable(caseId);
        List<CaseContactView> shown = render(contacts.list(caseId), c);
        audit.append(AuditLog.Action.CASE_CONTACTS_READ, c.row().caseReference(), parameters(caseId, null), shown.size());
        return shown;
    }

    /** Records the follow-up of one contact (any status may follow any other: a correction is a new status). */
    @Transactional
    public CaseContactView followUp(UUID caseId, UUID contactId, FollowUpRequest request) {
        CaseAccess.Readable c = caseAccess.readable(caseId);
        FollowUpStatus status = FollowUpStatus.parse("status", request.status());
        String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        if (!contacts.updateFollowUp(caseId, contactId, status, note, clock.instant(), access.caller().subject())) {
            throw new CaseContactNotFound(caseId, contactId);
        }
        ContactRow row = contacts.find(caseId, contactId).orElseThrow(() -> new CaseContactNotFound(caseId, contactId));
        Map<String, Object> parameters = parameters(caseId, contactId);
        parameters.put("status", status.name());
        audit.append(AuditLog.Action.CASE_CONTACT_FOLLOW_UP, c.row().caseReference(), parameters, 1);
        return render(List.of(row), c).get(0);
    }

    private List<CaseContactView> render(List<ContactRow> rows, CaseAccess.Readable c) {
        CaseContactScope scope = CaseContactScope.of(rows, mapper, renderer, c.jurisdiction());
        Map<UUID, NotificationRepository.Latest> sms = notifications.latestByContact(c.row().id());
        Instant now = clock.instant();
        return rows.stream().map(row -> view(row, scope, sms.get(row.id()), now)).toList();
    }

    private CaseContactView view(ContactRow row, CaseContactScope scope, NotificationRepository.Latest sms, Instant now) {
        Optional<SealedContact> opened = scope.inside(row) ? opener.open(row.sealedContact()) : Optional.empty();
        List<CaseContactView.VenueOverlap> venues = scope.overlapsOf(row).stream().map(o -> new CaseContactView.VenueOverlap(
                o.venueId(), scope.venues().nameOf(o.venueId()), o.start(), o.end(), o.minutes())).toList();
        CaseContactView.FollowUp followUp = new CaseContactView.FollowUp(
                row.status() == null ? null : row.status().name(), row.note(), row.followUpUpdatedAt());
        return new CaseContactView(row.id(), row.tier(), row.pseudonym(), opened.map(SealedContact::phone).orElse(null),
                row.firstExposure(), row.lastExposure(), venues, followUp, period.followUntil(row.lastExposure()),
                period.overdue(row.lastExposure(), row.status(), now),
                sms == null ? null : new CaseContactView.Notification(sms.status().name(), sms.updatedAt()));
    }

    private static Map<String, Object> parameters(UUID caseId, UUID contactId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("caseId", caseId.toString());
        if (contactId != null) {
            m.put("contactId", contactId.toString());
        }
        return m;
    }

    private List<StoredExposure.StoredOverlap> parse(String json) {
        return overlaps(mapper, json);
    }

    /** A stored contact's overlaps ({@code case_contact.venues}). */
    static List<StoredExposure.StoredOverlap> overlaps(ObjectMapper mapper, String json) {
        try {
            return mapper.readValue(json, OVERLAPS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a case's stored contact is unreadable", e);
        }
    }
}
