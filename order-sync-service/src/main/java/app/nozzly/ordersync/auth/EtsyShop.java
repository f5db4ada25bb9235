package app.nozzly.ordersync.auth;

import java.time.OffsetDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import app.nozzly.ordersync.common.TenantRow;

/** A connected Etsy shop: its encrypted OAuth tokens and how far its receipts have been synced. */
@Entity
@Table(name = "etsy_shop")
public class EtsyShop extends TenantRow {

    public String etsyUserId;
    public String accessTokenEnc;
    public String refreshTokenEnc;
    public OffsetDateTime accessExpiresAt;
    /** Etsy update_timestamp (epoch seconds) up to which every receipt is committed; null before the first sync. */
    public Long syncCursor;
    public OffsetDateTime lastSyncAt;
    public OffsetDateTime createdAt;
    public OffsetDateTime updatedAt;

    public static EtsyShop current() {
        return find("from EtsyShop").firstResult();
    }
}
