package org.qrtrace.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.qrtrace.deploy.DevKeys;
import org.qrtrace.deploy.DevSecrets;
import org.qrtrace.deploy.infra.ServiceDatabase;

import java.util.HashMap;
import java.util.Map;

/**
 * Points a service under test at real PostgreSQL and Kafka ({@link TestInfrastructure}), at its own database if it
 * has one, and at generated development keys, handing it only its own secrets as {@code ./deploy/run-local} does
 * ({@link DevSecrets#serviceConfig}). Use {@code @QuarkusTestResource(value = RealInfraTestResource.class, initArgs =
 * @ResourceArg(name = "service", value = "venue"))} (venue, checkin or tracing).
 */
public class RealInfraTestResource implements QuarkusTestResourceLifecycleManager {

    private String service;

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.get("service");
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("name the service under test: @ResourceArg(name = \"service\", "
                    + "value = \"venue\" | \"checkin\" | \"tracing\")");
        }
    }

    @Override
    public Map<String, String> start() {
        TestInfrastructure infra = TestInfrastructure.get();
        DevSecrets secrets = TestTokens.secrets();
        Map<String, String> config = new HashMap<>(secrets.serviceConfig(service));
        config.put("kafka.bootstrap.servers", infra.bootstrapServers());
        config.put("mp.jwt.verify.publickey", DevKeys.loadOrCreate(TestTokens.TEST_KEYS_DIR).publicKeyPem());
        config.put("mp.jwt.verify.issuer", DevKeys.ISSUER);
        ServiceDatabase.ALL.stream().filter(db -> db.database().equals(service)).findFirst().ifPresent(db -> {
            String password = secrets.dbPassword(db);
            config.put("quarkus.datasource.jdbc.url", infra.ensureDatabase(db, password));
            config.put("quarkus.datasource.username", db.user());
            config.put("quarkus.datasource.password", password);
        });
        return config;
    }

    @Override
    public void stop() {
        // The servers are shared by every test application of this JVM and stop when it exits.
    }
}
