package app.nozzly.facilitysim.catalog.mapping;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import app.nozzly.facilitysim.catalog.RawMaterial;
import app.nozzly.facilitysim.common.Lang;
import app.nozzly.facilitysim.common.Decimals;
import app.nozzly.facilitysim.world.ResourceType;

/** RawMaterial -> API records in the caller's language. */
@ApplicationScoped
public class RawMaterialMapper {

    public RawMaterialView.Summary summary(RawMaterial m, Lang lang) {
        return new RawMaterialView.Summary(m.id, m.materialNumber, m.origin.name(), m.name(lang), m.waterRequired,
                m.powerRequired, m.totalCost, m.goldCost, m.carbonEmission, m.requiredFacilityType.name());
    }

    public RawMaterialView.Detail detail(RawMaterial m, Lang lang) {
        return new RawMaterialView.Detail(m.id, m.materialNumber, m.origin.name(), m.name(lang), m.waterRequired,
                m.powerRequired, m.totalCost, m.goldCost, m.carbonEmission, m.requiredFacilityType.name(),
                List.of(ResourceType.WATER.name(), ResourceType.POWER.name()), m.carbonEmission,
                new RawMaterialView.Examples(example(m, 10), example(m, 100), example(m, 500)));
    }

    /** At the catalog's reference cost; a real production prices water and power at its providers' prices. */
    private static RawMaterialView.Example example(RawMaterial m, int quantity) {
        BigDecimal q = BigDecimal.valueOf(quantity);
        return new RawMaterialView.Example(quantity,
                m.waterRequired.multiply(q).setScale(Decimals.QUANTITY_SCALE, RoundingMode.HALF_UP),
                m.powerRequired.multiply(q).setScale(Decimals.QUANTITY_SCALE, RoundingMode.HALF_UP),
                m.totalCost.multiply(q).setScale(Decimals.MONEY_SCALE, RoundingMode.HALF_UP),
                m.carbonEmission.multiply(q).setScale(Decimals.QUANTITY_SCALE, RoundingMode.HALF_UP));
    }
}
