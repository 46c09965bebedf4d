package org.qrtrace.tracing.messaging;

import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qrtrace.deploy.infra.SmscServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SMPP over TLS as a gateway offering it would serve it: a real {@link SmscServer} listening with TLS (a key made here
 * by keytool for 127.0.0.1), reached through {@link SmppConnections#tls}. The certificate is checked: trusted through
 * the given trust store, refused (a failed bind) with the JVM's default trust.
 */
class SmppTlsTest {

    static final String PASSWORD = "tls-pass";
    @TempDir
    static Path dir;
    static Path keyStore;
    static Path trustStore;

    static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), output);
    }

    @BeforeAll
    static void makeKeys() throws Exception {
        keyStore = dir.resolve("smsc.p12");
        trustStore = dir.resolve("trust.p12");
        Path cert = dir.resolve("smsc.crt");
        keytool("-genkeypair", "-alias", "smsc", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=local SMSC",
                "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", "changeit");
        keytool("-exportcert", "-alias", "smsc", "-keystore", keyStore.toString(), "-storepass", "changeit",
                "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "smsc", "-file", cert.toString(), "-storetype", "PKCS12",
                "-keystore", trustStore.toString(), "-storepass", "trustpass");
    }

    static SSLContext serverContext() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    static SMPPSession bind(SmscServer smsc, org.jsmpp.session.connection.ConnectionFactory connections) throws IOException {
        SMPPSession session = new SMPPSession(connections);
        session.setTransactionTimer(10_000);
        session.connectAndBind("127.0.0.1", smsc.port(), new BindParameter(BindType.BIND_TRX, "qrtrace", PASSWORD, "",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 10_000);
        return session;
    }

    @Test
    void bindsAndSubmitsOverTlsTrustingTheGivenStore() throws Exception {
        try (SmscServer smsc = SmscServer.start(SmscServer.Config.of("qrtrace", PASSWORD).withTls(serverContext()))) {
            SMPPSession session = bind(smsc, SmppConnections.tls(Optional.of(trustStore), Optional.of("trustpass")));
            try {
                String id = session.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN,
                        "BoYTe", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "84912000002", new ESMClass(),
                        (byte) 0, (byte) 1, null, null, new RegisteredDelivery(SMSCDeliveryReceipt.DEFAULT), (byte) 0,
                        DataCodings.ZERO, (byte) 0, "over TLS".getBytes(StandardCharsets.ISO_8859_1)).getMessageId();
                assertEquals(1, smsc.messages().size());
                assertEquals(id, smsc.messages().get(0).messageId());
                assertEquals("over TLS", smsc.messages().get(0).text());
            } finally {
                session.unbindAndClose();
            }
        }
    }

    @Test
    void anUntrustedCertificateIsAFailedBindAndAPlainClientIsNotServed() throws Exception {
        try (SmscServer smsc = SmscServer.start(SmscServer.Config.of("qrtrace", PASSWORD).withTls(serverContext()))) {
            IOException untrusted = assertThrows(IOException.class,
                    () -> bind(smsc, SmppConnections.tls(Optional.empty(), Optional.empty())));
            assertTrue(String.valueOf(untrusted).contains("SSL") || String.valueOf(untrusted.getCause()).contains("certification"),
                    String.valueOf(untrusted));
            assertThrows(IOException.class, () -> bind(smsc, SmppConnections.plain()));
            assertEquals(0, smsc.messages().size());
        }
    }
}
