package app.nozzly.ordersync.auth.mapping;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import app.nozzly.ordersync.auth.AppUser;

/** The specs/002 Authentication shapes (snake_case on the wire). */
public final class AuthViews {

    private AuthViews() {
    }

    /** GET /auth/login: where to send the seller, and the PKCE verifier the callback must bring back. */
    public record Login(String authUrl, String codeVerifier, String state) {
    }

    /** GET /auth/user, and the user of POST /auth/callback. */
    public record User(long id, String etsyUserId, String username, String firstName, String shopId,
            String shopName, LocalDateTime createdAt, LocalDateTime updatedAt) {

        public static User of(AppUser user) {
            return new User(user.id, user.etsyUserId, user.username, user.firstName, user.shopId, user.shopName,
                    user.createdAt.truncatedTo(ChronoUnit.SECONDS), user.updatedAt.truncatedTo(ChronoUnit.SECONDS));
        }
    }

    /** POST /auth/callback: the platform token and the seller. */
    public record SignedIn(String token, User user) {
    }

    /** POST /auth/logout. */
    public record Message(String message) {
    }
}
