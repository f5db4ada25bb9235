package app.nozzly.facilitysim.common;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import app.nozzly.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling. A student acts only for the team named by the token's {@code team_id} claim; a teacher, or anyone
 * holding a platform role (viewer and above: owner, admin and operator imply it), sees every team of the tenant.
 */
@RequestScoped
public class Caller {

    public static final String TEAM_CLAIM = "team_id";
    public static final String STUDENT = "student";
    public static final String TEACHER = "teacher";

    @Inject
    JsonWebToken jwt;

    @Inject
    SecurityIdentity identity;

    /** Sees the whole tenant's game rather than one team's. */
    public boolean isStaff() {
        return identity.hasRole(TEACHER) || identity.hasRole(Roles.VIEWER);
    }

    /** The subject of the token, recorded as who produced. */
    public String user() {
        return jwt.getSubject() != null ? jwt.getSubject() : String.valueOf(jwt.getName());
    }

    public Optional<UUID> team() {
        Object claim = jwt.getClaim(TEAM_CLAIM);
        if (claim instanceof JsonString json) {
            claim = json.getString();
        }
        if (claim == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(claim.toString()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The student's own team; a student token without one may not act at all. */
    public UUID requireTeam() {
        return team().orElseThrow(() -> FacilityException.forbidden(TEAM_CLAIM, Msg.NO_TEAM_CLAIM));
    }

    /** Staff see every team; a student only their own. */
    public boolean mayActFor(UUID teamId) {
        return isStaff() || team().map(teamId::equals).orElse(false);
    }

    /**
     * The team a list is scoped to: staff may ask for any team or none; a student gets their own team and may not
     * ask for another.
     */
    public Optional<UUID> scopeTeam(Optional<UUID> requested) {
        if (isStaff()) {
            return requested;
        }
        UUID own = requireTeam();
        if (requested.isPresent() && !requested.get().equals(own)) {
            throw FacilityException.forbidden("teamId", Msg.OTHER_TEAM);
        }
        return Optional.of(own);
    }
}
