package org.qrtrace.venue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.qrtrace.testing.OpenApiContract;
import org.qrtrace.testing.RealInfraTestResource;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;

/** This service's /q/openapi is one a client can be generated from (docs/architecture.md, "API"). */
@QuarkusTest
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "venue"))
class OpenApiContractTest extends OpenApiContract {

    /** Leaves the document as {@code target/openapi.yaml}, for Spectral without a running stack. */
    @Test
    void leavesTheDocumentForSpectral() throws Exception {
        String yaml = given().when().get("/q/openapi").then().statusCode(200).extract().asString();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "openapi.yaml"), yaml);
    }
}
