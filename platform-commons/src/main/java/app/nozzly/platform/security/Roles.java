package app.nozzly.platform.security;

/**
 * The platform's roles (ARCHITECTURE.md, "Identity, tenants, roles"), from the token's {@code groups}. Each implies
 * the ones below it ({@link RoleHierarchy}), so an endpoint names the least role it needs: reads
 * {@code @RolesAllowed(Roles.VIEWER)}, production and printer work {@code @RolesAllowed(Roles.OPERATOR)}, the
 * tenant's settings, keys and catalogue administration {@code @RolesAllowed(Roles.ADMIN)}.
 */
public final class Roles {

    /** The tenant's owner: everything an admin may do. */
    public static final String OWNER = "owner";
    /** Manages everything of the tenant. */
    public static final String ADMIN = "admin";
    /** Runs production and printers. */
    public static final String OPERATOR = "operator";
    /** Reads. */
    public static final String VIEWER = "viewer";

    private Roles() {
    }
}
