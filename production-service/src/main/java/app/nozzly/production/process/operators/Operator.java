package app.nozzly.production.process.operators;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import app.nozzly.platform.tenancy.TenantEntity;

/** A plant operator and the certifications that let them run chemical batches (specs/001 PROD012). */
@Entity
@Table(name = "process_operator")
public class Operator extends TenantEntity {

    /** The certification specs/001 requires to handle chemicals. */
    public static final String CHEMICAL_HANDLING = "chemical_handling";

    @Id
    public UUID id;

    public String name;

    public String employeeNumber;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Certification> certifications = new ArrayList<>();

    public boolean active;

    public OffsetDateTime createdAt;

    public OffsetDateTime updatedAt;

    /** Certified for chemicals on {@code day}: active, with an unexpired chemical_handling certification. */
    public boolean certifiedForChemicals(LocalDate day) {
        return active && certifications.stream()
                .anyMatch(c -> CHEMICAL_HANDLING.equals(c.type()) && !c.expiresAt().isBefore(day));
    }
}
