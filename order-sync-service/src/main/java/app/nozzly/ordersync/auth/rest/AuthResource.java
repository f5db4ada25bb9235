package app.nozzly.ordersync.auth.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import app.nozzly.ordersync.auth.mapping.AuthViews;
import app.nozzly.ordersync.auth.service.AuthService;
import app.nozzly.ordersync.etsy.EtsyUnavailable;
import app.nozzly.platform.errors.ApiProblem;
import app.nozzly.platform.security.Roles;
import io.quarkus.security.Authenticated;

/**
 * specs/002 Authentication Endpoints: /auth/login and /auth/callback sign a seller in and need no token,
 * /auth/logout ends any valid token, /auth/user reads the signed-in seller.
 */
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    /** code_verifier: RFC 7636's 43-128 characters of the unreserved set, as /auth/login gave it. */
    public record CallbackRequest(@NotBlank @Size(max = 2048) String code,
            @NotNull @Pattern(regexp = "[A-Za-z0-9._~-]{43,128}",
                    message = "must be the 43-128 character verifier returned by /auth/login") String codeVerifier) {
    }

    @Inject
    AuthService auth;

    @Inject
    JsonWebToken jwt;

    @GET
    @Path("/login")
    @PermitAll
    public AuthViews.Login login() {
        AuthService.Login login = auth.login();
        return new AuthViews.Login(login.authUrl(), login.codeVerifier(), login.state());
    }

    @POST
    @Path("/callback")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @APIResponse(responseCode = "200", description = "signed in: the platform token and the seller")
    @APIResponse(responseCode = "502", description = EtsyUnavailable.DESCRIPTION, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = EtsyUnavailable.SCHEMA)))
    public AuthViews.SignedIn callback(@Valid @NotNull CallbackRequest request) {
        AuthService.SignedIn signedIn = auth.callback(request.code(), request.codeVerifier());
        return new AuthViews.SignedIn(signedIn.token(), AuthViews.User.of(signedIn.user()));
    }

    @POST
    @Path("/logout")
    @Authenticated
    public AuthViews.Message logout() {
        auth.logout(jwt.getTokenID(), jwt.getExpirationTime());
        return new AuthViews.Message("Logged out successfully");
    }

    @GET
    @Path("/user")
    @RolesAllowed(Roles.VIEWER)
    public AuthViews.User user() {
        return auth.user(jwt.getSubject()).map(AuthViews.User::of)
                .orElseThrow(() -> ApiProblem.notFound("Etsy seller", jwt.getSubject()));
    }
}
