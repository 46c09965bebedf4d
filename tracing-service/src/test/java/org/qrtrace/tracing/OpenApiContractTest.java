package org.qrtrace.tracing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.qrtrace.testing.OpenApiContract;
import org.qrtrace.testing.RealInfraTestResource;

/** This service's /q/openapi is one a client can be generated from (docs/architecture.md, "API"). */
@QuarkusTest
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "tracing"))
class OpenApiContractTest extends OpenApiContract {
}
