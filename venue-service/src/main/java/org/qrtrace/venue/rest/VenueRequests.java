package org.qrtrace.venue.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.qrtrace.venue.service.VenueInput;
import org.qrtrace.venue.service.VenueValidator;

import java.util.List;

/** Request bodies of the venue API, with their syntactic checks (semantic ones live in the service). */
public final class VenueRequests {

    private VenueRequests() {
    }

    /** {@code POST /api/v1/venues}. {@code organisation}: admins only (a manager's venues get its own). */
    public record CreateVenue(
            @NotBlank @Size(max = VenueValidator.MAX_NAME) String name,
            @NotBlank String category,
            @NotBlank String adminUnitCode,
            @NotBlank @Size(max = VenueValidator.MAX_ADDRESS) String address,
            @Size(max = 32) String contactPhone,
            @Positive @Max(VenueValidator.MAX_CAPACITY) Integer capacity,
            @Size(max = VenueValidator.MAX_ORGANISATION) String organisation,
            @Size(max = VenueValidator.MAX_ENTRANCES) List<@NotNull @Valid NewEntrance> entrances) {

        VenueInput toInput() {
            return new VenueInput(name, category, adminUnitCode, address, contactPhone, capacity, organisation,
                    entrances == null ? List.of() : entrances.stream().map(NewEntrance::name).toList());
        }
    }

    /** {@code PUT /api/v1/venues/{id}}: the full set of descriptive fields (entrances are added separately). */
    public record UpdateVenue(
            @NotBlank @Size(max = VenueValidator.MAX_NAME) String name,
            @NotBlank String category,
            @NotBlank String adminUnitCode,
            @NotBlank @Size(max = VenueValidator.MAX_ADDRESS) String address,
            @Size(max = 32) String contactPhone,
            @Positive @Max(VenueValidator.MAX_CAPACITY) Integer capacity) {

        VenueInput toInput() {
            return new VenueInput(name, category, adminUnitCode, address, contactPhone, capacity, null, null);
        }
    }

    /** An entrance: in a new venue, or {@code POST /api/v1/venues/{id}/entrances}. */
    public record NewEntrance(@NotBlank @Size(max = VenueValidator.MAX_ENTRANCE_NAME) String name) {
    }

    /** {@code POST /api/v1/venues/{id}/close}. */
    public record CloseVenue(@Size(max = 300) String reason) {
    }
}
