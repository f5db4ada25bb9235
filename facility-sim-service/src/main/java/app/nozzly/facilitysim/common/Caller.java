package app.nozzly.facilitysim.common;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: a student acts only for the team named by the token's {@code team_id} claim; a teacher or
 * admin runs the game of the whole tenant (the token's {@code tenant_id}).
 */
@RequestScoped
public class Caller {

    public static final String TEAM_CLAIM = "team_id";
    public static final String STUDENT = "student";
    public static final String TEACHER = "teacher";
    public static final String ADMIN = "admin";

    @Inject
    JsonWebToken jwt;

    public boolean isStaff() {
        return jwt.getGroups().contains(TEACHER) || jwt.getGroups().contains(ADMIN);
    }

    /** The subject of the token, the "user" of the per-user rate limits. */
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
     * The team a list is scoped to: staff may ask for any team or none; a student gets their own team and
     * may not ask for another.
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
