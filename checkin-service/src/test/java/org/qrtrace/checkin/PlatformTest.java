package org.qrtrace.checkin;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

import io.quarkus.test.junit.QuarkusTest;
import org.qrtrace.testing.PlatformContract;
import org.qrtrace.testing.RealInfraTestResource;
import org.qrtrace.testing.TestTokens;

import java.util.List;

/** The platform promises of docs/architecture.md ("What every service promises"), checked against real PostgreSQL and Kafka. */
@QuarkusTest
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "checkin"))
class PlatformTest extends PlatformContract {

    @Override
    protected List<String> readinessChecks() {
        return List.of("Kafka");
    }

    @Override
    protected String[] protectedEndpoint() {
        return new String[] {"POST", "/api/v1/gate/batches", "{\"deviceId\":\"gate-1\",\"scans\":[]}"};
    }

    @Override
    protected String tokenWithWrongRole() {
        return TestTokens.venueManager("3f1c2b8e-0000-4000-8000-000000000001");
    }

    @Override
    protected String postEndpoint() {
        return "/api/v1/gate/batches";
    }

    @Override
    protected long maxBodySize() {
        return 512L * 1024; // quarkus.http.limits.max-body-size=512K
    }
}
