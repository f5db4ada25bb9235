package app.nozzly.ordersync.auth.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import app.nozzly.ordersync.auth.AppUser;
import app.nozzly.ordersync.auth.EtsyShop;
import app.nozzly.ordersync.auth.RevokedToken;
import app.nozzly.ordersync.auth.repository.Revocations;
import app.nozzly.ordersync.auth.repository.ShopConnections;
import app.nozzly.ordersync.config.EtsyConfig;
import app.nozzly.ordersync.etsy.EtsyException;
import app.nozzly.ordersync.etsy.EtsyUnavailable;
import app.nozzly.ordersync.etsy.client.Etsy;
import app.nozzly.ordersync.etsy.client.EtsyModels;
import app.nozzly.ordersync.etsy.service.EtsyAccounts;
import app.nozzly.platform.errors.ApiProblem;
import app.nozzly.platform.outbox.Outbox;
import app.nozzly.platform.tenancy.TenantContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/** specs/002 Authentication: Etsy OAuth 2.0 with PKCE, the seller's account and platform tokens. */
@ApplicationScoped
public class AuthService {

    private static final Logger LOG = Logger.getLogger(AuthService.class);

    public record Login(String authUrl, String codeVerifier, String state) {
    }

    public record SignedIn(String token, AppUser user) {
    }

    /** Payload of auth.token.revoked: the token id and when it would have expired anyway. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TokenRevoked(String jti, OffsetDateTime expiresAt) {
    }

    public static final String REVOCATIONS_TOPIC = "auth.revocations";
    public static final String TOKEN_REVOKED = "auth.token.revoked";

    private final SecureRandom random = new SecureRandom();

    @Inject
    EtsyConfig config;

    @Inject
    Etsy etsy;

    @Inject
    EtsyAccounts accounts;

    @Inject
    PlatformTokens tokens;

    @Inject
    TenantContext tenants;

    @Inject
    Outbox outbox;

    @Inject
    ShopConnections connections;

    @Inject
    Revocations revocations;

    public Login login() {
        String verifier = randomUrlSafe(48);
        String state = randomUrlSafe(18);
        String url = config.authorizeUrl() + "?response_type=code"
                + "&client_id=" + enc(config.keystring())
                + "&redirect_uri=" + enc(config.redirectUri())
                + "&scope=" + enc(config.scopes())
                + "&state=" + enc(state)
                + "&code_challenge=" + s256(verifier)
                + "&code_challenge_method=S256";
        return new Login(url, verifier, state);
    }

    /** Exchanges Etsy's code with the PKCE verifier (RFC 7636, checked by the resource) for the shop's tokens. */
    public SignedIn callback(String code, String codeVerifier) {
        EtsyModels.Tokens etsyTokens;
        EtsyModels.Self self;
        EtsyModels.Shop shop;
        EtsyModels.User user;
        try {
            etsyTokens = etsy.exchangeCode(code, codeVerifier);
            String access = etsyTokens.accessToken();
            self = etsy.me(access);
            shop = etsy.shop(access, self.shopId());
            user = etsy.user(access, self.userId());
        } catch (EtsyException e) {
            LOG.warnf("Etsy sign-in failed: %s", e.getMessage());
            if (e.status() >= 400 && e.status() < 500 && e.status() != 429) {
                throw ApiProblem.badRequest("Etsy refused the sign-in: " + e.getMessage());
            }
            throw new EtsyUnavailable("Etsy is not answering the sign-in right now: " + e.getMessage());
        }
        String tenant = String.valueOf(shop.shopId());
        AppUser saved = tenants.callAs(tenant, () -> QuarkusTransaction.requiringNew().call(() -> {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            EtsyShop connection = connections.lockOrCreate(String.valueOf(self.userId()));
            connection.etsyUserId = String.valueOf(self.userId());
            accounts.storeTokens(connection, etsyTokens);
            AppUser account = AppUser.<AppUser>find("etsyUserId", String.valueOf(self.userId())).firstResultOptional()
                    .orElseGet(AppUser::new);
            LocalDateTime local = now.toLocalDateTime();
            if (account.id == null) {
                account.createdAt = local;
            }
            account.etsyUserId = String.valueOf(self.userId());
            account.username = shop.loginName() != null ? shop.loginName() : shop.shopName();
            account.firstName = user.firstName();
            account.shopId = tenant;
            account.shopName = shop.shopName();
            account.updatedAt = local;
            account.persist();
            return account;
        }));
        LOG.infof("seller %s signed in with Etsy for shop %s (%s)", saved.etsyUserId, tenant, saved.shopName);
        return new SignedIn(tokens.issue(saved), saved);
    }

    /**
     * Ends a platform token: refused here at once, and by every other service once it reads
     * auth.token.revoked from auth.revocations (platform-commons TokenRevocations).
     */
    @Transactional
    public void logout(String jti, long expiresAtEpochSeconds) {
        OffsetDateTime expiresAt = Instant.ofEpochSecond(expiresAtEpochSeconds).atOffset(ZoneOffset.UTC);
        if (jti == null || !revocations.revoke(jti, expiresAt)) {
            return;
        }
        outbox.publish(REVOCATIONS_TOPIC, jti, TOKEN_REVOKED, new TokenRevoked(jti, expiresAt));
        LOG.infof("tenant %s: platform token %s revoked until %s", tenants.require(), jti, expiresAt);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AppUser> user(String etsyUserId) {
        return AppUser.find("etsyUserId", etsyUserId).firstResultOptional();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean revoked(String jti) {
        return RevokedToken.count("jti", jti) > 0;
    }

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void forgetExpiredRevocations() {
        RevokedToken.delete("expiresAt < ?1", OffsetDateTime.now(ZoneOffset.UTC));
    }

    private String randomUrlSafe(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
