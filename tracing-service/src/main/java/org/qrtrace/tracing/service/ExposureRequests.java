package org.qrtrace.tracing.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.qrtrace.common.crypto.Pseudonym;
import org.qrtrace.common.error.InvalidInput;
import org.qrtrace.tracing.config.TracingConfig;
import org.qrtrace.tracing.domain.ExposureParameters;

import java.time.Duration;
import java.util.Optional;

/**
 * Reads an officer's exposure query: who the index person is (a phone typed in becomes its pseudonym at once, in
 * {@link PersonPseudonyms}) and the parameters with their defaults and limits (docs/architecture.md, "Exposure query"). What
 * Bean Validation checks on {@link ExposureQueryRequest} itself is not repeated.
 */
@ApplicationScoped
public class ExposureRequests {

    private final PersonPseudonyms persons;
    private final TracingConfig.Exposure limits;

    ExposureRequests(PersonPseudonyms persons, TracingConfig config) {
        this.persons = persons;
        this.limits = config.exposure();
    }

    /** A query read: the index person's pseudonym and the parameters the tracer runs with. */
    public record Query(Pseudonym indexPseudonym, ExposureParameters parameters) {

        /** The parameters as stored with the query and shown to the officer. */
        public ExposureQueryView.Parameters shown() {
            return new ExposureQueryView.Parameters(indexPseudonym.hex(), parameters.from(), parameters.to(),
                    (int) parameters.buffer().toMinutes(), (int) parameters.minOverlap().toMinutes(), parameters.depth());
        }
    }

    /** @throws InvalidInput naming the field at fault */
    public Query read(ExposureQueryRequest request) {
        return new Query(persons.pseudonymOf(request.phone(), request.pseudonym()), parameters(request));
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
