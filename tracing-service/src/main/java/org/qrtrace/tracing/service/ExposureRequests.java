package org.qrtrace.tracing.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.qrtrace.common.crypto.Pseudonymiser;
import org.qrtrace.common.error.InvalidInput;
import org.qrtrace.common.phone.E164Phone;
import org.qrtrace.common.phone.InvalidPhoneException;
import org.qrtrace.tracing.config.TracingConfig;
import org.qrtrace.tracing.domain.ExposureParameters;

import java.time.Duration;
import java.util.Optional;

/**
 * Reads an officer's exposure query: who the index person is (a phone typed in becomes its pseudonym here, the phone
 * goes no further) and the parameters with their defaults and limits (docs/architecture.md, "Exposure query"). What
 * Bean Validation checks on {@link ExposureQueryRequest} itself is not repeated.
 */
@ApplicationScoped
public class ExposureRequests {

    private final Pseudonymiser pseudonymiser;
    private final TracingConfig.Exposure limits;

    ExposureRequests(Pseudonymiser pseudonymiser, TracingConfig config) {
        this.pseudonymiser = pseudonymiser;
        this.limits = config.exposure();
    }

    /** A query read: the index person's pseudonym and the parameters the tracer runs with. */
    public record Query(String indexPseudonym, ExposureParameters parameters) {

        /** The parameters as stored with the query and shown to the officer. */
        public ExposureQueryView.Parameters shown() {
            return new ExposureQueryView.Parameters(indexPseudonym, parameters.from(), parameters.to(),
                    (int) parameters.buffer().toMinutes(), (int) parameters.minOverlap().toMinutes(), parameters.depth());
        }
    }

    /** @throws InvalidInput naming the field at fault */
    public Query read(ExposureQueryRequest request) {
        return new Query(indexPseudonym(request), parameters(request));
    }

    private String indexPseudonym(ExposureQueryRequest r) {
        boolean hasPhone = r.phone() != null && !r.phone().isBlank();
        boolean hasPseudonym = r.pseudonym() != null && !r.pseudonym().isBlank();
        if (hasPhone == hasPseudonym) {
            throw InvalidInput.field(hasPhone ? "pseudonym" : "phone",
                    hasPhone ? "give either phone or pseudonym, not both" : "phone or pseudonym of the index person is required");
        }
        if (hasPseudonym) {
            return r.pseudonym();
        }
        try {
            return pseudonymiser.pseudonymOf(E164Phone.parse(r.phone()));
        } catch (InvalidPhoneException e) {
            throw InvalidInput.field("phone", e.getMessage());
        }
    }

    private ExposureParameters parameters(ExposureQueryRequest r) {
        QueryWindow.check(r.from(), r.to(), limits.maxWindow());
        int buffer = Optional.ofNullable(r.bufferMinutes()).orElse(limits.defaultBufferMinutes());
        if (buffer > limits.maxBufferMinutes()) {
            throw InvalidInput.field("bufferMinutes", "must be <= " + limits.maxBufferMinutes());
        }
        int minOverlap = Optional.ofNullable(r.minOverlapMinutes()).orElse(limits.defaultMinOverlapMinutes());
        int depth = Optional.ofNullable(r.depth()).orElse(1);
        return new ExposureParameters(r.from(), r.to(), Duration.ofMinutes(buffer), Duration.ofMinutes(minOverlap), depth);
    }
}
