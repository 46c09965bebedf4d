package org.qrtrace.deploy.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.qrtrace.deploy.DevKeys;
import org.qrtrace.deploy.DevSecrets;
import org.qrtrace.deploy.infra.ServiceDatabase;

import java.util.HashMap;
import java.util.Map;

/**
 * Points a service under test at real PostgreSQL and Kafka ({@link TestInfrastructure}) and at generated development
 * keys and secrets. Use {@code @QuarkusTestResource(value = RealInfraTestResource.class, initArgs =
 * @ResourceArg(name = "database", value = "venue"))}; without the argument no datasource is configured.
 */
public class RealInfraTestResource implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
    }

    @Override
    public Map<String, String> start() {
        TestInfrastructure infra = TestInfrastructure.get();
        DevSecrets secrets = DevSecrets.loadOrCreate(TestTokens.TEST_KEYS_DIR);
        Map<String, String> config = new HashMap<>(secrets.serviceConfig());
        config.put("kafka.bootstrap.servers", infra.bootstrapServers());
        config.put("mp.jwt.verify.publickey", DevKeys.loadOrCreate(TestTokens.TEST_KEYS_DIR).publicKeyPem());
        config.put("mp.jwt.verify.issuer", DevKeys.ISSUER);
        if (database != null && !database.isBlank()) {
            ServiceDatabase db = ServiceDatabase.named(database);
            String password = secrets.dbPassword(db);
            config.put("quarkus.datasource.jdbc.url", infra.ensureDatabase(db, password));
            config.put("quarkus.datasource.username", db.user());
            config.put("quarkus.datasource.password", password);
        }
        return config;
    }

    @Override
    public void stop() {
        // The servers are shared by every test application of this JVM and stop when it exits.
    }
}
