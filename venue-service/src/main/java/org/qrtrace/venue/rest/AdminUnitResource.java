package org.qrtrace.venue.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qrtrace.common.adminunit.AdminUnit;
import org.qrtrace.common.adminunit.AdminUnitEdition;
import org.qrtrace.common.adminunit.EditionUnit;
import org.qrtrace.common.adminunit.UnitMapping;
import org.qrtrace.common.error.InvalidInput;
import org.qrtrace.common.rest.QueryParams;
import org.qrtrace.common.security.Caller;
import org.qrtrace.common.security.Roles;
import org.qrtrace.venue.domain.PopulationFigure;
import org.qrtrace.venue.service.AdminUnitCatalog;
import org.qrtrace.venue.service.PopulationService;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The administrative units of every edition of the official list (public reference data): the units in force on a day,
 * one code with its validity, tree and mapping to the other editions; and their populations, with history (set by
 * admins).
 */
@Path("/api/v1/admin-units")
@Tag(name = "admin-units", description = "The administrative units (province, district, commune) of each edition of "
        + "the official list, as they were and are, and their populations: public reference data; populations are set "
        + "by admins.")
@PermitAll
public class AdminUnitResource {

    /** An edition of the official list, in force on [from, to) (from null: since ever; to null: still in force). */
    public record EditionView(String id, LocalDate from, LocalDate to, String source) {
    }

    /** A unit of one edition. */
    public record UnitView(String code, String name, String level, String parentCode) {
    }

    /** The units of the edition in force on {@code at}; {@code dataVersion} is that edition's id. */
    public record UnitList(String dataVersion, LocalDate at, EditionView edition, List<UnitView> items) {
    }

    /** A unit of another edition a unit maps onto: FULL (wholly) or PARTIAL (in part). */
    public record MappingView(String edition, String code, String name, String level, String kind) {
    }

    /**
     * One unit of one edition: its validity ({@code validFrom}, {@code validTo}: its edition's), parent, ancestors
     * (parent first), children, successors (next edition), predecessors (previous edition) and current population.
     */
    public record UnitDetail(String edition, LocalDate validFrom, LocalDate validTo, UnitView unit, UnitView parent,
                             List<UnitView> ancestors, List<UnitView> children, List<MappingView> successors,
                             List<MappingView> predecessors, PopulationView population) {
    }

    /**
     * What {@code code} names on {@code at}: the unit in force that day ({@code inForce} true, one unit), or every unit
     * that ever had the code, oldest edition first.
     */
    public record UnitLookup(String code, LocalDate at, boolean inForce, List<UnitDetail> units) {
    }

    /** A population figure; {@code setBy} only in the answer to the admin who set it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PopulationView(String edition, String code, long count, int year, String source, Instant setAt,
                                 String setBy) {
    }

    /** A unit's population figures, newest set first (the first is the current one). */
    public record PopulationHistory(String edition, String code, String name, List<PopulationView> items) {
    }

    /** {@code PUT /api/v1/admin-units/{code}/population}. */
    public record SetPopulation(
            @NotNull @Positive Long count,
            @NotNull @Min(PopulationService.MIN_YEAR) @Max(9999) Integer year,
            @NotBlank @Size(max = PopulationService.MAX_SOURCE) String source) {
    }

    private final AdminUnitCatalog catalog;
    private final PopulationService populations;
    private final Requesters requesters;
    private final Caller caller;

