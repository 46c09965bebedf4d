package org.qrtrace.venue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.qrtrace.testing.PlatformContract;
import org.qrtrace.testing.RealInfraTestResource;
import org.qrtrace.testing.TestTokens;

import java.util.List;

/** The platform promises of docs/architecture.md ("What every service promises"), checked against real PostgreSQL and Kafka. */
@QuarkusTest
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "venue"))
class PlatformTest extends PlatformContract {

    @Override
    protected List<String> readinessChecks() {
        return List.of("Database connections health check", "Kafka");
    }

    @Override
    protected String[] protectedEndpoint() {
        return new String[] {"GET", "/api/v1/venues"};
    }

    @Override
    protected String tokenWithWrongRole() {
        return TestTokens.healthOfficer("30");
    }

    @Override
    protected String postEndpoint() {
        return "/api/v1/venues";
    }

    @Override
    protected long maxBodySize() {
        return 16L * 1024 * 1024; // quarkus.http.limits.max-body-size=16M
    }
}
