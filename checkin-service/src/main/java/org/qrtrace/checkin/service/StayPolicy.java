package org.qrtrace.checkin.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.qrtrace.checkin.config.CheckinConfig;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** When a visit ends if nobody checks out: check-in time plus the venue category's default stay. */
@ApplicationScoped
public class StayPolicy {

    private final CheckinConfig.Stay config;

    @Inject
    public StayPolicy(CheckinConfig config) {
        this.config = config.stay();
    }

    public Duration stayOf(String category) {
        if (category == null) {
            return config.defaultStay();
        }
        Duration d = config.byCategory().get(category.toUpperCase(Locale.ROOT));
        return d != null ? d : config.defaultStay();
    }

    public Instant autoCheckoutAt(String category, Instant checkedInAt) {
        return checkedInAt.plus(stayOf(category));
    }
}