    AdminUnitResource(AdminUnitCatalog catalog, PopulationService populations, Requesters requesters, Caller caller) {
        this.catalog = catalog;
        this.populations = populations;
        this.requesters = requesters;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listAdminUnits", summary = "List administrative units",
            description = "The units of the edition of the official list in force on the day at (YYYY-MM-DD, default "
                    + "today in Asia/Ho_Chi_Minh), filtered by parent, level or subtree (codes of that edition), with "
                    + "the edition and its validity. Public.")
    public UnitList list(@QueryParam("at") String at, @QueryParam("parentCode") String parentCode,
                         @QueryParam("level") String level, @QueryParam("within") String within) {
        AdminUnitCatalog.UnitList list = catalog.list(QueryParams.date("at", at), VenueParams.text(parentCode),
                level(level), VenueParams.text(within));
        return new UnitList(list.edition().id(), list.at(), edition(list.edition()),
                list.items().stream().map(AdminUnitResource::unit).toList());
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getAdminUnit", summary = "Get an administrative unit",
            description = "The unit with this code in force on the day at (default today), or, when none is, every "
                    + "unit that ever had the code, each with its edition: validity, parent, ancestors, children, "
                    + "successors and predecessors (FULL or PARTIAL, with their edition) and current population; 404 "
                    + "naming code when no edition has it. Public.")
    public UnitLookup get(@PathParam("code") String code, @QueryParam("at") String at) {
        AdminUnitCatalog.Lookup lookup = catalog.find(code, QueryParams.date("at", at));
        return new UnitLookup(lookup.code(), lookup.at(), lookup.inForce(),
                lookup.units().stream().map(AdminUnitResource::detail).toList());
    }

    @GET
    @Path("/{code}/population")
    @Operation(operationId = "listAdminUnitPopulations", summary = "Population history of an administrative unit",
            description = "Every population figure set for the unit, newest first (the first is the current one). The "
                    + "unit: of the edition given (edition=2025-03-01), else the one in force today with the code, "
                    + "else the latest earlier one that had it; 404 naming code when there is none. Public.")
    public PopulationHistory populationHistory(@PathParam("code") String code, @QueryParam("edition") String edition) {
        PopulationService.History history = populations.history(code, VenueParams.text(edition));
        EditionUnit unit = history.unit();
        return new PopulationHistory(unit.edition(), unit.code(), unit.name(),
                history.figures().stream().map(f -> population(f, false)).toList());
    }

    @PUT
    @Path("/{code}/population")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "setAdminUnitPopulation", summary = "Set the population of an administrative unit",
            description = "Sets the figure the province uses (count > 0, year 1900 to this year, source up to 200 "
                    + "characters) for the unit with this code in the edition in force today, or in the edition given "
                    + "(edition=2025-03-01); kept with the earlier figures and published as AdminUnitPopulationSet. "
                    + "200 with the stored figure. Roles: admin.")
    public PopulationView setPopulation(@PathParam("code") String code, @QueryParam("edition") String edition,
                                        @NotNull @Valid SetPopulation request) {
        PopulationFigure figure = populations.set(requesters.current(), caller.subject(), code,
                VenueParams.text(edition), new PopulationService.PopulationInput(request.count(), request.year(),
                        request.source()));
        return population(figure, true);
    }

    private static AdminUnit.Level level(String level) {
        if (level == null || level.isBlank()) {
            return null;
        }
        try {
            return AdminUnit.Level.valueOf(level.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field("level", "must be one of PROVINCE, DISTRICT, COMMUNE");
        }
    }

    private static EditionView edition(AdminUnitEdition e) {
        return new EditionView(e.id(), e.from(), e.to(), e.source());
    }

    private static UnitView unit(EditionUnit u) {
        return u == null ? null : new UnitView(u.code(), u.name(), u.level().name(), u.parentCode());
    }

    private static MappingView mapping(UnitMapping m) {
        return new MappingView(m.unit().edition(), m.code(), m.unit().name(), m.unit().level().name(), m.kind().name());
    }

    private static UnitDetail detail(AdminUnitCatalog.UnitDetail d) {
        return new UnitDetail(d.edition().id(), d.edition().from(), d.edition().to(), unit(d.unit()), unit(d.parent()),
                d.ancestors().stream().map(AdminUnitResource::unit).toList(),
                d.children().stream().map(AdminUnitResource::unit).toList(),
                d.successors().stream().map(AdminUnitResource::mapping).toList(),
                d.predecessors().stream().map(AdminUnitResource::mapping).toList(),
                d.population().map(f -> population(f, false)).orElse(null));
    }

    private static PopulationView population(PopulationFigure f, boolean withSetter) {
        return new PopulationView(f.edition(), f.code(), f.count(), f.year(), f.source(), f.setAt(),
                withSetter ? f.setBy() : null);
    }
}
