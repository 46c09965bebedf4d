package org.qrtrace.tracing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.qrtrace.deploy.testing.OpenApiContract;
import org.qrtrace.deploy.testing.RealInfraTestResource;

/** This service's /q/openapi is one a client can be generated from (docs/architecture.md, "API"). */
@QuarkusTest
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "tracing"))
class OpenApiContractTest extends OpenApiContract {
}
