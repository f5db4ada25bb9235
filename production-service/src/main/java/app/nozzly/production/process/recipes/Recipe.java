package app.nozzly.production.process.recipes;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import app.nozzly.platform.tenancy.TenantEntity;
import app.nozzly.production.process.recipes.RecipeParts.Ingredient;
import app.nozzly.production.process.recipes.RecipeParts.MixingPoint;
import app.nozzly.production.process.recipes.RecipeParts.QualityParameter;
import app.nozzly.production.process.recipes.RecipeParts.Step;
import app.nozzly.production.process.recipes.RecipeParts.TemperaturePoint;

/** One version of a formulation (specs/001 Recipe); a new version of the same name is a new row. */
@Entity
@Table(name = "process_recipe")
public class Recipe extends TenantEntity {

    @Id
    public UUID id;

    public String name;

    public UUID productId;

    public String productName;

    @Convert(converter = ProductCategory.Column.class)
    public ProductCategory productCategory;

    public String version;

    public int major;

    public int minor;

    public String description;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Ingredient> ingredients;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Step> steps;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<QualityParameter> qualityParameters;

    public int estimatedDuration;

    public BigDecimal batchSize;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<TemperaturePoint> temperatureProfile;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<MixingPoint> mixingProfile;

    public boolean cofeprisApproved;

    public OffsetDateTime approvalDate;

    public String createdBy;

    public String approvedBy;

    public String approvalNotes;

    public String testBatchResults;

    @Convert(converter = RecipeStatus.Column.class)
    public RecipeStatus status;

    public OffsetDateTime createdAt;

    public OffsetDateTime updatedAt;
}
