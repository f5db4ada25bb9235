package app.nozzly.inventory.spoolman.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.ResponseStatus;

import app.nozzly.inventory.spoolman.SpoolmanKey;
import app.nozzly.inventory.spoolman.service.SpoolmanKeys;
import app.nozzly.platform.security.Roles;

/**
 * Keys of Spoolman's API: an owner or admin makes one for each client (Moonraker, OctoPrint, Home Assistant), which
 * is then configured with the answer's base_url; listing never shows a key; DELETE revokes at once.
 */
@Path("/api/v1/integrations/spoolman")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class SpoolmanKeyResource {

    @Inject
    SpoolmanKeys keys;

    @Inject
    JsonWebToken jwt;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    public SpoolmanKeyApi.CreatedKey create(@Valid SpoolmanKeyApi.CreateKey request, @Context UriInfo uri) {
        SpoolmanKeys.Created created = keys.create(request == null ? null : request.name(), jwt.getName());
        String base = uri.getBaseUri().toString().replaceAll("/+$", "");
        SpoolmanKey key = created.key();
        return new SpoolmanKeyApi.CreatedKey(key.id, key.name, created.secret(), base + "/spoolman/" + created.secret(),
                key.createdBy, key.createdAt);
    }

    @GET
    public SpoolmanKeyApi.KeyList list() {
        return new SpoolmanKeyApi.KeyList(keys.list().stream()
                .map(k -> new SpoolmanKeyApi.KeyView(k.id, k.name, k.createdBy, k.createdAt, k.revokedAt)).toList());
    }

    @DELETE
    @Path("/{id}")
    public void revoke(@PathParam("id") UUID id) {
        keys.revoke(id, jwt.getName());
    }
}
