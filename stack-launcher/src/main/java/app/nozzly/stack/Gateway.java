package app.nozzly.stack;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * The local API gateway: routes by path prefix (WebSocket upgrades included) to the services on
 * localhost, as the cluster's Gateway API routes do. Unknown paths answer 404 here.
 */
final class Gateway implements AutoCloseable {

    private static final String TARGET = "nozzly.target";

    private final Vertx vertx = Vertx.vertx();
    private final Routes routes;
    private HttpServer server;

    Gateway(Routes routes) {
        this.routes = routes;
    }

    void start(int port) throws Exception {
        HttpClient client = vertx.createHttpClient();
        HttpProxy proxy = HttpProxy.reverseProxy(client)
                .origin(OriginRequestProvider.selector(context -> Future.succeededFuture(
                        SocketAddress.inetSocketAddress(target(context).service().port(), "127.0.0.1"))))
                .addInterceptor(new ProxyInterceptor() {
                    @Override
                    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
                        Routes.Target target = routes.resolve(context.request().getURI()).orElseThrow();
                        context.set(TARGET, target);
                        context.request().setURI(target.path());
                        return context.sendRequest();
                    }
                });
        CompletableFuture<HttpServer> started = new CompletableFuture<>();
        vertx.createHttpServer().requestHandler(request -> route(proxy, request)).listen(port, "127.0.0.1")
                .onSuccess(started::complete).onFailure(started::completeExceptionally);
        server = started.get(20, TimeUnit.SECONDS);
    }

    /** Set by the interceptor for plain requests; WebSocket upgrades bypass interceptors and resolve here. */
    private Routes.Target target(ProxyContext context) {
        Routes.Target target = context.get(TARGET, Routes.Target.class);
        return target != null ? target : routes.resolve(context.request().getURI()).orElseThrow();
    }

    private void route(HttpProxy proxy, HttpServerRequest request) {
        if (routes.resolve(request.uri()).isEmpty()) {
            request.response().setStatusCode(404).putHeader("content-type", "application/json")
                    .end("{\"error\":\"no service serves " + request.path().replace("\"", "") + "\",\"status\":404}");
            return;
        }
        proxy.handle(request);
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        vertx.close();
    }
}
