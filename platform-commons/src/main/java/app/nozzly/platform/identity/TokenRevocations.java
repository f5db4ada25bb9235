package app.nozzly.platform.identity;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import app.nozzly.platform.events.CloudEvent;
import app.nozzly.platform.events.CloudEventCodec;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * A platform token revoked at logout is refused by every service, not only by the one that issued it:
 * order-sync-service publishes {@code auth.token.revoked} (data {@code jti}, {@code expires_at}) on
 * {@code auth.revocations}; every replica reads that topic whole with a group of its own and answers 401 to
 * the revoked token until it would have expired anyway.
 */
@ApplicationScoped
public class TokenRevocations implements SecurityIdentityAugmentor {

    public static final String TOPIC = "auth.revocations";
    public static final String REVOKED = "auth.token.revoked";

    /** Kept when the event does not say when the token expires: longer than any platform token lives. */
    static final Duration UNKNOWN_EXPIRY = Duration.ofDays(1);

    private static final Logger LOG = Logger.getLogger(TokenRevocations.class);

    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();

    @Inject
    CloudEventCodec codec;

    @Incoming("platform-token-revocations")
    public void on(String message) {
        CloudEvent event;
        try {
            event = codec.parse(message);
        } catch (RuntimeException e) {
            LOG.warnf("a message on %s is not a CloudEvent and was skipped: %s", TOPIC, e.getMessage());
            return;
        }
        if (!REVOKED.equals(event.type()) || event.data() == null || !event.data().hasNonNull("jti")) {
            return;
        }
        Instant expiry = expiry(event.data().get("expires_at"));
        if (expiry.isAfter(Instant.now())) {
            revoked.put(event.data().get("jti").asText(), expiry);
            LOG.debugf("tenant %s: token %s revoked until %s", event.tenant(), event.data().get("jti").asText(), expiry);
        }
    }

    public boolean isRevoked(String jti) {
        Instant expiry = jti == null ? null : revoked.get(jti);
        return expiry != null && expiry.isAfter(Instant.now());
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && isRevoked(jwt.getTokenID())) {
            return Uni.createFrom().failure(new AuthenticationFailedException("token " + jwt.getTokenID()
                    + " was revoked"));
        }
        return Uni.createFrom().item(identity);
    }

    @Scheduled(every = "5m", delayed = "5m")
    void forgetExpired() {
        Instant now = Instant.now();
        revoked.values().removeIf(expiry -> !expiry.isAfter(now));
    }

    /** Epoch seconds (the JWT exp claim) or an ISO-8601 instant; unknown means a day from now. */
    private static Instant expiry(JsonNode value) {
        if (value == null || value.isNull()) {
            return Instant.now().plus(UNKNOWN_EXPIRY);
        }
        if (value.isNumber()) {
            return Instant.ofEpochSecond(value.asLong());
        }
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException e) {
            return Instant.now().plus(UNKNOWN_EXPIRY);
        }
    }
}
