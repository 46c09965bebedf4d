package org.qrtrace.checkin.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.qrtrace.checkin.domain.VenueDirectory;

/** The one in-memory venue directory of this instance (filled by the venue-events reader). */
@ApplicationScoped
public class DirectoryProducer {

    @Produces
    @Singleton
    VenueDirectory venueDirectory() {
        return new VenueDirectory();
    }
}
