package org.qrtrace.checkin.rest;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The address rate limits count by. Behind a reverse proxy enable {@code quarkus.http.proxy.proxy-address-forwarding}
 * (and trusted proxies) so that this is the visitor's address, not the proxy's.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpServerRequest request) {
        SocketAddress address = request == null ? null : request.remoteAddress();
        return address == null ? "unknown" : address.hostAddress();
    }
}
