package org.qrtrace.tracing.messaging;

import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ConnectionFactory;
import org.jsmpp.session.connection.socket.SocketConnection;
import org.jsmpp.session.connection.socket.SocketConnectionFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;

/**
 * How the SMPP session reaches the SMSC: plain TCP, or TLS for gateways that offer it. TLS checks the gateway's
 * certificate against the given PKCS12 trust store (or the JVM's default trust) and its host name or address, and
 * completes the handshake before the bind, so that a wrong certificate is a failed bind, logged like any other.
 */
public final class SmppConnections {

    private SmppConnections() {
    }

    public static ConnectionFactory plain() {
        return SocketConnectionFactory.getInstance();
    }

    /** TLS trusting {@code trustStore} (PKCS12) when given, else the JVM's default trust store. */
    public static ConnectionFactory tls(Optional<Path> trustStore, Optional<String> password) {
        SSLContext context = context(trustStore, password);
        return new ConnectionFactory() {
            @Override
            public Connection createConnection(String host, int port) throws IOException {
                SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(host, port);
                try {
                    SSLParameters parameters = socket.getSSLParameters();
                    parameters.setEndpointIdentificationAlgorithm("HTTPS");
                    socket.setSSLParameters(parameters);
                    socket.startHandshake();
                    return new SocketConnection(socket);
                } catch (IOException | RuntimeException e) {
                    socket.close();
                    throw e;
                }
            }
        };
    }

    private static SSLContext context(Optional<Path> trustStore, Optional<String> password) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (trustStore.isPresent()) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(trustStore.get())) {
                    store.load(in, password.map(String::toCharArray).orElse(null));
                }
                trust.init(store);
            } else {
                trust.init((KeyStore) null);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the SMPP trust store " + trustStore.orElse(null), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS for SMPP: " + e.getMessage(), e);
        }
    }
}
