package app.nozzly.ordersync.auth;

import java.time.LocalDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The seller who signed in with Etsy (specs/002 Authentication, user); the shop is the tenant. */
@Entity
@Table(name = "app_user")
public class AppUser extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @org.hibernate.annotations.TenantId
    public String tenantId;

    public String etsyUserId;
    public String username;
    public String firstName;
    public String shopId;
    public String shopName;
    public LocalDateTime createdAt;
    public LocalDateTime updatedAt;
}
