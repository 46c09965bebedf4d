package org.qrtrace.venue.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.qrtrace.common.adminunit.AdminUnit;
import org.qrtrace.common.adminunit.AdminUnits;
import org.qrtrace.common.error.InvalidInput;
import org.qrtrace.venue.domain.AdminUnitNotFound;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The administrative-unit tree (public reference data): list with filters, one unit with its children. */
@Path("/api/v1/admin-units")
@Tag(name = "admin-units", description = "The administrative units (province, district, commune): public reference "
        + "data.")
@PermitAll
public class AdminUnitResource {

    /** A list of units and the version of the data file they come from. */
    public record UnitList(String dataVersion, List<AdminUnit> items) {
    }

    /** One unit, its ancestors (parent first) and its direct children. */
    public record UnitDetail(String dataVersion, AdminUnit unit, List<AdminUnit> ancestors, List<AdminUnit> children) {
    }

    private final AdminUnits units = AdminUnits.bundled();

    @GET
    @Operation(operationId = "listAdminUnits", summary = "List administrative units",
            description = "Units filtered by parent, level or subtree, with the version of the data file. Public.")
    public UnitList list(@QueryParam("parentCode") String parentCode, @QueryParam("level") String level,
                         @QueryParam("within") String within) {
        Stream<AdminUnit> all = units.all().stream();
        AdminUnit parent = VenueParams.adminUnit("parentCode", parentCode);
        if (parent != null) {
            all = all.filter(u -> parent.code().equals(u.parentCode()));
        }
        AdminUnit scope = VenueParams.adminUnit("within", within);
        if (scope != null) {
            all = all.filter(u -> units.isWithin(u.code(), scope.code()));
        }
        if (level != null && !level.isBlank()) {
            AdminUnit.Level wanted;
            try {
                wanted = AdminUnit.Level.valueOf(level.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw InvalidInput.field("level", "must be one of PROVINCE, DISTRICT, COMMUNE");
            }
            all = all.filter(u -> u.level() == wanted);
        }
        return new UnitList(units.dataVersion(), all.toList());
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getAdminUnit", summary = "Get an administrative unit",
            description = "One unit with its ancestors (parent first) and its direct children; 404 when unknown. "
                    + "Public.")
    public UnitDetail get(@PathParam("code") String code) {
        AdminUnit unit = units.find(code).orElseThrow(() -> new AdminUnitNotFound(code));
        List<AdminUnit> ancestry = units.ancestry(code);
        return new UnitDetail(units.dataVersion(), unit, ancestry.subList(1, ancestry.size()), units.children(code));
    }
}
