package app.nozzly.ordersync.auth.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;

import app.nozzly.ordersync.auth.mapping.AuthViews;
import app.nozzly.ordersync.auth.service.AuthService;
import app.nozzly.ordersync.common.ApiException;

/** specs/002 Authentication Endpoints: /auth/login, /auth/callback, /auth/logout, /auth/user. */
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    public record CallbackRequest(String code, String codeVerifier) {
    }

    @Inject
    AuthService auth;

    @Inject
    JsonWebToken jwt;

    @GET
    @Path("/login")
    public AuthViews.Login login() {
        AuthService.Login login = auth.login();
        return new AuthViews.Login(login.authUrl(), login.codeVerifier(), login.state());
    }

    @POST
    @Path("/callback")
    @Consumes(MediaType.APPLICATION_JSON)
    public AuthViews.SignedIn callback(CallbackRequest request) {
        if (request == null) {
            throw ApiException.badRequest("body {\"code\", \"code_verifier\"} is required");
        }
        AuthService.SignedIn signedIn = auth.callback(request.code(), request.codeVerifier());
        return new AuthViews.SignedIn(signedIn.token(), AuthViews.User.of(signedIn.user()));
    }

    @POST
    @Path("/logout")
    public AuthViews.Message logout() {
        auth.logout(jwt.getTokenID(), jwt.getExpirationTime());
        return new AuthViews.Message("Logged out successfully");
    }

    @GET
    @Path("/user")
    public AuthViews.User user() {
        return auth.user(jwt.getSubject()).map(AuthViews.User::of)
                .orElseThrow(() -> ApiException.notFound("no Etsy seller " + jwt.getSubject() + " has signed in to this shop"));
    }
}
