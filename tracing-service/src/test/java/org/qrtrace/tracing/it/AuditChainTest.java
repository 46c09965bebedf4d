package org.qrtrace.tracing.it;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.qrtrace.testing.RealInfraTestResource;
import org.qrtrace.testing.TestTokens;

import java.sql.SQLException;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit log detects a row edited or deleted behind the service's back (directly in SQL). */
@QuarkusTest
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "tracing"))
class AuditChainTest {

    @Inject
    AgroalDataSource dataSource;

    private static void runQuery(String caseReference) {
        given().auth().oauth2(TestTokens.healthOfficer("288")).contentType(ContentType.JSON)
                .body(Map.of("caseReference", caseReference, "pseudonym", Events.randomPseudonym(),
                        "from", "2026-11-01T00:00:00Z", "to", "2026-11-02T00:00:00Z"))
                .when().post("/api/v1/exposure-queries").then().statusCode(200);
    }

    private static JsonPath verify() {
        return given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/audit/verify")
                .then().statusCode(200).extract().jsonPath();
    }

    private long seqOf(String caseReference) throws SQLException {
        return Db.number(dataSource, "SELECT seq FROM audit_log WHERE case_reference = ?", caseReference);
    }

    private void sql(String... statements) throws SQLException {
        Db.execute(dataSource, statements);
    }

    @Test
    void editedOrDeletedRowsAreDetected() throws SQLException {
        runQuery("AUDIT-1");
        runQuery("AUDIT-2");
        runQuery("AUDIT-3");
        JsonPath ok = verify();
        assertTrue(ok.getBoolean("valid"), ok.prettify());
        long middle = seqOf("AUDIT-2");

        // The table refuses updates and deletes while its trigger is in place.
        assertThrows(SQLException.class, () -> sql("UPDATE audit_log SET row_count = 99 WHERE seq = " + middle));
        assertThrows(SQLException.class, () -> sql("DELETE FROM audit_log WHERE seq = " + middle));

        // Someone with the table owner's rights disables it and edits a row: the chain shows where.
        try {
            sql("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update",
                    "UPDATE audit_log SET case_reference = 'HIDDEN' WHERE seq = " + middle);
            JsonPath edited = verify();
            assertEquals(false, edited.getBoolean("valid"));
            assertEquals(middle, edited.getLong("firstBadSeq"));
            assertTrue(edited.getString("problem").contains("changed"), edited.getString("problem"));

            sql("UPDATE audit_log SET case_reference = 'AUDIT-2' WHERE seq = " + middle);
            assertTrue(verify().getBoolean("valid"), "restoring the exact content restores the chain");

            // A plain table, not a TEMP one: each sql(...) may run on another pooled connection, which would not see it.
            sql("CREATE TABLE audit_log_saved_by_test AS SELECT * FROM audit_log WHERE seq = " + middle + ";"
                    + "DELETE FROM audit_log WHERE seq = " + middle);
            JsonPath deleted = verify();
            assertEquals(false, deleted.getBoolean("valid"));
            assertEquals(middle + 1, deleted.getLong("firstBadSeq"));
            assertTrue(deleted.getString("problem").contains("missing"), deleted.getString("problem"));
            sql("INSERT INTO audit_log SELECT * FROM audit_log_saved_by_test; DROP TABLE audit_log_saved_by_test");
        } finally {
            sql("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update");
        }
        assertTrue(verify().getBoolean("valid"));
    }

    @Test
    void onlyAdminsReadTheLog() {
        runQuery("AUDIT-ROLE");
        given().auth().oauth2(TestTokens.healthOfficer("30")).when().get("/api/v1/audit").then().statusCode(403);
        given().auth().oauth2(TestTokens.healthOfficer("30")).when().get("/api/v1/audit/verify").then().statusCode(403);
        given().when().get("/api/v1/audit").then().statusCode(401);
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/audit?limit=1").then().statusCode(200)
                .body("rows[0].action", equalTo("EXPOSURE_QUERY")).body("rows[0].caseReference", equalTo("AUDIT-ROLE"))
                .body("rows[0].role", equalTo("health-officer")).body("rows[0].jurisdiction", equalTo("288"))
                .body("rows[0].rowCount", equalTo(0));
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/audit?limit=0").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }
}
