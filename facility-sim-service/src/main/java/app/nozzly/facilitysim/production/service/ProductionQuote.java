package app.nozzly.facilitysim.production.service;

import java.math.BigDecimal;
import java.math.RoundingMode;

import app.nozzly.facilitysim.catalog.RawMaterial;
import app.nozzly.facilitysim.common.Decimals;

/**
 * The numbers of one production (specs/004 sections 1 and 4), one formula for estimate and produce: resources
 * and space at 3 decimals, each money amount rounded once to the cent (HALF_UP).
 *
 * @param materialBaseCost the gold component (quantity x goldCost), paid to the game, not to a team
 */
public record ProductionQuote(BigDecimal quantity, BigDecimal water, BigDecimal power, BigDecimal waterUnitPrice,
        BigDecimal powerUnitPrice, BigDecimal waterCost, BigDecimal powerCost, BigDecimal materialBaseCost,
        BigDecimal totalCost, BigDecimal costPerUnit, BigDecimal space) {

    public static ProductionQuote of(RawMaterial material, BigDecimal quantity, BigDecimal waterUnitPrice,
            BigDecimal powerUnitPrice) {
        BigDecimal water = amount(quantity.multiply(material.waterRequired));
        BigDecimal power = amount(quantity.multiply(material.powerRequired));
        BigDecimal waterCost = money(water.multiply(waterUnitPrice));
        BigDecimal powerCost = money(power.multiply(powerUnitPrice));
        BigDecimal base = money(quantity.multiply(material.goldCost));
        BigDecimal total = waterCost.add(powerCost).add(base);
        return new ProductionQuote(amount(quantity), water, power, money(waterUnitPrice), money(powerUnitPrice),
                waterCost, powerCost, base, total, total.divide(quantity, Decimals.MONEY_SCALE, RoundingMode.HALF_UP),
                amount(quantity.multiply(material.carbonEmission)));
    }

    static BigDecimal money(BigDecimal value) {
        return value.setScale(Decimals.MONEY_SCALE, RoundingMode.HALF_UP);
    }

    static BigDecimal amount(BigDecimal value) {
        return value.setScale(Decimals.QUANTITY_SCALE, RoundingMode.HALF_UP);
    }
}
