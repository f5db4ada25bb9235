package app.nozzly.ordersync.auth;

import java.time.LocalDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import app.nozzly.ordersync.common.TenantRow;

/** The seller who signed in with Etsy (specs/002 Authentication, user); the shop is the tenant. */
@Entity
@Table(name = "app_user")
public class AppUser extends TenantRow {

    public String etsyUserId;
    public String username;
    public String firstName;
    public String shopId;
    public String shopName;
    public LocalDateTime createdAt;
    public LocalDateTime updatedAt;
}
