package app.nozzly.inventory.spoolman.rest;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.nozzly.inventory.spoolman.ListQuery;
import app.nozzly.inventory.spoolman.service.SpoolmanAccess;
import app.nozzly.inventory.spoolman.service.SpoolmanCatalog;

/**
 * Spoolman's catalog entities (/vendor, /filament) are found, got, added, updated and deleted alike: by an integer
 * id named {@code idName} in its 422, from query parameters and a body read with the entity's own bounds (an update
 * refusing None for the fields {@code notNullOnUpdate}).
 *
 * @param <R> the entity's request body as read
 */
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public abstract class SpoolmanCatalogResource<R> {

    @Inject
    SpoolmanAccess access;

    @Inject
    SpoolmanCatalog catalog;

    private final String idName;
    private final List<String> notNullOnUpdate;
    private final BiFunction<SpoolmanCatalog, Long, ObjectNode> one;
    private final BiFunction<SpoolmanCatalog, R, ObjectNode> create;
    private final Update<R> update;
    private final BiConsumer<SpoolmanCatalog, Long> delete;

    /** How the catalog changes an entity of this kind: by its id, with the request body as read. */
    interface Update<R> {
        ObjectNode apply(SpoolmanCatalog catalog, long id, R request);
    }

    SpoolmanCatalogResource(String idName, List<String> notNullOnUpdate,
            BiFunction<SpoolmanCatalog, Long, ObjectNode> one, BiFunction<SpoolmanCatalog, R, ObjectNode> create,
            Update<R> update, BiConsumer<SpoolmanCatalog, Long> delete) {
        this.idName = idName;
        this.notNullOnUpdate = notNullOnUpdate;
        this.one = one;
        this.create = create;
        this.update = update;
        this.delete = delete;
    }

    @GET
    public Response find(@PathParam("key") String key, @Context UriInfo uri) {
        Function<SpoolmanCatalog, ListQuery.Page> search = search(new Params(uri));
        return Lists.page(access.call(key, k -> search.apply(catalog)));
    }

    @GET
    @Path("/{id}")
    public ObjectNode get(@PathParam("key") String key, @PathParam("id") String id) {
        long entity = Params.id(idName, id);
        return access.call(key, k -> one.apply(catalog, entity));
    }

    @POST
    public ObjectNode create(@PathParam("key") String key, JsonNode body) {
        R request = read(body, true);
        return access.call(key, k -> create.apply(catalog, request));
    }

    @PATCH
    @Path("/{id}")
    public ObjectNode update(@PathParam("key") String key, @PathParam("id") String id, JsonNode body) {
        long entity = Params.id(idName, id);
        R request = read(body, false);
        return access.call(key, k -> update.apply(catalog, entity, request));
    }

    @DELETE
    @Path("/{id}")
    public Map<String, String> delete(@PathParam("key") String key, @PathParam("id") String id) {
        long entity = Params.id(idName, id);
        access.run(key, k -> delete.accept(catalog, entity));
        return Lists.SUCCESS;
    }

    /** The search the query parameters ask for, read (and refused with a 422) before the key is checked. */
    abstract Function<SpoolmanCatalog, ListQuery.Page> search(Params params);

    private R read(JsonNode body, boolean creating) {
        Fields fields = new Fields(body);
        if (!creating) {
            notNullOnUpdate.forEach(fields::notNull);
        }
        return read(fields, creating);
    }

    /** Reads a body of add ({@code creating}) or of update, answering every invalid field as Spoolman's 422. */
    abstract R read(Fields fields, boolean creating);
}
