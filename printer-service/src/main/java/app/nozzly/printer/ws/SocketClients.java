package app.nozzly.printer.ws;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;
import io.vertx.core.net.SocketAddress;

/**
 * Who opens a /ws connection, for specs/003's limit of concurrent connections per client: the address the HTTP
 * layer resolved for the upgrade request, which believes X-Forwarded-For only from the trusted gateway
 * (platform.http.trusted-proxies), so a client cannot name itself anew for every connection.
 */
@ApplicationScoped
public class SocketClients implements HttpUpgradeCheck {

    static final UserData.TypedKey<String> CLIENT = UserData.TypedKey.forString("client");

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        SocketAddress remote = context.httpRequest().remoteAddress();
        context.userData().put(CLIENT, remote == null ? "unknown" : remote.hostAddress());
        return CheckResult.permitUpgrade();
    }
}
