package app.nozzly.inventory.spools;

import app.nozzly.inventory.stock.StockItem;

/** A spool with its stock, as services hand it to the API mappers (v1 spools, specs/002 filaments). */
public record SpoolStock(Spool spool, StockItem stock) {
}
