package org.qrtrace.tracing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.qrtrace.testing.PlatformContract;
import org.qrtrace.testing.RealInfraTestResource;
import org.qrtrace.testing.TestTokens;

import java.util.List;

/** The platform promises of docs/architecture.md ("What every service promises"), checked against real PostgreSQL and Kafka. */
@QuarkusTest
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "tracing"))
class PlatformTest extends PlatformContract {

    @Override
    protected List<String> readinessChecks() {
        return List.of("Database connections health check", "Kafka", "Event consumer");
    }

    @Override
    protected String[] protectedEndpoint() {
        return new String[] {"POST", "/api/v1/exposure-queries"};
    }

    @Override
    protected String tokenWithWrongRole() {
        return TestTokens.venueManager("3f1c2b8e-0000-4000-8000-000000000001");
    }

    @Override
    protected String postEndpoint() {
        return "/api/v1/exposure-queries";
    }

    @Override
    protected long maxBodySize() {
        return 2L * 1024 * 1024; // quarkus.http.limits.max-body-size=2M
    }
}
