package app.nozzly.production.process.errors;

/**
 * specs/001 "Códigos de Error" PROD001-PROD012 with their HTTP status, plus the codes of the rules the spec states
 * without a code (other not-found resources, state transitions, maintenance, an inventory outage). Invalid input is
 * the platform's VALIDATION_ERROR (platform-commons ApiProblem).
 */
public enum ProcessErrorCode {
    /** Reactor no encontrado. */
    PROD001(404),
    /** Reactor ocupado con otro batch. */
    PROD002(409),
    /** Receta no aprobada para producción. */
    PROD003(422),
    /** Materias primas insuficientes. */
    PROD004(422),
    /** Batch no encontrado. */
    PROD005(404),
    /** Control de calidad fallido. */
    PROD006(422),
    /** Estación fuera de servicio. */
    PROD007(409),
    /** Orden de producción cancelada. */
    PROD008(409),
    /** Temperatura fuera de rango. */
    PROD009(422),
    /** Presión crítica. */
    PROD010(422),
    /** COFEPRIS compliance no verificado. */
    PROD011(422),
    /** Operador no certificado. */
    PROD012(422),
    RECIPE_NOT_FOUND(404),
    ORDER_NOT_FOUND(404),
    STATION_NOT_FOUND(404),
    OPERATOR_NOT_FOUND(404),
    PRODUCT_NOT_FOUND(422),
    MATERIAL_NOT_FOUND(422),
    INVALID_STATE_TRANSITION(409),
    /** A value a client chooses, unique per tenant, is taken (a recipe version). */
    ALREADY_EXISTS(409),
    MAINTENANCE_OVERDUE(422),
    MAINTENANCE_POSTPONED(422),
    INVENTORY_UNAVAILABLE(503);

    private final int status;

    ProcessErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
