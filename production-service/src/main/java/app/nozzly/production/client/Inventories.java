package app.nozzly.production.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import app.nozzly.platform.tenancy.TenantContext;

/** Makes the {@link Inventory} of an API family: one REST client and one way of passing the caller's token. */
@ApplicationScoped
public class Inventories {

    @Inject
    @RestClient
    InventoryApi api;

    @Inject
    JsonWebToken jwt;

    @Inject
    TenantContext tenants;

    public Inventory reportingWith(InventoryFailures failures) {
        return new Inventory(api, jwt, tenants, failures);
    }
}
