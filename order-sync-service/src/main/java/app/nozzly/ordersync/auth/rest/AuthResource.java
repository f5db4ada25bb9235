package app.nozzly.ordersync.auth.rest;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;

import app.nozzly.ordersync.auth.AppUser;
import app.nozzly.ordersync.auth.service.AuthService;
import app.nozzly.ordersync.common.ApiException;

/** specs/002 Authentication Endpoints: /auth/login, /auth/callback, /auth/logout, /auth/user. */
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    public record LoginResponse(String authUrl, String codeVerifier, String state) {
    }

    public record CallbackRequest(String code, String codeVerifier) {
    }

    public record UserResponse(long id, String etsyUserId, String username, String firstName, String shopId,
            String shopName, LocalDateTime createdAt, LocalDateTime updatedAt) {

        static UserResponse of(AppUser user) {
            return new UserResponse(user.id, user.etsyUserId, user.username, user.firstName, user.shopId,
                    user.shopName, user.createdAt.truncatedTo(ChronoUnit.SECONDS),
                    user.updatedAt.truncatedTo(ChronoUnit.SECONDS));
        }
    }

    public record CallbackResponse(String token, UserResponse user) {
    }

    public record Message(String message) {
    }

    @Inject
    AuthService auth;

    @Inject
    JsonWebToken jwt;

    @GET
    @Path("/login")
    public LoginResponse login() {
        AuthService.Login login = auth.login();
        return new LoginResponse(login.authUrl(), login.codeVerifier(), login.state());
    }

    @POST
    @Path("/callback")
    @Consumes(MediaType.APPLICATION_JSON)
    public CallbackResponse callback(CallbackRequest request) {
        if (request == null) {
            throw ApiException.badRequest("body {\"code\", \"code_verifier\"} is required");
        }
        AuthService.SignedIn signedIn = auth.callback(request.code(), request.codeVerifier());
        return new CallbackResponse(signedIn.token(), UserResponse.of(signedIn.user()));
    }

    @POST
    @Path("/logout")
    public Message logout() {
        auth.logout(jwt.getTokenID(), jwt.getExpirationTime());
        return new Message("Logged out successfully");
    }

    @GET
    @Path("/user")
    public UserResponse user() {
        return auth.user(jwt.getSubject()).map(UserResponse::of)
                .orElseThrow(() -> ApiException.notFound("no Etsy seller " + jwt.getSubject() + " has signed in to this shop"));
    }
}
