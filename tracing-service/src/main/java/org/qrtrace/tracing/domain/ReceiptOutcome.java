package org.qrtrace.tracing.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the delivery receipts of a message's parts make of it: FAILED as soon as any part is UNDELIV or REJECTD (or
 * another final failure), EXPIRED if a part expired and none failed, DELIVERED once every part is DELIVRD; nothing yet
 * while parts are still without a final receipt.
 */
public final class ReceiptOutcome {

    private ReceiptOutcome() {
    }

    /** @param states receipt state ({@code stat:} value) by SMSC message id, for the ids that have one */
    public static Optional<NotificationStatus> of(List<String> messageIds, Map<String, String> states) {
        if (messageIds.isEmpty()) {
            return Optional.empty();
        }
        boolean expired = false;
        boolean allDelivered = true;
        for (String id : messageIds) {
            String state = states.get(id);
            if (state == null || "ENROUTE".equals(state) || "ACCEPTD".equals(state) || "UNKNOWN".equals(state)) {
                allDelivered = false;
            } else if ("EXPIRED".equals(state)) {
                expired = true;
                allDelivered = false;
            } else if (!"DELIVRD".equals(state)) {
                return Optional.of(NotificationStatus.FAILED);   // UNDELIV, REJECTD, DELETED
            }
        }
        if (expired) {
            return Optional.of(NotificationStatus.EXPIRED);
        }
        return allDelivered ? Optional.of(NotificationStatus.DELIVERED) : Optional.empty();
    }
}
