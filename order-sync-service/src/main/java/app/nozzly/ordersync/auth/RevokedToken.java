package app.nozzly.ordersync.auth;

import java.time.OffsetDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A platform token ended by logout, kept until it would have expired anyway. */
@Entity
@Table(name = "revoked_token")
public class RevokedToken extends PanacheEntityBase {

    @Id
    public String jti;

    public OffsetDateTime expiresAt;
}
