package app.nozzly.platform.security;

import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/** owner implies admin, admin implies operator, operator implies viewer; other roles (specs/004's) stay as they are. */
@ApplicationScoped
public class RoleHierarchy implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        Set<String> implied = implied(identity.getRoles());
        if (implied.equals(identity.getRoles())) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addRoles(implied).build());
    }

    static Set<String> implied(Set<String> roles) {
        Set<String> all = new HashSet<>(roles);
        if (all.contains(Roles.OWNER)) {
            all.add(Roles.ADMIN);
        }
        if (all.contains(Roles.ADMIN)) {
            all.add(Roles.OPERATOR);
        }
        if (all.contains(Roles.OPERATOR)) {
            all.add(Roles.VIEWER);
        }
        return all;
    }
}
